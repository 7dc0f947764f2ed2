import "server-only";
import type { Locale } from "@/i18n/routing";
import { db, type Tx } from "../db";
import { env } from "../../env";
import { recordAudit } from "../audit";
import { deliverQueuedMail, queueMail } from "../outbox";
import type { Actor } from "../../shared/actor";
import { ForbiddenError, NotFoundError } from "../../shared/errors";
import { domainSuffixes, emailDomain } from "../../shared/email-domains";
import { pickName } from "../../shared/names";
import { requireActor, requireAdmin, requireStaff } from "../guards";
import { localeOf, mailTranslator, siteLink } from "./mail-texts";

// Claims: people who signed up (signup.ts) and proved their address wait here for a person to let them write for
// their institution. The first of an institution with no manager is let in by an admin, as its manager (nobody
// there can vouch for them yet); later ones by a manager of that institution (or an admin), as editors.

const NO_CLAIM = "Nobody with this account waits for approval.";
const ONLY_DECIDERS = "Only an admin, or a manager of the person's institution, decides on a sign-up.";

/** Verified, undecided sign-ups: staff without a role who chose a password and are not disabled. */
const pendingWhere = { role: "STAFF", staffRole: null, disabledAt: null, passwordHash: { not: null } } as const;

export type Claim = {
  id: string;
  name: string;
  email: string;
  /** The address's domain, and the listed domain of the institution it matched (the same, or one above it). */
  domain: string;
  matchedDomain: string | null;
  institution: { slug: string; name: string };
  /** When the sign-up link was used (the address proved); null if the account's password came another way. */
  verifiedAt: string | null;
  institutionHasManagers: boolean;
};

async function claimsWhere(where: { institutionId?: string }, locale: Locale): Promise<Claim[]> {
  const rows = await db().user.findMany({
    where: { ...pendingWhere, institutionId: where.institutionId ?? { not: null } },
    select: {
      id: true,
      name: true,
      email: true,
      institution: {
        select: {
          slug: true,
          emailDomains: true,
          names: { select: { locale: true, name: true, kind: true } },
          _count: { select: { users: { where: { role: "STAFF", staffRole: "MANAGER", disabledAt: null } } } },
        },
      },
      tokens: {
        where: { purpose: "INVITE", createdById: null, usedAt: { not: null } },
        select: { usedAt: true },
        orderBy: { usedAt: "desc" },
        take: 1,
      },
    },
    orderBy: [{ updatedAt: "asc" }, { email: "asc" }],
  });
  return rows.flatMap((r) => {
    if (!r.institution) return [];
    const domain = emailDomain(r.email) ?? "";
    const suffixes = domainSuffixes(domain);
    const matched = r.institution.emailDomains
      .filter((d) => suffixes.includes(d))
      .sort((a, b) => b.length - a.length)[0];
    return [
      {
        id: r.id,
        name: r.name,
        email: r.email,
        domain,
        matchedDomain: matched ?? null,
        institution: { slug: r.institution.slug, name: pickName(r.institution.names, locale).name },
        verifiedAt: r.tokens[0]?.usedAt?.toISOString() ?? null,
        institutionHasManagers: r.institution._count.users > 0,
      },
    ];
  });
}

/** Admins: every verified sign-up waiting for a decision, with what it rests on. */
export async function listClaims(actor: Actor | null, locale: Locale) {
  requireAdmin(actor, "Only admins see every sign-up.");
  return claimsWhere({}, locale);
}

/** The acting manager, read again from the database: a role changed since the session began counts. */
async function managerOf(actor: Actor | null, access: "write" | "read" = "write") {
  const staff = requireStaff(actor, ONLY_DECIDERS, access);
  const me = await db().user.findFirst({
    where: { id: staff.id, institutionId: staff.institutionId, role: "STAFF", staffRole: "MANAGER", disabledAt: null },
    select: { id: true, institutionId: true },
  });
  if (!me?.institutionId) throw new ForbiddenError(ONLY_DECIDERS);
  return { id: me.id, institutionId: me.institutionId };
}

/** A manager: the verified sign-ups of their own institution. */
export async function listInstitutionClaims(actor: Actor | null, locale: Locale) {
  const me = await managerOf(actor, "read");
  return claimsWhere({ institutionId: me.institutionId }, locale);
}

