import "server-only";
import type { Actor } from "../../shared/actor";
import { requireSecretariat, requireStaff } from "../guards";

/** Whose side an account keeps: its university's, or its organization's (a secretariat). Never both (a trigger). */
export type AccountSide = { institutionId: string } | { organizationId: string };

/**
 * An approved member of either side, a university's staff or an organization's secretariat, with the side their
 * account keeps, for what both do alike (colleagues, sign-up decisions, the yearly address confirmation). The side
 * comes from the account, never from the input; the checks are guards.ts's own (pending, overdue for writes).
 */
export function requireSideMember(
  actor: Actor | null,
  message: string,
  access: "write" | "read" = "write",
): Actor & { side: AccountSide } {
  if (actor?.role === "STAFF" && actor.organizationId) {
    const secretariat = requireSecretariat(actor, message, access);
    return { ...secretariat, side: { organizationId: secretariat.organizationId } };
  }
  const staff = requireStaff(actor, message, access);
  return { ...staff, side: { institutionId: staff.institutionId } };
}
