import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import { NotFoundError } from "../../shared/errors";
import { pickName } from "../../shared/names";
import type { DigestFrequency } from "../../shared/digest-schedule";
import { institutionNameSelect, organizationNameSelect } from "../selects";
import { watcherIdForPageToken } from "./tokens";

// The subscriber's own page, reached from every digest (and the confirmation): the token in its address is the only
// key, as a correction's status link is. What it opens is one watcher's subscription, nothing else.

const NO_PAGE = "This link is not valid any more: the latest digest carries a fresh one.";

export type WatcherPage = {
  email: string;
  frequency: DigestFrequency;
  watches: { id: string; kind: "organization" | "institution"; slug: string; name: string }[];
};

async function watcherOf(token: string): Promise<string> {
  const id = await watcherIdForPageToken(token);
  if (!id) throw new NotFoundError(NO_PAGE);
  return id;
}

/** What the token's subscriber watches (confirmed), or null when the token opens nothing. */
export async function getWatcherPage(token: string, locale: Locale): Promise<WatcherPage | null> {
  const id = await watcherIdForPageToken(token);
  if (!id) return null;
  const watcher = await db().watcher.findUnique({
    where: { id },
    select: {
      email: true,
      frequency: true,
      watches: {
        where: { confirmedAt: { not: null } },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          organization: { select: { slug: true, names: organizationNameSelect } },
          institution: { select: { slug: true, names: institutionNameSelect } },
        },
      },
    },
  });
  if (!watcher) return null;
  return {
    email: watcher.email,
    frequency: watcher.frequency,
    watches: watcher.watches.map((w) => {
      const record = (w.organization ?? w.institution)!;
      return {
        id: w.id,
        kind: w.organization ? ("organization" as const) : ("institution" as const),
        slug: record.slug,
        name: pickName(record.names, locale).name,
      };
    }),
  };
}

/** The token's subscriber: digests daily or weekly from now on. */
export async function setDigestFrequency(token: string, frequency: DigestFrequency): Promise<void> {
  const id = await watcherOf(token);
  await db().watcher.updateMany({ where: { id }, data: { frequency } });
}

/** The token's subscriber stops watching one of their records (another's watch id changes nothing). */
export async function stopWatching(token: string, watchId: string): Promise<void> {
  const watcherId = await watcherOf(token);
  const removed = await db().watch.deleteMany({ where: { id: watchId, watcherId } });
  if (!removed.count) throw new NotFoundError("You do not watch this any more.");
}

/**
 * The token's subscriber stops every digest: the address and everything it watched are deleted (nothing about it
 * is kept). Used by the page's button and by mail clients' one-click POST (RFC 8058). Returns whether it removed
 * anything, so a repeated click reads as done.
 */
export async function unsubscribeWatcher(token: string): Promise<boolean> {
  const id = await watcherIdForPageToken(token);
  if (!id) return false;
  const removed = await db().watcher.deleteMany({ where: { id } });
  return removed.count > 0;
}
