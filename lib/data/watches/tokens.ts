import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "../db";
import { db } from "../db";

// The links mailed to a watcher carry a random token; the database keeps only its SHA-256 (WatchToken.hash), so a
// dump of it opens nobody's subscription. A confirmation link expires in days; the subscriber's page link (every
// digest carries a fresh one, which also unsubscribes in one click) lasts long enough for an old digest's link to
// still work.

export const CONFIRM_TOKEN_DAYS = 7;
export const PAGE_TOKEN_DAYS = 365;

export const hashWatchToken = (token: string) => createHash("sha256").update(token).digest("hex");

const days = (n: number, from: Date) => new Date(from.getTime() + n * 86_400_000);

/** A new token for a watcher (a confirmation when watchId is given): the plain token, for the mail only. */
export async function issueWatchToken(
  tx: Tx,
  watcherId: string,
  watchId: string | null,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.watchToken.create({
    data: {
      hash: hashWatchToken(token),
      watcherId,
      watchId,
      expiresAt: days(watchId ? CONFIRM_TOKEN_DAYS : PAGE_TOKEN_DAYS, now),
    },
  });
  return token;
}

/** The watcher a subscriber's page token opens (not a confirmation token), or null when none does. */
export async function watcherIdForPageToken(token: string, now = new Date()): Promise<string | null> {
  const row = await db().watchToken.findFirst({
    where: { hash: hashWatchToken(token), watchId: null, expiresAt: { gt: now } },
    select: { watcherId: true },
  });
  return row?.watcherId ?? null;
}

/**
 * Expired tokens, and what never got confirmed: a watch unconfirmed after its link expired, and a watcher left with
 * no watch at all (an address someone typed and never confirmed is not kept).
 */
export async function purgeExpiredWatches(now = new Date()) {
  await db().watchToken.deleteMany({ where: { expiresAt: { lte: now } } });
  await db().watch.deleteMany({ where: { confirmedAt: null, createdAt: { lte: days(-CONFIRM_TOKEN_DAYS, now) } } });
  await db().watcher.deleteMany({
    where: { watches: { none: {} }, createdAt: { lte: days(-CONFIRM_TOKEN_DAYS, now) } },
  });
}
