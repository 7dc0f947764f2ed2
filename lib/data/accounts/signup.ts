import "server-only";
import type { Locale } from "@/i18n/routing";
import { createHash } from "node:crypto";
import { db } from "../db";
import { env } from "../../env";
import { AppError, ValidationError } from "../../shared/errors";
import { linksReachOwners } from "../../mail/transport";
import { sendLinkMail, queueMail, deliverQueuedMail } from "../outbox";
import { consumeRateLimits } from "../rate-limit";
import { normalizeEmail } from "./sessions";
import { INVITE_DAYS, issueLinkToken, passwordLink } from "./link-tokens";
import { mailTranslator, siteLink } from "./mail-texts";
import { institutionForEmail } from "./institution-for-email";
import type { Later } from "./password-reset";

// Staff sign up themselves with their work address: the address's domain names the institution
// (institutionForEmail), the mailbox proves the address (the link that sets the password), and a person decides
// (claims.ts) whether they may write: until then the account is pending (staffRole null, guards.ts requireStaff).

/** Sign-ups per client address, and per email address typed, within an hour. */
export const SIGNUP_LIMITS = { perAddress: 10, perAccount: 3, windowSeconds: 3600 } as const;

/**
 * How long a sign-up waits for its address to be proved: the link is an invitation link (INVITE, INVITE_DAYS),
 * and an account whose link expired unused is purged at the next sign-up, so the person can sign up again.
 */
export const SIGNUP_DAYS = INVITE_DAYS;

/**
 * The answers for addresses that cannot sign up, by what institutionForEmail found. Each is in
 * validation.answers (en and zh), so the person reads why in their language.
 */
const REFUSALS = {
  invalid: "This is not an email address.",
  "free-mail": "Sign up with your work address at your university: addresses of free mail services are not accepted.",
  students: "This address is a students' or alumni's address. Sign up with your staff address.",
  unknown: "No university in the directory uses the domain {domain}. Sign up with your university address.",
} as const;

export const refusal = (kind: keyof typeof REFUSALS, domain = "") => {
  const message = REFUSALS[kind].replace("{domain}", domain);
  return new ValidationError(message, { email: [message] });
};

/**
 * Anyone: sign up with a name and a work address. Refused, with the reason, when the domain is no institution's
 * staff domain. Otherwise the answer is the same whether or not the address has an account: what differs (a new
 * pending account and its link, or a mail telling the owner they have an account) runs in `later`, after the
 * answer has gone, as password resets do.
 */
export async function requestSignup(
  input: { email: string; name: string; locale: Locale; clientAddress: string },
  later: Later,
) {
  assertSignupLinksReach();
  const email = normalizeEmail(input.email);
  // Public data only (the directory): the refusal says nothing about accounts. Checked before the limits, so a
  // refused address counts against none and changes nothing.
  const found = await institutionForEmail(email, input.locale);
  if (found.kind === "invalid") throw refusal("invalid");
  if (found.kind !== "institution") throw refusal(found.kind, found.domain);
  await startSignup({ ...input, email, side: { institutionId: found.institution.id } }, later);
}

/** Whose account a sign-up makes: a university's staff, or an organization's secretariat (lib/data/secretariats). */
export type SignupSide = { institutionId: string } | { organizationId: string };

/** Refused before anything else when no link can reach its owner: a sign-up without its link is a dead end. */
export function assertSignupLinksReach() {
  if (!linksReachOwners())
    throw new AppError(
      "This portal cannot send mail yet, so no sign-up link can reach you. Please tell the portal's administrators.",
      503,
    );
}

/**
 * What every sign-up does once its address is accepted (the university's here, a secretariat's in
 * lib/data/secretariats/signup.ts): the same limits per address typed and per client address, shared by both kinds,
 * then the rest after the answer, so the answer is the same whether or not the address has an account.
 */
export async function startSignup(
  input: { email: string; name: string; locale: Locale; clientAddress: string; side: SignupSide },
  later: Later,
) {
  const account = createHash("sha256").update(input.email).digest("hex");
  await consumeRateLimits(
    [
      {
        key: `signup:address:${input.clientAddress}`,
        limit: SIGNUP_LIMITS.perAddress,
        windowSeconds: SIGNUP_LIMITS.windowSeconds,
      },
      { key: `signup:account:${account}`, limit: SIGNUP_LIMITS.perAccount, windowSeconds: SIGNUP_LIMITS.windowSeconds },
    ],
    "Too many sign-up requests. Nothing was sent; please try again in {minutes} min.",
  );
  const { email, side, locale } = input;
  await later(() => completeSignup({ email, name: input.name.trim(), side, locale }));
}

/** The part after the answer: never throws (nobody is left to tell), and never logs the link. */
export async function completeSignup(input: { email: string; name: string; side: SignupSide; locale: Locale }) {
  try {
    await purgeExpiredSignups();
    const t = mailTranslator(input.locale);
    const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) {
      // The owner learns it, nobody else: the mail goes to the address, the answer said the same as ever.
      const id = await queueMail(db(), {
        to: input.email,
        subject: t("signupExistsSubject"),
        text: t("signupExistsText", { link: siteLink(env().SITE_URL, `/${input.locale}/login/reset`) }),
      });
      await deliverQueuedMail(id);
      return;
    }
    // One side only (a database trigger refuses both): a secretariat's account has no institution.
    const side =
      "institutionId" in input.side
        ? { institutionId: input.side.institutionId, organizationId: null }
        : { institutionId: null, organizationId: input.side.organizationId };
    const user = await db().user.create({
      data: { email: input.email, name: input.name, role: "STAFF", staffRole: null, ...side, locale: input.locale },
      select: { id: true },
    });
    // An invitation link with no inviter: it does what an admin's invitation does (sets the first password, on the
    // same page, with the same single use and lifetime), and createdById null is what marks it as a sign-up
    // (claims.ts reads when it was used as the moment the address was proved).
    const token = await issueLinkToken(user.id, "INVITE", null);
    await sendLinkMail(
      {
        to: input.email,
        subject: t("signupSubject"),
        link: passwordLink(input.locale, token),
        // A secretariat's mail says whose approval it waits for: its organization's, not a university's.
        text: (link) =>
          t("organizationId" in input.side ? "secretariatSignupText" : "signupText", { days: SIGNUP_DAYS, link }),
      },
      "console",
    );
  } catch (error) {
    console.error(
      `[signup] a sign-up could not be completed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Sign-ups never proved: staff without a role or a password, created more than SIGNUP_DAYS ago, with no link
 * still valid. Invited accounts always have a role (user-admin.ts), so they are never among them.
 */
export async function purgeExpiredSignups(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - SIGNUP_DAYS * 86_400_000);
  const { count } = await db().user.deleteMany({
    where: {
      role: "STAFF",
      staffRole: null,
      passwordHash: null,
      disabledAt: null,
      createdAt: { lt: cutoff },
      tokens: { none: { usedAt: null, expiresAt: { gt: now } } },
      proposals: { none: {} },
    },
  });
  return count;
}
