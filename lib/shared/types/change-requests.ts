// Shapes of a change request as the review screens show them (client-safe; lib/data builds them).
import type { PartialDate } from "../dates";
import type { MembershipRole, MembershipStatus } from "../enums";

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
};

export type FieldDiff = { field: string; before: unknown; after: unknown; changed: boolean };
