import "server-only";
import { createHash } from "node:crypto";
import type { Locale } from "@/i18n/routing";
import { db, type Tx } from "../db";
import { Prisma } from "../../generated/prisma/client";
import { env } from "../../env";
import { consumeRateLimits } from "../rate-limit";
import { NotFoundError, ValidationError } from "../../shared/errors";
import type { Actor } from "../../shared/actor";
import { watchConfirmPath, watcherPagePath } from "../../shared/paths";
import type { WatchRecordInput } from "../../validation/watches";
import { mailTranslator, siteLink } from "../accounts/mail-texts";
import { normalizeEmail } from "../accounts/sessions";
import { startingPosition } from "../webhooks/change-batch";
import { recordName } from "./records";
import { hashWatchToken, issueWatchToken, purgeExpiredWatches } from "./tokens";
import { sendWatchMail } from "./mail";

// Anyone watches an organization or an institution by email (issue 18 §2). The form mails strangers' addresses,
// so: a confirmation link first (double opt-in; nothing is sent but it until the owner follows it), limits per
// client address and per email address, and one answer whatever the address's state (subscribed, confirmed or
// new), its mail sent after the answer (ActionContext.later) so that timing tells nothing either. A signed-in
// person who leaves the address blank watches with their account's address, confirmed by their session.

/** Forms per client address (an hour, a day) and per email address (an hour, a day). */
export const WATCH_LIMITS = { addressHour: 10, addressDay: 30, emailHour: 3, emailDay: 6 } as const;

type Context = { clientAddress: string; locale: Locale; later: (task: () => Promise<void>) => void | Promise<void> };
type RecordRef = { organizationId: string } | { institutionId: string };

async function recordFor(input: WatchRecordInput): Promise<RecordRef | null> {
  if (input.organizationSlug) {
    const o = await db().organization.findUnique({ where: { slug: input.organizationSlug }, select: { id: true } });
    return o ? { organizationId: o.id } : null;
  }
  const i = await db().institution.findUnique({ where: { slug: input.institutionSlug }, select: { id: true } });
  return i ? { institutionId: i.id } : null;
}

async function countAgainstLimits(clientAddress: string, email: string) {
  const hashed = createHash("sha256").update(email).digest("hex");
  const hour = 3600;
  const day = 86_400;
  await consumeRateLimits(
    [
      { key: `watch:address:${clientAddress}`, limit: WATCH_LIMITS.addressHour, windowSeconds: hour },
      { key: `watch:address-day:${clientAddress}`, limit: WATCH_LIMITS.addressDay, windowSeconds: day },
      { key: `watch:email:${hashed}`, limit: WATCH_LIMITS.emailHour, windowSeconds: hour },
      { key: `watch:email-day:${hashed}`, limit: WATCH_LIMITS.emailDay, windowSeconds: day },
    ],
    "Too many watch requests from here or for this address. Nothing was sent; please try again later.",
  );
}

/** The watcher of an address and its watch of the record, made when missing. */
async function watchOf(tx: Tx, email: string, record: RecordRef, input: WatchRecordInput, locale: Locale) {
  const watcher = await tx.watcher.upsert({
    where: { email },
    create: { email, locale },
    update: {},
    select: { id: true },
  });
  const existing = await tx.watch.findFirst({ where: { watcherId: watcher.id, ...record }, select: { id: true } });
  const watch =
    existing ??
    (await tx.watch.create({
      data: { watcherId: watcher.id, ...record, requestedFrequency: input.frequency, requestedLocale: locale },
      select: { id: true },
    }));
  // Applied only at confirmation: a stranger's form does not change what the address's owner chose.
  await tx.watch.update({
    where: { id: watch.id },
    data: { requestedFrequency: input.frequency, requestedLocale: locale },
  });
  return { watcherId: watcher.id, watchId: watch.id };
}

/**
 * watchOf in a transaction of its own. Two forms at once for one address may both create: the loser's unique-key
 * error (P2002) is retried once, and then finds the winner's rows.
 */
async function ensureWatch(email: string, record: RecordRef, input: WatchRecordInput, locale: Locale) {
  const run = () => db().$transaction((tx) => watchOf(tx, email, record, input, locale));
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    return run();
  }
}

