import type { FormerPeriod } from "../membership-periods";
// What the UI shows about one membership and its sources (client-safe shapes; lib/data builds them).
import type { PartialDate } from "../dates";
import type { MembershipRole, MembershipStatus } from "../enums";
import type { SideDifference, SideFacts, SidesState } from "../membership-sides";

/** A fact's source as shown beside it, with the passage quoted from it. */
export type SourceRef = {
  key: string;
  title: string;
  publisher: string | null;
  url: string | null;
  seenOn: string;
  quote: string | null;
};

/**
 * Who has said a membership is accurate: the institution (its page, its staff) and the organization's own side
 * (its source, and the facts it states), and whether the two agree (lib/shared/membership-sides.ts).
 */
export type Confirmation = {
  institutionConfirmedOn: string | null;
  organizationSource: SourceRef | null;
  /** The facts the organization's side states (null ones it does not state). */
  organizationFacts: SideFacts | null;
  /** The organization's side was stated from an address of the member itself: it does not corroborate. */
  organizationStatedByMember: boolean;
  /** BOTH only when the university confirmed and the organization's independent side agrees. */
  state: SidesState;
  differences: SideDifference[];
  corroborated: boolean;
};

/** What a member row and a participation row both show about one membership. */
export type MembershipFacts = {
  role: MembershipRole;
  status: MembershipStatus;
  joined: PartialDate | null;
  ended: PartialDate | null;
  /** Earlier periods (left, then rejoined), earliest first; `joined`/`ended` are the current one. */
  formerPeriods: FormerPeriod[];
  notes: string | null;
  source: SourceRef | null;
  updatedAt: string;
  confirmation: Confirmation;
};
