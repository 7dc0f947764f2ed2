// What the UI shows about one membership and its sources (client-safe shapes; lib/data builds them).
import type { PartialDate } from "../dates";
import type { MembershipRole, MembershipStatus } from "../enums";

/** A fact's source as shown beside it, with the passage quoted from it. */
export type SourceRef = {
  key: string;
  title: string;
  publisher: string | null;
  url: string | null;
  seenOn: string;
  quote: string | null;
};

/** Who has said a membership is accurate: the institution (its page, its staff) and the organization's own source. */
export type Confirmation = {
  institutionConfirmedOn: string | null;
  organizationSource: SourceRef | null;
  corroborated: boolean;
};

/** What a member row and a participation row both show about one membership. */
export type MembershipFacts = {
  role: MembershipRole;
  status: MembershipStatus;
  joined: PartialDate | null;
  ended: PartialDate | null;
  notes: string | null;
  source: SourceRef | null;
  updatedAt: string;
  confirmation: Confirmation;
};
