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

/** A university's staff member, approved (manager or editor), with the institution their account belongs to. */
export function requireStaff(
  actor: Actor | null,
  message = "Only a university's staff propose changes to its entries.",
): Actor & { institutionId: string } {
  const signedIn = requireActor(actor);
  if (signedIn.role !== "STAFF" || !signedIn.institutionId) throw new ForbiddenError(message);
  if (!signedIn.staffRole) throw new ForbiddenError(PENDING_MESSAGE);
  return { ...signedIn, institutionId: signedIn.institutionId };
}
