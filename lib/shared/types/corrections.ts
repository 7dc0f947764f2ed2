// Client-safe: suggested corrections as the triage pages and the status page show them.

export type CorrectionStatusValue = "OPEN" | "IN_REVIEW" | "CLOSED";

/** What a correction is about: an organization or an institution, by its slug and its name in the page's language. */
export type CorrectionRecord = { kind: "organization" | "institution"; slug: string; name: string };

/** One open correction in a manager's or an admin's queue. Its text and address are shown as text, never as links. */
export type CorrectionTriageRow = {
  id: string;
  record: CorrectionRecord;
  what: string;
  sourceUrl: string;
  /** Whether the suggester left an address (the address itself is not shown: mails go through the portal). */
  hasEmail: boolean;
  createdAt: string;
};

/** The status page's view: what the suggester wrote and what became of it. */
export type CorrectionStatusView = {
  record: CorrectionRecord;
  what: string;
  sourceUrl: string;
  status: CorrectionStatusValue;
  closedReason: string | null;
  /** The change request's state when the correction became one: PENDING, APPROVED, REJECTED or WITHDRAWN. */
  changeRequestStatus: string | null;
  createdAt: string;
  decidedAt: string | null;
};
