import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import type { Actor } from "../../shared/actor";
import { ConflictError, ForbiddenError, NotFoundError } from "../../shared/errors";
import type { StaffRoleValue } from "../../shared/vocabulary";
import { requireStaff } from "../guards";
import type { Prisma } from "../../generated/prisma/client";

// A university's staff among themselves: managers promote, demote and remove colleagues of their own institution;
// editors see who their colleagues are. Admins change anyone's role on the accounts page (user-admin.ts). The
// institution is always the acting manager's own, taken from the account, never from the input.

const NOT_A_COLLEAGUE = "No colleague of your institution has this account.";
const LAST_MANAGER = "Your institution keeps at least one manager: make a colleague manager first.";

/** The acting staff member, read again from the database: a role changed since the session began counts. */
async function staffMember(actor: Actor | null, access: "write" | "read" = "write") {
  const staff = requireStaff(actor, "This page is for a university's staff.", access);
  const me = await db().user.findFirst({
    where: { id: staff.id, institutionId: staff.institutionId, disabledAt: null, role: "STAFF" },
    select: { staffRole: true },
  });
  if (!me) throw new ForbiddenError("This page is for a university's staff.");
  return { ...staff, staffRole: me.staffRole };
}

async function manager(actor: Actor | null) {
  const me = await staffMember(actor);
  if (me.staffRole !== "MANAGER") throw new ForbiddenError("Only your institution's managers manage colleagues.");
  return me;
}

/** The institution's staff accounts, for its own staff: managers first, then by name. */
export async function listColleagues(actor: Actor | null) {
  const me = await staffMember(actor, "read");
  const rows = await db().user.findMany({
    // People who signed up and wait for approval are not colleagues yet (claims.ts lists them).
    where: { institutionId: me.institutionId, role: "STAFF", staffRole: { not: null }, disabledAt: null },
    select: { id: true, name: true, email: true, staffRole: true, lastLoginAt: true, passwordHash: true },
    orderBy: [{ staffRole: "asc" }, { name: "asc" }, { email: "asc" }],
  });
  return {
    canManage: me.staffRole === "MANAGER",
    myId: me.id,
    colleagues: rows.map(({ passwordHash, lastLoginAt, ...c }) => ({
      ...c,
      invited: !passwordHash,
      lastLoginAt: lastLoginAt?.toISOString() ?? null,
    })),
  };
}

/**
 * The institution's enabled managers, locked until the transaction ends: two managers demoting or removing each
 * other at once are served one after the other, and the second sees that only one manager is left.
 */
export async function lockedManagers(tx: Prisma.TransactionClient, institutionId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User"
    WHERE "institutionId" = ${institutionId} AND "role" = 'STAFF' AND "staffRole" = 'MANAGER' AND "disabledAt" IS NULL
    FOR UPDATE`;
  return rows.map((r) => r.id);
}

async function colleague(tx: Prisma.TransactionClient, institutionId: string, userId: string) {
  const target = await tx.user.findFirst({
    // A pending sign-up is let in or turned away through its claim (claims.ts), never by a role change here.
    where: { id: userId, institutionId, role: "STAFF", staffRole: { not: null }, disabledAt: null },
    select: { id: true, staffRole: true },
  });
  if (!target) throw new NotFoundError(NOT_A_COLLEAGUE);
  return target;
}

/** A manager makes a colleague (or themselves) manager or editor. Their sessions end: their rights changed. */
export async function setColleagueRole(actor: Actor | null, input: { userId: string; staffRole: StaffRoleValue }) {
  const me = await manager(actor);
  await db().$transaction(async (tx) => {
    const managers = await lockedManagers(tx, me.institutionId);
    const target = await colleague(tx, me.institutionId, input.userId);
    if (target.staffRole === input.staffRole) return;
    if (input.staffRole !== "MANAGER" && managers.length === 1 && managers[0] === target.id)
      throw new ConflictError(LAST_MANAGER);
    await tx.user.update({
      where: { id: target.id },
      data: { staffRole: input.staffRole, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, {
      event: "user.staff-role",
      entityId: target.id,
      actorId: me.id,
      before: { staffRole: target.staffRole },
      after: { staffRole: input.staffRole },
    });
  });
}

/**
 * A manager removes a colleague from the institution: the account is disabled and no longer the institution's,
 * its sessions end. What they proposed stays in the history under their name.
 */
export async function removeColleague(actor: Actor | null, input: { userId: string }) {
  const me = await manager(actor);
  await db().$transaction(async (tx) => {
    const managers = await lockedManagers(tx, me.institutionId);
    const target = await colleague(tx, me.institutionId, input.userId);
    if (managers.length === 1 && managers[0] === target.id) throw new ConflictError(LAST_MANAGER);
    await tx.user.update({
      where: { id: target.id },
      data: { institutionId: null, staffRole: null, disabledAt: new Date(), sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, {
      event: "user.remove",
      entityId: target.id,
      actorId: me.id,
      before: { institutionId: me.institutionId, staffRole: target.staffRole },
      after: { institutionId: null, disabled: true },
    });
  });
}
