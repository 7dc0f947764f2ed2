// Client-safe: when a staff member's address needs confirming again. A verified address proves a mailbox, not a
// job: people leave their university and keep reading forwarded mail, so staff confirm yearly that the address is
// still theirs there (lib/data/accounts/address-reverification.ts).
import { formatPartialDate } from "./dates";

/** Days a confirmed address counts as confirmed. */
export const REVERIFY_DAYS = 365;
/** Days before it falls due that the account pages start asking. */
export const REVERIFY_PROMPT_DAYS = 30;
/** Days the mailed link works. */
export const REVERIFY_LINK_DAYS = 7;

const DAY = 86_400_000;

/** The moment an address confirmed at `verifiedAt` must be confirmed again by. */
export const addressDueAt = (verifiedAt: Date) => new Date(verifiedAt.getTime() + REVERIFY_DAYS * DAY);

/** Confirmed; due within the prompt window (asked, still writing); or overdue (reading only). */
export type AddressStanding = "confirmed" | "due" | "overdue";

export function addressStanding(dueAt: Date, now = new Date()): AddressStanding {
  if (dueAt.getTime() <= now.getTime()) return "overdue";
  return dueAt.getTime() - now.getTime() <= REVERIFY_PROMPT_DAYS * DAY ? "due" : "confirmed";
}

/**
 * A staff account's due date. An account whose address was never proved by a link (made in the database by a seed
 * or a test) counts from its creation, so no staff account is without one. Admins have none: their accounts are
 * made and closed from the server's shell by whoever runs the portal, not claimed through an institution's domain.
 */
export function staffAddressDueAt(user: { role: string; emailVerifiedAt: Date | null; createdAt: Date }) {
  return user.role === "STAFF" ? addressDueAt(user.emailVerifiedAt ?? user.createdAt) : null;
}

/** What the account pages show a staff member whose address is due or overdue (dueAt as ISO text). */
export type AddressPrompt = { email: string; institution: string; dueAt: string; standing: "due" | "overdue" };

/** A due date or a confirmation date as its day ("Nov 30, 2027" / "2027年11月30日"). */
export const addressDay = (iso: string, locale: string) =>
  formatPartialDate({ iso: iso.slice(0, 10), precision: "DAY" }, locale) ?? iso.slice(0, 10);