/**
 * Who decides, and on whose claim: an admin on anyone's; a manager only on their own institution's (the claim is
 * looked up within it, so another university's claim is "not found" to them, and nothing changes).
 */
async function decider(actor: Actor | null) {
  const signedIn = requireActor(actor);
  if (signedIn.role === "ADMIN") return { id: signedIn.id, admin: true as const, institutionId: null };
  const me = await managerOf(signedIn);
  return { id: me.id, admin: false as const, institutionId: me.institutionId };
}

/** The claim, and its institution's row locked: two decisions on one institution's claims are served in turn. */
async function lockedClaim(tx: Tx, userId: string, institutionId: string | null) {
  const target = await tx.user.findFirst({
    where: { ...pendingWhere, id: userId, institutionId: institutionId ?? { not: null } },
    select: { id: true, email: true, name: true, locale: true, institutionId: true },
  });
  if (!target?.institutionId) throw new NotFoundError(NO_CLAIM);
  await tx.$queryRaw`SELECT id FROM "Institution" WHERE id = ${target.institutionId} FOR UPDATE`;
  const managers = await tx.user.count({
    where: { institutionId: target.institutionId, role: "STAFF", staffRole: "MANAGER", disabledAt: null },
  });
  return { ...target, institutionId: target.institutionId, managers };
}

/**
 * Let a verified sign-up in: as MANAGER when their institution has no manager (admins only), as EDITOR otherwise.
 * Audited, and the person is told by mail in their language.
 */
export async function approveClaim(actor: Actor | null, input: { userId: string }) {
  const me = await decider(actor);
  const { mailId, staffRole } = await db().$transaction(async (tx) => {
    const target = await lockedClaim(tx, input.userId, me.institutionId);
    // A manager's institution has a manager by definition; only an admin meets an institution without one.
    const staffRole = target.managers === 0 ? "MANAGER" : "EDITOR";
    const claimed = await tx.user.updateMany({
      where: { ...pendingWhere, id: target.id },
      data: { staffRole, sessionVersion: { increment: 1 } },
    });
    if (claimed.count === 0) throw new NotFoundError(NO_CLAIM);
    await recordAudit(tx, {
      event: "user.claim-approve",
      entityId: target.id,
      actorId: me.id,
      before: { staffRole: null },
      after: { staffRole, institutionId: target.institutionId },
    });
    const locale = localeOf(target.locale);
    const t = mailTranslator(locale);
    const mailId = await queueMail(tx, {
      to: target.email,
      subject: t("claimApprovedSubject"),
      text: t("claimApprovedText", {
        role: staffRole,
        link: siteLink(env().SITE_URL, `/${locale}/login`),
      }),
    });
    return { mailId, staffRole };
  });
  await deliverQueuedMail(mailId);
  return { staffRole };
}

/** Turn a verified sign-up away: the account is disabled. Audited, and the person is told by mail. */
export async function rejectClaim(actor: Actor | null, input: { userId: string }) {
  const me = await decider(actor);
  const mailId = await db().$transaction(async (tx) => {
    const target = await lockedClaim(tx, input.userId, me.institutionId);
    const disabled = await tx.user.updateMany({
      where: { ...pendingWhere, id: target.id },
      data: { disabledAt: new Date(), sessionVersion: { increment: 1 } },
    });
    if (disabled.count === 0) throw new NotFoundError(NO_CLAIM);
    await recordAudit(tx, {
      event: "user.claim-reject",
      entityId: target.id,
      actorId: me.id,
      before: { institutionId: target.institutionId },
      after: { disabled: true },
    });
    const t = mailTranslator(localeOf(target.locale));
    return queueMail(tx, { to: target.email, subject: t("claimRejectedSubject"), text: t("claimRejectedText") });
  });
  await deliverQueuedMail(mailId);
}

/** A signed-in person who waits for approval: their institution's name, for the page that says so; else null. */
export async function getOwnPendingClaim(actor: Actor | null, locale: Locale) {
  const me = requireActor(actor);
  if (me.role !== "STAFF" || me.staffRole) return null;
  const row = await db().user.findFirst({
    where: { ...pendingWhere, id: me.id },
    select: { institution: { select: { names: { select: { locale: true, name: true, kind: true } } } } },
  });
  return row?.institution ? { institution: pickName(row.institution.names, locale).name } : null;
}
