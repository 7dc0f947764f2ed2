import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import { env } from "../../env";
import { recordAudit } from "../audit";
import { sendLinkMail } from "../outbox";
import { consumeRateLimits } from "../rate-limit";
import { requireSideMember } from "./side";
import { secretariatAddress } from "../secretariats/email-domains";
import type { Actor } from "../../shared/actor";
import { AppError, ConflictError, ForbiddenError, ValidationError } from "../../shared/errors";
import { pickName } from "../../shared/names";
import { linksReachOwners } from "../../mail/transport";
import {
  type AddressPrompt,
  addressStanding,
  REVERIFY_LINK_DAYS,
  staffAddressDueAt,
} from "../../shared/address-reverification";
import { institutionForEmail } from "./institution-for-email";
import { issueLinkToken, linkTokenHash } from "./link-tokens";
import { mailTranslator } from "./mail-texts";

// A verified address proves a mailbox, not a job: staff confirm yearly that their address is still theirs at their
// institution. The account pages ask from REVERIFY_PROMPT_DAYS before it falls due; once overdue, the account reads
// but does not write (guards.ts requireStaff) until a link mailed to the address is used and the address's domain
// is still the institution's. Admins have no due date (staffAddressDueAt says why).

/** Confirmation mails a staff member may ask for within an hour: enough to retry, too few to flood a mailbox. */
export const REVERIFY_LIMITS = { perAccount: 3, windowSeconds: 3600 } as const;

const LINK_SPENT = "This confirmation link has expired or was already used. Ask for a new one on your account page.";
const NOT_YOUR_LINK = "This link confirms another account's address. Sign out, or open the link mailed to you.";
const DOMAIN_GONE =
  "Your address no longer belongs to your institution's domains in the directory, so it cannot be confirmed. " +
  "Please contact the portal's administrators.";

const SECRETARIAT_DOMAIN_GONE =
  "Your address is no longer at one of your organization's own domains, so it cannot be confirmed. " +
  "Please contact the portal's administrators.";
const CONFIRM_HERE = "Only a university's staff or an organization's secretariat confirm their address here.";

/** The prompt for the signed-in staff member, or null when their address is confirmed (or they are no staff). */
export async function getAddressPrompt(actor: Actor | null, locale: Locale): Promise<AddressPrompt | null> {
  if (actor?.role !== "STAFF" || !actor.staffRole) return null;
  const user = await db().user.findFirst({
    where: { id: actor.id, role: "STAFF", disabledAt: null },
    select: {
      email: true,
      role: true,
      emailVerifiedAt: true,
      createdAt: true,
      institution: { select: { names: { select: { locale: true, name: true, kind: true } } } },
      organization: { select: { names: { select: { locale: true, name: true, kind: true, validUntil: true } } } },
    },
  });
  const dueAt = user ? staffAddressDueAt(user) : null;
  // A secretariat's account confirms its address as a university's staff do, at its organization.
  const keeper = user?.institution ?? user?.organization;
  if (!user || !keeper || !dueAt) return null;
  const standing = addressStanding(dueAt);
  if (standing === "confirmed") return null;
  // The name in the language of the page, as the institution's or organization's other pages give it.
  const institution = pickName(keeper.names, locale).name;
  return { email: user.email, institution, dueAt: dueAt.toISOString(), standing };
}

/** The page where a confirmation link's holder confirms the address. */
export function confirmAddressLink(locale: Locale, token: string) {
  return `${env().SITE_URL.replace(/\/$/, "")}/${locale}/account/confirm-address/${token}`;
}

/**
 * Staff (overdue ones too: this is how they get back): mail themselves a single-use link, valid for
 * REVERIFY_LINK_DAYS, to their own address. Rate-limited per account; earlier links stay valid until used or expired.
 */
