// Client-safe shapes of the admins' discrepancy report (lib/data/admin/discrepancies.ts).

/** A record as the report names it. */
export type Ref = { slug: string; name: string };

/** The report's checks, as stored on a dismissal (prisma enum DiscrepancyKind). */
export const DISCREPANCY_KINDS = [
  "COUNT_GAP",
  "JOINED_BEFORE_FOUNDED",
  "ONLY_INSTITUTION",
  "FOUNDER_NOT_MEMBER",
  "NOT_CONFIRMED_BY_INSTITUTION",
  "DUPLICATE_INSTITUTIONS",
  "DUPLICATE_ORGANIZATIONS",
  "SIDES_DISAGREE",
] as const;

export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];

/**
 * What identifies one entry of the report: its check, the record(s) it is about (`subject`: a membership's id,
 * an organization's id, "a:b" for a pair) and its facts as they are now (`facts`), which a dismissal keeps.
 */
export type DiscrepancyEntry = { kind: DiscrepancyKind; subject: string; facts: string };

/** An entry an admin set aside, as the "show dismissed" view lists it. */
export type DismissedDiscrepancy = {
  id: string;
  kind: DiscrepancyKind;
  subject: string;
  reason: string;
  dismissedBy: string;
  dismissedAt: string;
  /** False when the entry's facts changed since: it is back in the report. */
  stillApplies: boolean;
};
