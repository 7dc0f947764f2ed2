import type { FormerPeriod } from "../membership-periods";
import type { PartialDate } from "../dates";
import type { AuditEventName } from "../audit-events";
import type { MembershipRole, MembershipStatus } from "../enums";

/** A membership's facts on one side of a change, with the source and passage they rested on then. */
export type HistoryValues = {
  role: MembershipRole;
  status: MembershipStatus;
  joined: PartialDate | null;
  ended: PartialDate | null;
  /** Earlier periods (left, then rejoined), earliest first; none in rows written before periods existed. */
  formerPeriods: FormerPeriod[];
  source: { title: string | null; url: string | null; quote: string | null; seenOn: string | null };
};

/** One approved change to a membership as the public history lists it (no names of people). */
export type PublicHistoryEntry = {
  at: string;
  action: AuditEventName;
  institution: { slug: string; name: string };
  organization: { slug: string; name: string };
  /** For an added, changed or ended membership: the values before (none for an addition) and after. */
  before: HistoryValues | null;
  after: HistoryValues | null;
};
