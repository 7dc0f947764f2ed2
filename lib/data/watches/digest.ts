import "server-only";
import { db } from "../db";
import { env } from "../../env";
import { listPublicChanges } from "../open/changes";
import { localeOf, siteLink } from "../accounts/mail-texts";
import { isDigestDue, lastDigestSlot } from "../../shared/digest-schedule";
import type { ChangePosition, PublicChange } from "../../shared/types/changes";
import { watchUnsubscribeApiPath, watcherPagePath } from "../../shared/paths";
import { composeDigest } from "./digest-mail";
import { sendWatchMail } from "./mail";
import { issueWatchToken } from "./tokens";

// A watcher's digest: the approved public changes of the records they watch since their last digest, read from the
// changes stream after the watcher's position (lib/data/open/changes.ts, in its commit-safe order, as webhooks read
// it). A lease on the watcher's row makes one digest run at a time across instances (pg-boss already runs one job
// per watcher: this holds even if two met), the due check under the lease makes a digest go once per slot, and the
// position moves only after the mail server took the mail.

const PAGE = 200;
/** At most this many changes are read for one digest; the rest go into the next. */
const MAX_PAGES = 10;
const LEASE_MS = 120_000;

export type DigestOutcome = { kind: "sent"; changes: number } | { kind: "nothing" } | { kind: "skipped" };

type WatchedRecord = { slug: string; type: "organization" | "institution"; start: ChangePosition };

const after = (a: ChangePosition, b: ChangePosition) =>
  BigInt(a.tx) > BigInt(b.tx) || (a.tx === b.tx && BigInt(a.id) > BigInt(b.id));

/** Whether a change is about a watched record (a membership about either side), made after that watch began. */
export function watchedChange(watched: WatchedRecord[], change: PublicChange): boolean {
  const r = change.record;
  const sides =
    r.type === "membership"
      ? [
          { type: "organization", slug: r.organization.slug },
          { type: "institution", slug: r.institution.slug },
        ]
      : [{ type: r.type, slug: r.slug }];
  return watched.some(
    (w) => sides.some((s) => s.type === w.type && s.slug === w.slug) && after(change.position, w.start),
  );
}

/** Confirmed watchers whose digest is due now (no lease held): the hourly sweep queues a job for each. */
export async function listDueWatcherIds(now = new Date()): Promise<string[]> {
  const rows = await db().watcher.findMany({
    where: {
      watches: { some: { confirmedAt: { not: null } } },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
      AND: {
        OR: [
          { frequency: "DAILY", digestedAt: { lt: lastDigestSlot(now, "DAILY") } },
          { frequency: "WEEKLY", digestedAt: { lt: lastDigestSlot(now, "WEEKLY") } },
        ],
      },
    },
    select: { id: true },
    orderBy: { digestedAt: "asc" },
    take: 5000,
  });
  return rows.map((r) => r.id);
}

/** One watcher's digest, if due: sent when a watched record changed, otherwise only the position moves. */
export async function sendDigest(watcherId: string, now = new Date()): Promise<DigestOutcome> {
  const leased = await db().watcher.updateMany({
    where: { id: watcherId, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  if (!leased.count) return { kind: "skipped" };
  try {
    return await digest(watcherId, now);
  } finally {
    await db().watcher.updateMany({ where: { id: watcherId }, data: { leaseUntil: null } });
  }
}

async function digest(watcherId: string, now: Date): Promise<DigestOutcome> {
  const watcher = await db().watcher.findUniqueOrThrow({
    where: { id: watcherId },
    select: {
      email: true,
      locale: true,
      frequency: true,
      cursorTx: true,
      cursor: true,
      digestedAt: true,
      watches: {
        where: { confirmedAt: { not: null } },
        select: {
          startTx: true,
          start: true,
          organization: { select: { slug: true } },
          institution: { select: { slug: true } },
        },
      },
    },
  });
  if (!watcher.watches.length || !isDigestDue(watcher.digestedAt, watcher.frequency, now)) return { kind: "skipped" };
  const watched: WatchedRecord[] = watcher.watches.map((w) => ({
    slug: (w.organization?.slug ?? w.institution?.slug)!,
    type: w.organization ? "organization" : "institution",
    start: { tx: w.startTx.toString(), id: w.start.toString() },
  }));
  const { changes, position } = await watchedChangesAfter(
    { tx: watcher.cursorTx.toString(), id: watcher.cursor.toString() },
    watched,
  );
  const moved = { cursorTx: BigInt(position.tx), cursor: BigInt(position.id), digestedAt: now };
  if (!changes.length) {
    await db().watcher.update({ where: { id: watcherId }, data: moved });
    return { kind: "nothing" };
  }
  const locale = localeOf(watcher.locale);
  const token = await db().$transaction((tx) => issueWatchToken(tx, watcherId, null, now));
  const site = env().SITE_URL;
  const mail = await composeDigest({ changes, locale, frequency: watcher.frequency, site });
  // Throws when the mail server did not take it: the job fails (and is retried), the position stays.
  await sendWatchMail(
    watcher.email,
    {
      ...mail,
      headers: {
        "List-Unsubscribe": `<${siteLink(site, watchUnsubscribeApiPath(locale, token))}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    },
    siteLink(site, watcherPagePath(locale, token)),
  );
  await db().watcher.update({ where: { id: watcherId }, data: { ...moved, lastSentAt: now } });
  return { kind: "sent", changes: changes.length };
}

/** The watched records' changes after a position, and the position after what was read. */
async function watchedChangesAfter(from: ChangePosition, watched: WatchedRecord[]) {
  const changes: PublicChange[] = [];
  let position = from;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, next } = await listPublicChanges({ after: position, limit: PAGE });
    changes.push(...items.filter((c) => watchedChange(watched, c)));
    position = next;
    if (items.length < PAGE) break;
  }
  return { changes, position };
}