/**
 * Anyone: watch a record. Returns "mailed" (a confirmation link went, or will go, to the address: the same answer
 * for every address) or "watching" (a signed-in person's own address, confirmed at once). A filled honeypot is
 * answered as "mailed" and nothing is stored, counted or sent.
 */
export async function watchRecord(
  actor: Actor | null,
  input: WatchRecordInput,
  context: Context,
): Promise<"mailed" | "watching"> {
  if (input.website.trim()) return "mailed";
  const own = !input.email || (actor !== null && normalizeEmail(input.email) === normalizeEmail(actor.email));
  if (own && !actor)
    throw new ValidationError("Give the address the digests should go to.", {
      email: ["Give the address the digests should go to."],
    });
  const email = normalizeEmail(own && actor ? actor.email : input.email);
  const record = await recordFor(input);
  if (!record) throw new NotFoundError("This page is not in the registry any more.");
  await countAgainstLimits(context.clientAddress, email);
  const name = await recordName(record, context.locale);
  if (own) {
    const { watchId } = await ensureWatch(email, record, input, context.locale);
    const pageToken = await confirmWatchById(watchId);
    await context.later(() => mailStarted(email, context.locale, name, pageToken));
    return "watching";
  }
  const { watcherId, watchId } = await ensureWatch(email, record, input, context.locale);
  const token = await db().$transaction((tx) => issueWatchToken(tx, watcherId, watchId));
  await context.later(async () => {
    const t = mailTranslator(context.locale);
    await sendWatchMail(
      email,
      {
        subject: t("watchConfirmSubject", { name }),
        text: (link) => t("watchConfirmText", { name, link }),
      },
      siteLink(env().SITE_URL, watchConfirmPath(context.locale, token)),
    ).catch((error) => console.error(`[watch] the confirmation mail failed: ${(error as Error).message}`));
  });
  await purgeExpiredWatches();
  return "mailed";
}

async function mailStarted(email: string, locale: Locale, name: string, pageToken: string) {
  const t = mailTranslator(locale);
  await sendWatchMail(
    email,
    { subject: t("watchStartedSubject", { name }), text: (link) => t("watchStartedText", { name, link }) },
    siteLink(env().SITE_URL, watcherPagePath(locale, pageToken)),
  ).catch((error) => console.error(`[watch] the welcome mail failed: ${(error as Error).message}`));
}

/**
 * Confirm a watch: from now on its record's changes go into the watcher's digests, and the form's frequency and
 * language become the watcher's. Returns a fresh token of the subscriber's page.
 */
async function confirmWatchById(watchId: string, now = new Date()): Promise<string> {
  const start = await startingPosition();
  return db().$transaction(async (tx) => {
    const watch = await tx.watch.findUniqueOrThrow({
      where: { id: watchId },
      select: { watcherId: true, confirmedAt: true, requestedFrequency: true, requestedLocale: true },
    });
    const first = !watch.confirmedAt;
    if (first)
      await tx.watch.update({
        where: { id: watchId },
        data: { confirmedAt: now, startTx: start.cursorTx, start: start.cursor },
      });
    const confirmed = await tx.watch.count({ where: { watcherId: watch.watcherId, confirmedAt: { not: null } } });
    await tx.watcher.update({
      where: { id: watch.watcherId },
      data: {
        frequency: watch.requestedFrequency,
        locale: watch.requestedLocale,
        // A first watch starts the watcher's stream here; a later one keeps the watcher's position (its own start
        // keeps its record's older changes out).
        ...(first && confirmed === 1 ? { cursorTx: start.cursorTx, cursor: start.cursor, digestedAt: now } : {}),
      },
    });
    return issueWatchToken(tx, watch.watcherId, null, now);
  });
}

/** The confirmation link's button: confirms its watch and returns the subscriber's page token. */
export async function confirmWatch(token: string, now = new Date()): Promise<string> {
  const row = await db().watchToken.findFirst({
    where: { hash: hashWatchToken(token), watchId: { not: null }, expiresAt: { gt: now } },
    select: { hash: true, watchId: true },
  });
  if (!row?.watchId)
    throw new NotFoundError("This confirmation link has expired or is not valid. Ask for a new one on the page.");
  const pageToken = await confirmWatchById(row.watchId, now);
  await db().watchToken.deleteMany({ where: { hash: row.hash } });
  return pageToken;
}
