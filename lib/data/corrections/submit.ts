import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Locale } from "@/i18n/routing";
import { db, type Tx } from "../db";
import { env } from "../../env";
import { recordAudit } from "../audit";
import { deliverQueuedMail, queueMail } from "../outbox";
import { consumeRateLimits, type RateRule } from "../rate-limit";
import { NotFoundError } from "../../shared/errors";
import { correctionStatusPath } from "../../shared/paths";
import type { CorrectionInput } from "../../validation/corrections";
import { localeOf, mailTranslator, siteLink } from "../accounts/mail-texts";
import { normalizeEmail } from "../accounts/sessions";
import { CORRECTION_EMAIL_DAYS, purgeExpiredCorrectionEmails } from "./retention";

// Anyone, with no account, suggests a correction of an organization's or an institution's page. The answer is a
// private link to follow it (its token is stored only as a hash); the institution's managers and the admins
// triage it (triage.ts). Abuse is kept down without a third-party captcha: limits per client address and per
// email address, a honeypot field, the schema's size limits, and links shown only as text everywhere.

/** Suggestions per client address (an hour, a day) and per email address (an hour). */
export const CORRECTION_LIMITS_PER = { addressHour: 5, addressDay: 20, emailHour: 3 } as const;

export const hashCorrectionToken = (token: string) => createHash("sha256").update(token).digest("hex");

async function recordFor(input: CorrectionInput) {
  if (input.organizationSlug) {
    const o = await db().organization.findUnique({ where: { slug: input.organizationSlug }, select: { id: true } });
    return o ? { organizationId: o.id } : null;
  }
  const i = await db().institution.findUnique({ where: { slug: input.institutionSlug }, select: { id: true } });
  return i ? { institutionId: i.id } : null;
}

async function countAgainstLimits(clientAddress: string, email: string | null) {
  const rules: RateRule[] = [
    { key: `correction:address:${clientAddress}`, limit: CORRECTION_LIMITS_PER.addressHour, windowSeconds: 3600 },
    { key: `correction:address-day:${clientAddress}`, limit: CORRECTION_LIMITS_PER.addressDay, windowSeconds: 86_400 },
  ];
  if (email) {
    const hashed = createHash("sha256").update(email).digest("hex");
    rules.push({ key: `correction:email:${hashed}`, limit: CORRECTION_LIMITS_PER.emailHour, windowSeconds: 3600 });
  }
  // No wait is named: the refusal reads the same in every language, and the limits are stated on the form.
  await consumeRateLimits(rules, "Too many suggestions from here. Nothing was stored; please try again later.");
}

/**
 * The managers of the institution, or of the organization's secretariat, are told in the app, each in their
 * language; admins see it in their queue.
 */
async function tellManagers(tx: Tx, record: { institutionId: string } | { organizationId: string }) {
  const managers = await tx.user.findMany({
    where: { ...record, role: "STAFF", staffRole: "MANAGER", disabledAt: null },
    select: { id: true, locale: true },
  });
  if (!managers.length) return;
  await tx.notification.createMany({
    data: managers.map((m) => ({ userId: m.id, message: mailTranslator(localeOf(m.locale))("correctionNew") })),
  });
}

/**
 * Anyone: suggest a correction. Returns the private status link's token. A filled honeypot is answered exactly
 * as a real suggestion (a token that leads nowhere), and nothing is stored, counted or sent.
 */
export async function submitCorrection(
  input: CorrectionInput,
  context: { clientAddress: string; locale: Locale },
): Promise<{ token: string }> {
  const token = randomBytes(24).toString("base64url");
  if (input.website.trim()) return { token };
  const record = await recordFor(input);
  if (!record) throw new NotFoundError("This page is not in the registry any more.");
  const email = input.email ? normalizeEmail(input.email) : null;
  await countAgainstLimits(context.clientAddress, email);
  const mailId = await db().$transaction(async (tx) => {
    const created = await tx.correction.create({
      data: {
        ...record,
        what: input.what,
        sourceUrl: input.sourceUrl,
        email,
        locale: context.locale,
        statusTokenHash: hashCorrectionToken(token),
      },
      select: { id: true },
    });
    // A visitor has no account: the actor is null, as for work done from the server's shell.
    await recordAudit(tx, { event: "correction.suggest", entityId: created.id, after: { sourceUrl: input.sourceUrl } });
    await tellManagers(tx, record);
    if (!email) return null;
    const t = mailTranslator(context.locale);
    const link = siteLink(env().SITE_URL, correctionStatusPath(context.locale, token));
    return queueMail(tx, {
      to: email,
      subject: t("correctionReceivedSubject"),
      text: t("correctionReceivedText", { link, days: CORRECTION_EMAIL_DAYS }),
    });
  });
  if (mailId) await deliverQueuedMail(mailId);
  await purgeExpiredCorrectionEmails();
  return { token };
}
