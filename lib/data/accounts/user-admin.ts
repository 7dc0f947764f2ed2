import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import { sendLinkMail } from "../outbox";
import { recordAudit } from "../audit";
import type { Actor } from "../../shared/actor";
import type { StaffRoleValue } from "../../shared/vocabulary";
import { requireAdmin } from "../guards";
import { ConflictError, DuplicateRecordError, ValidationError } from "../../shared/errors";
import { hashPassword } from "../../auth/passwords";
import { pickName } from "../../shared/names";
import { normalizeEmail } from "./sessions";
import { INVITE_DAYS, issueLinkToken, linkTokenHash, PASSWORD_PURPOSES, passwordLink } from "./link-tokens";
import { accountKey } from "./login-throttle";
import { mailTranslator } from "./mail-texts";
import { resolveRecordChoice } from "../search/suggest";
import { addressStanding, staffAddressDueAt } from "../../shared/address-reverification";

export async function listUsers(actor: Actor | null, locale: Locale) {
  requireAdmin(actor, "Only admins manage accounts.");
  const users = await db().user.findMany({
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      staffRole: true,
      disabledAt: true,
      lastLoginAt: true,
      passwordHash: true,
      emailVerifiedAt: true,
      createdAt: true,
      institution: { select: { slug: true, names: { select: { locale: true, name: true, kind: true } } } },
      organization: {
        select: { slug: true, names: { select: { locale: true, name: true, kind: true, validUntil: true } } },
      },
    },
    orderBy: [{ role: "asc" }, { email: "asc" }],
  });
  const now = new Date();
  return users.map(({ passwordHash, institution, organization, emailVerifiedAt, createdAt, ...u }) => {
    // Staff only (admins have no due date): when the address was last proved, and whether its year has run out.
    const dueAt = staffAddressDueAt({ role: u.role, emailVerifiedAt, createdAt });
    return {
      ...u,
      invited: !passwordHash,
      addressConfirmedAt: dueAt ? (emailVerifiedAt?.toISOString() ?? null) : null,
      addressOverdue: Boolean(passwordHash && dueAt && addressStanding(dueAt, now) === "overdue"),
      disabledAt: u.disabledAt?.toISOString() ?? null,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      institution: institution ? { slug: institution.slug, name: pickName(institution.names, locale).name } : null,
      // A secretariat's account: the organization whose side it keeps (never with an institution).
      organization: organization ? { slug: organization.slug, name: pickName(organization.names, locale).name } : null,
    };
  });
}

/** Staff are managers unless the admin says editor (admins can always change it, or a manager can); admins none. */
const staffRoleFor = (input: { role: "ADMIN" | "STAFF"; staffRole?: StaffRoleValue | null }) =>
  input.role === "STAFF" ? (input.staffRole ?? "MANAGER") : null;

/**
 * The institution of a staff account, as the admin chose it in the picker (a suggestion's slug) or typed its name
 * (resolved as the picker would: lib/data/search/suggest.ts). Admins belong to none.
 */
async function institutionIdFor(
  role: "ADMIN" | "STAFF",
  choice: { institutionSlug: string | null; institution?: string },
  locale: Locale,
) {
  if (role === "ADMIN") return null;
  if (!choice.institutionSlug && !choice.institution?.trim())
    throw new ValidationError("Staff belong to an institution.", { institution: ["Choose the institution."] });
  const slug = await resolveRecordChoice(
    "institution",
    { slug: choice.institutionSlug ?? "", text: choice.institution ?? "" },
    locale,
    "institution",
  );
  const found = await db().institution.findUnique({ where: { slug }, select: { id: true } });
  if (!found) throw new ValidationError("Unknown institution.", { institution: ["Unknown institution."] });
  return found.id;
}

/**
 * Admins: invite a person by email; they set their own password through a single-use, expiring link. The
 * link is mailed to the person only; when it cannot be mailed (no SMTP, or the mail server refused it), it
 * is returned as `handOver` for the inviting admin's form, shown once to that admin and kept nowhere.
 */
