import "server-only";
// Who may act, checked in the data layer (pages and components only add comfort). Every check of a role is
// one of these, so a message or a rule changes in one place.
import type { Actor } from "../shared/actor";
import { ForbiddenError, UnauthorizedError } from "../shared/errors";

/** Anyone signed in. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new UnauthorizedError();
  return actor;
}

export function requireAdmin(actor: Actor | null, message = "Only admins may do that."): Actor {
  const signedIn = requireActor(actor);
  if (signedIn.role !== "ADMIN") throw new ForbiddenError(message);
  return signedIn;
}

/** Refused to staff who signed up and wait for approval (staffRole null): they may sign in and wait, nothing more. */
export const PENDING_MESSAGE = "Your account is waiting for approval: you can propose changes once it is approved.";

/**
 * Refused to staff whose yearly address confirmation is overdue (lib/data/accounts/address-reverification.ts): they
 * may sign in and read, and the account pages offer the link that lifts this.
 */
export const ADDRESS_OVERDUE_MESSAGE =
  "Confirm that your email address is still yours at your institution before you make changes: " +
  "the button at the top of your account pages mails you a link.";

/**
 * A university's staff member, approved (manager or editor), with the institution their account belongs to. For
 * writing (the default), their address must also be confirmed within the year; reads pass "read", so an overdue
 * account still sees its pages while it confirms.
 */
export function requireStaff(
  actor: Actor | null,
  message = "Only a university's staff propose changes to its entries.",
  access: "write" | "read" = "write",
): Actor & { institutionId: string } {
  const signedIn = requireActor(actor);
  if (signedIn.role !== "STAFF" || !signedIn.institutionId) throw new ForbiddenError(message);
  if (!signedIn.staffRole) throw new ForbiddenError(PENDING_MESSAGE);
  if (access === "write") requireAddressCurrent(signedIn);
  return { ...signedIn, institutionId: signedIn.institutionId };
}

/**
 * An organization's secretariat member, approved (manager or editor), with the organization whose side they keep.
 * Like requireStaff: writes (the default) also need the address confirmed within the year.
 */
export function requireSecretariat(
  actor: Actor | null,
  message = "Only an organization's secretariat proposes changes to its side.",
  access: "write" | "read" = "write",
): Actor & { organizationId: string } {
  const signedIn = requireActor(actor);
  if (signedIn.role !== "STAFF" || !signedIn.organizationId) throw new ForbiddenError(message);
  if (!signedIn.staffRole) throw new ForbiddenError(PENDING_MESSAGE);
  if (access === "write") requireAddressCurrent(signedIn);
  return { ...signedIn, organizationId: signedIn.organizationId };
}

/** Anyone signed in whose address is not overdue (admins have no due date): for writes open to admins and staff. */
export function requireAddressCurrent(actor: Actor): Actor {
  if (actor.addressDueAt && actor.addressDueAt.getTime() <= Date.now())
    throw new ForbiddenError(ADDRESS_OVERDUE_MESSAGE);
  return actor;
}