export async function requestAddressConfirmation(actor: Actor | null, locale: Locale) {
  const staff = requireSideMember(actor, CONFIRM_HERE, "read");
  if (!linksReachOwners())
    throw new AppError(
      "This portal cannot send mail yet, so no confirmation link can reach you. " +
        "Please tell the portal's administrators.",
      503,
    );
  const user = await db().user.findFirst({
    where: { id: staff.id, role: "STAFF", disabledAt: null },
    select: { id: true, email: true, organizationId: true },
  });
  if (!user) throw new ForbiddenError(CONFIRM_HERE);
  await consumeRateLimits(
    [
      {
        key: `reverify:account:${user.id}`,
        limit: REVERIFY_LIMITS.perAccount,
        windowSeconds: REVERIFY_LIMITS.windowSeconds,
      },
    ],
    "Too many confirmation mails were asked for. Nothing was sent; please try again in {minutes} min.",
  );
  const token = await issueLinkToken(user.id, "REVERIFY", user.id);
  const t = mailTranslator(locale);
  await sendLinkMail(
    {
      to: user.email,
      subject: t("reverifySubject"),
      link: confirmAddressLink(locale, token),
      text: (link) =>
        t(user.organizationId ? "secretariatReverifyText" : "reverifyText", { days: REVERIFY_LINK_DAYS, link }),
    },
    "console",
  );
  return { email: user.email };
}

/**
 * Use a confirmation link: the token is the proof, so it works signed out; signed in as someone else, it is refused
 * (they would believe they confirmed their own). The address's domain must still be the institution's, else the
 * person is sent to an admin and nothing changes (the link stays unused). Single use; audited.
 */
export async function confirmAddressWithToken(actor: Actor | null, token: string) {
  const now = new Date();
  const row = await db().userToken.findUnique({
    where: { tokenHash: linkTokenHash(token) },
    select: {
      id: true,
      userId: true,
      purpose: true,
      usedAt: true,
      expiresAt: true,
      user: {
        select: {
          email: true,
          role: true,
          institutionId: true,
          disabledAt: true,
          domainVerified: true,
          organization: { select: { emailDomains: true } },
        },
      },
    },
  });
  if (row?.purpose !== "REVERIFY" || row.usedAt || row.expiresAt < now) throw new ValidationError(LINK_SPENT);
  if (actor && actor.id !== row.userId) throw new ForbiddenError(NOT_YOUR_LINK);
  const { user } = row;
  if (user.disabledAt || user.role !== "STAFF" || !(user.institutionId || user.organization))
    throw new ValidationError(LINK_SPENT);
  await assertDomainStillHolds(user);
  await db().$transaction(async (tx) => {
    const claimed = await tx.userToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) throw new ValidationError(LINK_SPENT);
    await tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: now } });
    await recordAudit(tx, {
      event: "user.address-reverify",
      entityId: row.userId,
      actorId: row.userId,
      after: { confirmedAt: now.toISOString() },
    });
  });
  return { email: user.email };
}

/**
 * The domain check of a confirmation: a university's staff member's address must still be at their institution's
 * domain. A secretariat account approved on the strength of its address (domainVerified) must still be at one of its
 * organization's own domains, which no institution lists; one an admin approved on other grounds proves its mailbox,
 * which using the link does.
 */
async function assertDomainStillHolds(user: {
  email: string;
  institutionId: string | null;
  domainVerified: boolean;
  organization: { emailDomains: string[] } | null;
}) {
  if (user.organization) {
    if (!user.domainVerified) return;
    const address = await secretariatAddress(user.email, user.organization.emailDomains, "en");
    if (address?.kind !== "own") throw new ConflictError(SECRETARIAT_DOMAIN_GONE);
    return;
  }
  const found = await institutionForEmail(user.email, "en");
  if (found.kind !== "institution" || found.institution.id !== user.institutionId) throw new ConflictError(DOMAIN_GONE);
}

/** Whether a confirmation link can still be used, for its page (nothing is used by looking). */
export async function checkAddressLink(token: string): Promise<"valid" | "spent"> {
  if (token.length > 200) return "spent";
  const row = await db().userToken.findUnique({
    where: { tokenHash: linkTokenHash(token) },
    select: { purpose: true, usedAt: true, expiresAt: true },
  });
  return row?.purpose === "REVERIFY" && !row.usedAt && row.expiresAt >= new Date() ? "valid" : "spent";
}