export async function inviteUser(
  actor: Actor | null,
  input: {
    email: string;
    name: string;
    role: "ADMIN" | "STAFF";
    staffRole?: StaffRoleValue | null;
    institutionSlug: string | null;
    institution?: string;
  },
  locale: Locale,
) {
  const admin = requireAdmin(actor, "Only admins manage accounts.");
  const email = normalizeEmail(input.email);
  if (await db().user.findUnique({ where: { email }, select: { id: true } }))
    throw new DuplicateRecordError("There is already an account with this email.");
  const institutionId = await institutionIdFor(input.role, input, locale);
  const user = await db().user.create({
    // Until they sign in, the person's language is the one they were invited in (the link's too).
    data: { email, name: input.name, role: input.role, staffRole: staffRoleFor(input), institutionId, locale },
    select: { id: true },
  });
  const link = passwordLink(locale, await issueLinkToken(user.id, "INVITE", admin.id));
  await recordAudit(db(), {
    event: "user.invite",
    entityId: user.id,
    actorId: admin.id,
    after: { email, role: input.role, staffRole: staffRoleFor(input), institutionId },
  });
  const t = mailTranslator(locale);
  const delivery = await sendLinkMail(
    {
      to: email,
      subject: t("inviteSubject"),
      link,
      text: (l) => t("inviteText", { inviter: admin.name, days: INVITE_DAYS, link: l }),
    },
    "hand-over",
  );
  return delivery.outcome === "mailed" ? { id: user.id } : { id: user.id, handOver: link, reason: delivery.reason };
}

/** Admins: change a person's role, institution or access. Their sessions end at once. */
export async function updateUserAccess(
  actor: Actor | null,
  input: {
    userId: string;
    role: "ADMIN" | "STAFF";
    staffRole?: StaffRoleValue | null;
    institutionSlug: string | null;
    institution?: string;
    disabled: boolean;
  },
  locale: Locale,
) {
  const admin = requireAdmin(actor, "Only admins manage accounts.");
  if (input.userId === admin.id && (input.disabled || input.role !== "ADMIN"))
    throw new ConflictError("You cannot remove your own admin access.");
  const before = await db().user.findUnique({
    where: { id: input.userId },
    select: { role: true, staffRole: true, institutionId: true, organizationId: true, disabledAt: true },
  });
  if (!before) throw new ValidationError("No such user.");
  // A secretariat's staff account keeps its organization and has no institution (one side only); made an admin, it
  // keeps neither. The institution picker is not offered for it.
  const secretariat = Boolean(before.organizationId) && input.role === "STAFF";
  const institutionId = secretariat ? null : await institutionIdFor(input.role, input, locale);
  const organizationId = secretariat ? before.organizationId : null;
  const disabledAt = input.disabled ? (before.disabledAt ?? new Date()) : null;
  await db().$transaction([
    db().user.update({
      where: { id: input.userId },
      data: {
        role: input.role,
        staffRole: staffRoleFor(input),
        institutionId,
        organizationId,
        disabledAt,
        sessionVersion: { increment: 1 },
      },
    }),
    recordAudit(db(), {
      event: "user.access",
      entityId: input.userId,
      actorId: admin.id,
      before: { ...before, disabledAt: before.disabledAt?.toISOString() ?? null },
      after: {
        role: input.role,
        staffRole: staffRoleFor(input),
        ...(before.organizationId ? { organizationId } : { institutionId }),
        disabled: input.disabled,
      },
    }),
  ]);
}

/** Set a password with an invitation or reset link. The link is used up; older sessions end. */
export async function setPasswordWithToken(token: string, password: string) {
  const hash = await hashPassword(password);
  const now = new Date();
  return db().$transaction(async (tx) => {
    const row = await tx.userToken.findUnique({
      where: { tokenHash: linkTokenHash(token) },
      select: { id: true, userId: true, purpose: true, usedAt: true, expiresAt: true },
    });
    // An address confirmation link is mailed for a week and proves the mailbox only: it never sets a password.
    if (!row || row.purpose === "REVERIFY" || row.usedAt || row.expiresAt < now)
      throw new ValidationError("This link has expired or was already used. Ask for a new one.");
    const claimed = await tx.userToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) throw new ValidationError("This link has expired or was already used. Ask for a new one.");
    // The password is chosen: every other link still out for this account (earlier resets) stops working.
    await tx.userToken.updateMany({
      where: { userId: row.userId, usedAt: null, purpose: { in: [...PASSWORD_PURPOSES] } },
      data: { usedAt: now },
    });
    const user = await tx.user.update({
      where: { id: row.userId },
      // An invitation or sign-up link proves the address (address-reverification.ts counts the year from it).
      data: {
        passwordHash: hash,
        sessionVersion: { increment: 1 },
        ...(row.purpose === "INVITE" ? { emailVerifiedAt: now } : {}),
      },
      select: { email: true },
    });
    // The owner proved it through their mailbox: an attacker's failures no longer lock the account.
    await tx.loginThrottle.deleteMany({ where: { key: accountKey(user.email) } });
    await recordAudit(tx, { event: "user.password", entityId: row.userId, actorId: row.userId });
    return user;
  });
}
