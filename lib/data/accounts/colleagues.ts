import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import type { Actor } from "../../shared/actor";
import { ConflictError, ForbiddenError, NotFoundError } from "../../shared/errors";
import type { StaffRoleValue } from "../../shared/vocabulary";
import { type AccountSide, requireSideMember } from "./side";
import type { Prisma } from "../../generated/prisma/client";

// Colleagues among themselves, on either side: a university's staff, or an organization's secretariat. Managers
// promote, demote and remove colleagues of their own institution or organization; editors see who their colleagues
// are. Admins change anyone's role on the accounts page (user-admin.ts). The side is always the acting manager's own,
// taken from the account, never from the input: a university's manager never reaches a secretariat's account, nor a
// secretariat's manager a university's, nor either another institution's or organization's.

/** The refusals, in each side's words. */
const WORDS = {
  institution: {
    notAColleague: "No colleague of your institution has this account.",
    lastManager: "Your institution keeps at least one manager: make a colleague manager first.",
    managersOnly: "Only your institution's managers manage colleagues.",
  },
  organization: {
    notAColleague: "No colleague of your organization's secretariat has this account.",
    lastManager: "Your organization's secretariat keeps at least one manager: make a colleague manager first.",
    managersOnly: "Only your organization's secretariat managers manage colleagues.",
  },
} as const;

const PAGE_IS_FOR = "This page is for the staff of a university or of an organization's secretariat.";

const wordsFor = (side: AccountSide) => WORDS["organizationId" in side ? "organization" : "institution"];

/** The acting member of either side, read again from the database: a role changed since the session began counts. */
async function staffMember(actor: Actor | null, access: "write" | "read" = "write") {
  const member = requireSideMember(actor, PAGE_IS_FOR, access);
  const me = await db().user.findFirst({
    where: { id: member.id, ...member.side, disabledAt: null, role: "STAFF" },
    select: { staffRole: true },
  });
  if (!me) throw new ForbiddenError(PAGE_IS_FOR);
  return { ...member, staffRole: me.staffRole };
}

async function manager(actor: Actor | null) {
  const me = await staffMember(actor);
  if (me.staffRole !== "MANAGER") throw new ForbiddenError(wordsFor(me.side).managersOnly);
  return me;
}

/** The staff accounts of the member's side, for its own people: managers first, then by name. */
export async function listColleagues(actor: Actor | null) {
  const me = await staffMember(actor, "read");
  const rows = await db().user.findMany({
    // People who signed up and wait for approval are not colleagues yet (claims.ts lists them).
    where: { ...me.side, role: "STAFF", staffRole: { not: null }, disabledAt: null },
    select: { id: true, name: true, email: true, staffRole: true, lastLoginAt: true, passwordHash: true },
    orderBy: [{ staffRole: "asc" }, { name: "asc" }, { email: "asc" }],
  });
  return {
    canManage: me.staffRole === "MANAGER",
    myId: me.id,
    side: "organizationId" in me.side ? ("organization" as const) : ("institution" as const),
    colleagues: rows.map(({ passwordHash, lastLoginAt, ...c }) => ({
      ...c,
      invited: !passwordHash,
      lastLoginAt: lastLoginAt?.toISOString() ?? null,
    })),
  };
}

/**
 * The side's enabled managers, locked until the transaction ends: two managers demoting or removing each other at
 * once are served one after the other, and the second sees that only one manager is left. `side` is an institution's
 * id (as before secretariats existed) or either side.
 */
export async function lockedManagers(tx: Prisma.TransactionClient, side: string | AccountSide) {
  const where = typeof side === "string" ? { institutionId: side } : side;
  const rows =
    "institutionId" in where
      ? await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User"
    WHERE "institutionId" = ${where.institutionId} AND "role" = 'STAFF' AND "staffRole" = 'MANAGER'
      AND "disabledAt" IS NULL
    FOR UPDATE`
      : await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User"
    WHERE "organizationId" = ${where.organizationId} AND "role" = 'STAFF' AND "staffRole" = 'MANAGER'
      AND "disabledAt" IS NULL
    FOR UPDATE`;
  return rows.map((r) => r.id);
}

async function colleague(tx: Prisma.TransactionClient, side: AccountSide, userId: string) {
  const target = await tx.user.findFirst({
    // A pending sign-up is let in or turned away through its claim (claims.ts), never by a role change here.
    where: { id: userId, ...side, role: "STAFF", staffRole: { not: null }, disabledAt: null },
    select: { id: true, staffRole: true },
  });
  if (!target) throw new NotFoundError(wordsFor(side).notAColleague);
  return target;
}

/** A manager makes a colleague (or themselves) manager or editor. Their sessions end: their rights changed. */
export async function setColleagueRole(actor: Actor | null, input: { userId: string; staffRole: StaffRoleValue }) {
  const me = await manager(actor);
  await db().$transaction(async (tx) => {
    const managers = await lockedManagers(tx, me.side);
    const target = await colleague(tx, me.side, input.userId);
    if (target.staffRole === input.staffRole) return;
    if (input.staffRole !== "MANAGER" && managers.length === 1 && managers[0] === target.id)
      throw new ConflictError(wordsFor(me.side).lastManager);
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
 * A manager removes a colleague from the institution or organization: the account is disabled and no longer its,
 * its sessions end. What they proposed stays in the history under their name.
 */
export async function removeColleague(actor: Actor | null, input: { userId: string }) {
  const me = await manager(actor);
  await db().$transaction(async (tx) => {
    const managers = await lockedManagers(tx, me.side);
    const target = await colleague(tx, me.side, input.userId);
    if (managers.length === 1 && managers[0] === target.id) throw new ConflictError(wordsFor(me.side).lastManager);
    await tx.user.update({
      where: { id: target.id },
      data: {
        institutionId: null,
        organizationId: null,
        staffRole: null,
        disabledAt: new Date(),
        sessionVersion: { increment: 1 },
      },
    });
    await recordAudit(tx, {
      event: "user.remove",
      entityId: target.id,
      actorId: me.id,
      before: { ...me.side, staffRole: target.staffRole },
      after: { ...("organizationId" in me.side ? { organizationId: null } : { institutionId: null }), disabled: true },
    });
  });
  return { side: "organizationId" in me.side ? ("organization" as const) : ("institution" as const) };
}
