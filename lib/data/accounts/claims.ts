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
import { requireActor, requireAdmin } from "../guards";
import type { ClaimView } from "../../shared/claims";
import type { Prisma } from "../../generated/prisma/client";
import { secretariatAddress } from "../secretariats/email-domains";
import { requireSideMember } from "./side";
import { localeOf, mailTranslator, siteLink } from "./mail-texts";

// Claims: people who signed up (signup.ts, secretariats/signup.ts) and proved their address wait here for a person to
// let them write for their side. The first of an institution or organization with no manager is let in by an admin,
// as its manager (nobody there can vouch for them yet); later ones by a manager of that institution or organization
// (or an admin), as editors. A secretariat's manager decides only on addresses at the organization's own domains
// (email-domains.ts secretariatAddress): any other address proves a mailbox, not a tie to the organization, and waits
// for an admin, who reads why on the list. One side only: a university's manager never decides on a secretariat's
// claim, nor a secretariat's on a university's.

const NO_CLAIM = "Nobody with this account waits for approval.";
const ONLY_DECIDERS = "Only an admin, or a manager of the person's institution, decides on a sign-up.";
const ADMIN_DECIDES =
  "Only an admin approves this sign-up: its address is not at one of your organization's own domains.";

/** Verified, undecided sign-ups: staff without a role who chose a password and are not disabled. */
const pendingWhere = { role: "STAFF", staffRole: null, disabledAt: null, passwordHash: { not: null } } as const;

export type Claim = ClaimView;

/** Whose claims: an institution's, an organization's, or (for admins) any side's. */
type ClaimScope = { institutionId: string } | { organizationId: string } | "any";

const names = { select: { locale: true, name: true, kind: true, validUntil: true } } as const;
const institutionNames = { select: { locale: true, name: true, kind: true } } as const;
const managerCount = {
  _count: { select: { users: { where: { role: "STAFF", staffRole: "MANAGER", disabledAt: null } } } },
} as const;

const scopeWhere = (scope: ClaimScope): Prisma.UserWhereInput =>
  scope === "any" ? { OR: [{ institutionId: { not: null } }, { organizationId: { not: null } }] } : scope;

