// Shapes of a change request as the review screens show them (client-safe; lib/data builds them).
import type { PartialDate } from "../dates";
import type { FormerPeriod } from "../membership-periods";
import type { ChangeKind, ChangeStatus, MembershipRole, MembershipStatus, MergeOutcome, UserRole } from "../enums";
import type { SimilarOrganization } from "./similar-organizations";

/** A membership's editable values as stored in a change request (JSON-safe). */
export type MembershipSnapshot = {
  role: MembershipRole;
  status: MembershipStatus;
  joined: PartialDate | null;
  ended: PartialDate | null;
  notes: string | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
  sourceQuote: string | null;
  /** When the source was read ("2026-11-29", or a month or year): the Source's seen date. Absent in requests
   * made before sources carried it (they are applied with the request's day). */
  sourceSeenOn?: string | null;
  /** Earlier periods (left, then rejoined), earliest first; absent when there are none (and in requests made
   * before periods existed, and in an organization's statements, which leave them as they are). */
  formerPeriods?: FormerPeriod[];
};

export type FieldDiff = { field: string; before: unknown; after: unknown; changed: boolean };

/**
 * A field as the review page shows it: also its value now, read as the page renders, and `drifted` when a
 * pending request's record no longer holds the value the request was based on (a conflict to see).
 */
export type ReviewedFieldDiff = FieldDiff & { now: unknown; drifted: boolean };

/** One change request as the review queue and a staff member's list show it. */
export type ChangeRequestRow = {
  id: string;
  kind: ChangeKind;
  status: ChangeStatus;
  createdAt: string;
  decidedAt: string | null;
  /** Why the request no longer applies cleanly, if it does not. */
  conflict: string | null;
  /**
   * Whose statement it is: the proposing university (the institution's side) or the organization whose secretariat
   * proposed it (the organization's side).
   */
  party: { kind: "institution" | "organization"; slug: string; name: string };
  /**
   * What the request is about: on the institution's side its organization, the proposed new organization, or the
   * institution itself; on the organization's side the member concerned, a proposed new institution, or the
   * organization's own profile.
   */
  organization: { slug: string | null; name: string };
  proposedBy: string;
};

/** The last thing that happened to a request after it was sent: a comment, or its decision (or withdrawal). */
export type LatestRequestEvent = {
  kind: "comment" | "decision";
  /** The decision's outcome; null for a comment. */
  status: ChangeStatus | null;
  at: string;
  by: string | null;
};

export type ChangeRequestComment = {
  id: string;
  body: string;
  createdAt: string;
  author: string;
  authorRole: UserRole;
};

/** One request with its field-level diff and its conversation, as its review page shows it. */
export type ChangeRequestDetail = ChangeRequestRow & {
  reason: string | null;
  baseVersion: number | null;
  decisionComment: string | null;
  decidedBy: string | null;
  /** Changed fields first. */
  diff: ReviewedFieldDiff[];
  /** Whether the record exists now (a proposed new one does not until approved). */
  recordExists: boolean;
  comments: ChangeRequestComment[];
  warnings: DateWarning[];
  /** A pending proposed organization's possible duplicates (empty otherwise). */
  similar: SimilarOrganization[];
  /** Set once a proposed organization was recorded as a membership of an existing one instead. */
  mergeOutcome: MergeOutcome | null;
  /** A proposed organization's name as proposed (null for other kinds). */
  proposedName: string | null;
};

/** Something a reviewer should check before deciding, that does not stop the request (the proposer sees it too). */
export type DateWarning = { code: "joinedBeforeFounding"; joined: PartialDate; founded: PartialDate };
