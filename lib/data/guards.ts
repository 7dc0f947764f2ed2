// Who may act, checked in the data layer (pages and components only add comfort).
import type { Actor } from "../shared/actor";
import { ForbiddenError, UnauthorizedError } from "../shared/errors";

export function requireAdmin(actor: Actor | null, message = "Only admins may do that."): Actor {
  if (!actor) throw new UnauthorizedError();
  if (actor.role !== "ADMIN") throw new ForbiddenError(message);
  return actor;
}

/** A university's staff member, with the institution their account belongs to. */
export function requireStaff(actor: Actor | null): Actor & { institutionId: string } {
  if (!actor) throw new UnauthorizedError();
  if (actor.role !== "STAFF" || !actor.institutionId)
    throw new ForbiddenError("Only a university's staff propose changes to its entries.");
  return actor as Actor & { institutionId: string };
}
