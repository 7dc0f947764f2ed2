// Client-safe: one approved, public change as the changes endpoint, the Atom feeds and (later) webhooks give it.

/** The events that change public data: every other event (accounts, corrections, reviews) stays private. */
export const PUBLIC_CHANGE_EVENTS = [
  "membership.create",
  "membership.update",
  "membership.end",
  "membership.confirm",
  "membership.corroborate",
  "membership.reread",
  "institution.create",
  "institution.update",
  "organization.create",
  "organization.update",
] as const;

export type PublicChangeEvent = (typeof PUBLIC_CHANGE_EVENTS)[number];

/** A record named by slug, with its English name, its page and its data in the read API. */
export type PublicChangeSide = { slug: string; name: string; pageUrl: string; apiUrl: string };

export type PublicChangeRecord =
  | ({ type: "organization" } & PublicChangeSide)
  | ({ type: "institution" } & PublicChangeSide)
  | {
      type: "membership";
      id: string;
      /** "<institution> in <organization>", in English. */
      name: string;
      organization: PublicChangeSide;
      institution: PublicChangeSide;
      pageUrl: string;
      apiUrl: string;
    };

export type PublicChangeSource = {
  title: string | null;
  url: string | null;
  quote: string | null;
  seenOn: string | null;
};

/**
 * Where a reader of the changes stream stands: the writing transaction's id and the event's id, both as decimal
 * text (64-bit integers do not fit a JSON number). Items come in (tx, id) order; see lib/data/open/changes.ts.
 */
export type ChangePosition = { tx: string; id: string };

export type PublicChange = {
  /** The audit event's id: stable, and the same in every feed. */
  id: string;
  position: ChangePosition;
  event: PublicChangeEvent;
  /** When it was applied (ISO 8601). */
  at: string;
  record: PublicChangeRecord;
  /** The public fields the change touched, as they were and as they became; null when there was no before. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The source the new values rest on, when the change names one. */
  source: PublicChangeSource | null;
};