async function claimsWhere(scope: ClaimScope, locale: Locale): Promise<Claim[]> {
  const rows = await db().user.findMany({
    where: { ...pendingWhere, ...scopeWhere(scope) },
    select: {
      id: true,
      name: true,
      email: true,
      institution: { select: { slug: true, emailDomains: true, names: institutionNames, ...managerCount } },
      organization: {
        select: {
          slug: true,
          emailDomains: true,
          names,
          _count: { select: { secretariat: { where: { role: "STAFF", staffRole: "MANAGER", disabledAt: null } } } },
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
  const claims = await Promise.all(
    rows.map(async (r): Promise<Claim | null> => {
      const common = { id: r.id, name: r.name, email: r.email, verifiedAt: r.tokens[0]?.usedAt?.toISOString() ?? null };
      if (r.organization) {
        const address = await secretariatAddress(r.email, r.organization.emailDomains, locale);
        if (!address) return null;
        return {
          ...common,
          side: "organization",
          organization: { slug: r.organization.slug, name: pickName(r.organization.names, locale).name },
          address,
          hasManagers: r.organization._count.secretariat > 0,
        };
      }
      if (!r.institution) return null;
      const domain = emailDomain(r.email) ?? "";
      const suffixes = domainSuffixes(domain);
      const matched = r.institution.emailDomains
        .filter((d) => suffixes.includes(d))
        .sort((a, b) => b.length - a.length)[0];
      return {
        ...common,
        side: "institution",
        domain,
        matchedDomain: matched ?? null,
        institution: { slug: r.institution.slug, name: pickName(r.institution.names, locale).name },
        hasManagers: r.institution._count.users > 0,
      };
    }),
  );
  return claims.filter((c): c is Claim => c !== null);
}

/** Admins: every verified sign-up waiting for a decision, universities' and secretariats', with what it rests on. */
export async function listClaims(actor: Actor | null, locale: Locale) {
  requireAdmin(actor, "Only admins see every sign-up.");
  return claimsWhere("any", locale);
}

/**
 * The acting manager of a university or of an organization's secretariat, read again from the database: a role
 * changed since the session began counts. Their side comes from the account, never from the input.
 */
async function managerOf(actor: Actor | null, access: "write" | "read" = "write") {
  const member = requireSideMember(actor, ONLY_DECIDERS, access);
  const me = await db().user.findFirst({
    where: { id: member.id, ...member.side, role: "STAFF", staffRole: "MANAGER", disabledAt: null },
    select: { id: true },
  });
  if (!me) throw new ForbiddenError(ONLY_DECIDERS);
  return { id: me.id, side: member.side };
}

/**
 * A manager: the verified sign-ups of their own side. A university's all of its own; an organization's secretariat
 * only those whose address is at one of the organization's own domains (the others are an admin's to decide).
 */
export async function listManagedClaims(actor: Actor | null, locale: Locale) {
  const me = await managerOf(actor, "read");
  const claims = await claimsWhere(me.side, locale);
  return claims.filter((c) => c.side === "institution" || c.address.kind === "own");
}

/**
 * Who decides, and on whose claim: an admin on anyone's; a manager only on their own side's (the claim is looked up
 * within it, so another university's or organization's claim is "not found" to them, and nothing changes).
 */
async function decider(actor: Actor | null) {
  const signedIn = requireActor(actor);
  if (signedIn.role === "ADMIN") return { id: signedIn.id, admin: true as const, scope: "any" as const };
  const me = await managerOf(signedIn);
  return { id: me.id, admin: false as const, scope: me.side };
}

/**
 * The claim, and its institution's or organization's row locked: two decisions on one side's claims are served in
 * turn. A secretariat's claim says whether its address verifies the organization (`domainVerified`).
 */
async function lockedClaim(tx: Tx, userId: string, me: Awaited<ReturnType<typeof decider>>) {
  const target = await tx.user.findFirst({
    where: { ...pendingWhere, id: userId, ...scopeWhere(me.scope) },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      institutionId: true,
      organizationId: true,
      organization: { select: { emailDomains: true } },
    },
  });
  if (target?.organizationId) {
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${target.organizationId} FOR UPDATE`;
    const address = await secretariatAddress(target.email, target.organization?.emailDomains ?? [], "en");
    const domainVerified = address?.kind === "own";
    if (!me.admin && !domainVerified) throw new ForbiddenError(ADMIN_DECIDES);
    const managers = await tx.user.count({
      where: { organizationId: target.organizationId, role: "STAFF", staffRole: "MANAGER", disabledAt: null },
    });
    const side = { organizationId: target.organizationId };
    return { ...target, side, domainVerified, managers };
  }
  if (!target?.institutionId) throw new NotFoundError(NO_CLAIM);
  await tx.$queryRaw`SELECT id FROM "Institution" WHERE id = ${target.institutionId} FOR UPDATE`;
  const managers = await tx.user.count({
    where: { institutionId: target.institutionId, role: "STAFF", staffRole: "MANAGER", disabledAt: null },
  });
  return { ...target, side: { institutionId: target.institutionId }, domainVerified: false, managers };
}

/**
 * Let a verified sign-up in: as MANAGER when their institution or organization has no manager (admins only), as
 * EDITOR otherwise. Audited, and the person is told by mail in their language.
 */
export async function approveClaim(actor: Actor | null, input: { userId: string }) {
  const me = await decider(actor);
  const { mailId, staffRole, side } = await db().$transaction(async (tx) => {
    const target = await lockedClaim(tx, input.userId, me);
    // A manager's side has a manager by definition; only an admin meets one without.
    const staffRole: "MANAGER" | "EDITOR" = target.managers === 0 ? "MANAGER" : "EDITOR";
    const secretariat = "organizationId" in target.side;
    const claimed = await tx.user.updateMany({
      where: { ...pendingWhere, id: target.id },
      data: {
        staffRole,
        sessionVersion: { increment: 1 },
        ...(secretariat ? { domainVerified: target.domainVerified } : {}),
      },
    });
    if (claimed.count === 0) throw new NotFoundError(NO_CLAIM);
    await recordAudit(tx, {
      event: "user.claim-approve",
      entityId: target.id,
      actorId: me.id,
      before: { staffRole: null },
      after: { staffRole, ...target.side, ...(secretariat ? { domainVerified: target.domainVerified } : {}) },
    });
    const locale = localeOf(target.locale);
    const t = mailTranslator(locale);
    const mailId = await queueMail(tx, {
      to: target.email,
      subject: t("claimApprovedSubject"),
      text: t(secretariat ? "secretariatClaimApprovedText" : "claimApprovedText", {
        role: staffRole,
        link: siteLink(env().SITE_URL, `/${locale}/login`),
      }),
    });
    return { mailId, staffRole, side: secretariat ? ("organization" as const) : ("institution" as const) };
  });
  await deliverQueuedMail(mailId);
  return { staffRole, side };
}

/** Turn a verified sign-up away: the account is disabled. Audited, and the person is told by mail. */
export async function rejectClaim(actor: Actor | null, input: { userId: string }) {
  const me = await decider(actor);
  const mailId = await db().$transaction(async (tx) => {
    const target = await lockedClaim(tx, input.userId, me);
    const disabled = await tx.user.updateMany({
      where: { ...pendingWhere, id: target.id },
      data: { disabledAt: new Date(), sessionVersion: { increment: 1 } },
    });
    if (disabled.count === 0) throw new NotFoundError(NO_CLAIM);
    await recordAudit(tx, {
      event: "user.claim-reject",
      entityId: target.id,
      actorId: me.id,
      before: target.side,
      after: { disabled: true },
    });
    const t = mailTranslator(localeOf(target.locale));
    const text = t("organizationId" in target.side ? "secretariatClaimRejectedText" : "claimRejectedText");
    return queueMail(tx, { to: target.email, subject: t("claimRejectedSubject"), text });
  });
  await deliverQueuedMail(mailId);
}

/**
 * A signed-in person who waits for approval: the name of their institution or organization, for the page that says
 * so, and for a secretariat whether an admin must decide (its address is not at the organization's own domain).
 */
export async function getOwnPendingClaim(actor: Actor | null, locale: Locale) {
  const me = requireActor(actor);
  if (me.role !== "STAFF" || me.staffRole) return null;
  const row = await db().user.findFirst({
    where: { ...pendingWhere, id: me.id },
    select: {
      email: true,
      institution: { select: { names: institutionNames } },
      organization: { select: { names, emailDomains: true } },
    },
  });
  if (row?.organization) {
    const address = await secretariatAddress(row.email, row.organization.emailDomains, locale);
    return {
      side: "organization" as const,
      name: pickName(row.organization.names, locale).name,
      adminDecides: address?.kind !== "own",
    };
  }
  return row?.institution
    ? { side: "institution" as const, name: pickName(row.institution.names, locale).name, adminDecides: false }
    : null;
}
