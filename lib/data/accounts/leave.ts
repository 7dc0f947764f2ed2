import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import type { Actor } from "../../shared/actor";
import { ConflictError, ForbiddenError, ValidationError } from "../../shared/errors";
import { requireActor } from "../guards";
import { lockedManagers } from "./colleagues";
import { accountKey } from "./login-throttle";
import { normalizeEmail } from "./sessions";

const LAST_MANAGER = "You are your institution's only manager: make a colleague manager first.";
const SECRETARIAT_LAST_MANAGER =
  "You are your organization's secretariat's only manager: make a colleague manager first.";
const NOT_YOUR_ADDRESS = "Type your own email address to confirm.";

/** What stays of a deleted account: an id the history's rows point at, and nothing that names the person. */
export const FORMER_NAME = "Former staff member";
const formerEmail = (id: string) => `deleted-${id}@deleted.invalid`;

/**
 * A staff member leaves their institution and deletes their account, confirming with their own address. What they
 * proposed and decided stays in the history under the account's id; their name, address, password, links,
 * notifications, throttling rows and mails are gone. An institution keeps a manager while it has other staff: its
 * only manager names another first (colleagues.ts). Admins' accounts are closed from the shell, not here.
 */
export async function leaveAndDeleteAccount(actor: Actor | null, input: { confirmEmail: string }) {
  const me = requireActor(actor);
  if (me.role !== "STAFF") throw new ForbiddenError("Only a university's staff leave their institution here.");
  if (normalizeEmail(input.confirmEmail) !== normalizeEmail(me.email))
    throw new ValidationError(NOT_YOUR_ADDRESS, { confirmEmail: [NOT_YOUR_ADDRESS] });
  await db().$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: me.id, role: "STAFF", disabledAt: null },
      select: { id: true, email: true, staffRole: true, institutionId: true, organizationId: true },
    });
    if (!user) throw new ForbiddenError("This account is closed already.");
    // Either side keeps a manager while it has other people: a secretariat's as a university's.
    const side = user.institutionId
      ? { institutionId: user.institutionId }
      : user.organizationId
        ? { organizationId: user.organizationId }
        : null;
    if (side && user.staffRole === "MANAGER") {
      const managers = await lockedManagers(tx, side);
      const others = await tx.user.count({ where: { ...side, role: "STAFF", disabledAt: null, id: { not: user.id } } });
      if (managers.length === 1 && others > 0)
        throw new ConflictError("organizationId" in side ? SECRETARIAT_LAST_MANAGER : LAST_MANAGER);
    }
    await tx.userToken.deleteMany({ where: { userId: user.id } });
    await tx.notification.deleteMany({ where: { userId: user.id } });
    await tx.loginThrottle.deleteMany({ where: { key: accountKey(user.email) } });
    await tx.outboxMail.deleteMany({ where: { to: user.email } });
    await tx.user.update({
      where: { id: user.id },
      data: {
        email: formerEmail(user.id),
        name: FORMER_NAME,
        passwordHash: null,
        institutionId: null,
        organizationId: null,
        staffRole: null,
        disabledAt: new Date(),
        sessionVersion: { increment: 1 },
      },
    });
    // The audit keeps what changed for the institution, not who the person was.
    await recordAudit(tx, {
      event: "user.leave",
      entityId: user.id,
      actorId: user.id,
      before: { ...(side ?? { institutionId: null }), staffRole: user.staffRole },
      after: {
        ...(side && "organizationId" in side ? { organizationId: null } : { institutionId: null }),
        disabled: true,
      },
    });
  });
}
