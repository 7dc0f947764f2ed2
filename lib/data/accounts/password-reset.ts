import "server-only";
import type { Locale } from "@/i18n/routing";
import { createHash } from "node:crypto";
import { db } from "../db";
import { AppError } from "../../shared/errors";
import { linksReachOwners } from "../../mail/transport";
import { sendLinkMail } from "../outbox";
import { normalizeEmail } from "./sessions";
import { consumeRateLimits } from "../rate-limit";
import { issueLinkToken, passwordLink, RESET_MINUTES } from "./link-tokens";
import { mailTranslator } from "./mail-texts";

/** Requests per client address, and per email address asked about, within an hour. */
export const RESET_LIMITS = { perAddress: 10, perAccount: 3, windowSeconds: 3600 } as const;

/** Runs work after the answer is sent (next/server's after() in a request; at once in tests and scripts). */
export type Later = (task: () => Promise<void>) => void | Promise<void>;

/**
 * Anyone: ask for a password reset link. The answer is decided before anything looks at accounts, so it is
 * the same, after the same work, whether or not the account exists: the rate limits count the client's
 * address and the address typed (known or not); the lookup, the link and the mail run in `later`, after
 * the answer has gone. Over a limit, nothing is counted or sent and the message says when to try again.
 */
export async function requestPasswordReset(
  input: { email: string; locale: Locale; clientAddress: string },
  later: Later,
) {
  if (!linksReachOwners()) {
    console.warn(
      "[mail] A password reset was asked for, but SMTP_URL is not set and the portal listens beyond this machine: " +
        "set SMTP_URL so that reset links reach their owners.",
    );
    throw new AppError(
      "This portal cannot send mail yet, so no reset link can reach you. Please tell the portal's administrators.",
      503,
    );
  }
  const email = normalizeEmail(input.email);
  // The address typed is kept hashed: the table holds no list of who was asked about.
  const account = createHash("sha256").update(email).digest("hex");
  await consumeRateLimits(
    [
      {
        key: `reset:address:${input.clientAddress}`,
        limit: RESET_LIMITS.perAddress,
        windowSeconds: RESET_LIMITS.windowSeconds,
      },
      { key: `reset:account:${account}`, limit: RESET_LIMITS.perAccount, windowSeconds: RESET_LIMITS.windowSeconds },
    ],
    "Too many password reset requests. Nothing was sent; please try again in {minutes} min.",
  );
  await later(() => sendResetLink(email, input.locale));
}

/** The part after the answer: never throws (nobody is left to tell), and never logs the link. */
export async function sendResetLink(email: string, locale: Locale): Promise<void> {
  try {
    const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, disabledAt: true } });
    if (!user || user.disabledAt) return;
    const token = await issueLinkToken(user.id, "PASSWORD_RESET", null);
    // In the language of the page the reset was asked from, as is the link.
    const t = mailTranslator(locale);
    await sendLinkMail(
      {
        to: user.email,
        subject: t("resetSubject"),
        link: passwordLink(locale, token),
        text: (link) => t("resetText", { minutes: RESET_MINUTES, link }),
      },
      "console",
    );
  } catch (error) {
    console.error(`[reset] a reset link could not be sent: ${error instanceof Error ? error.message : String(error)}`);
  }
}
