// Client-safe: when watchers' digests are due (lib/data/watches/digest.ts). A daily digest goes at DIGEST_HOUR_UTC
// every day, a weekly one at that hour on Mondays; a digest is due when the last such moment came after the one
// before was dealt with. Fixed moments rather than "24 hours after the last": a digest a slow run sent late does
// not push the next ones later.

export const DIGEST_FREQUENCIES = ["DAILY", "WEEKLY"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export const DIGEST_HOUR_UTC = 7;

/** The latest digest moment at or before `now` for this frequency. */
export function lastDigestSlot(now: Date, frequency: DigestFrequency): Date {
  const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  if (slot.getTime() > now.getTime()) slot.setUTCDate(slot.getUTCDate() - 1);
  // Back to Monday (getUTCDay: 0 is Sunday, 1 Monday).
  if (frequency === "WEEKLY") slot.setUTCDate(slot.getUTCDate() - ((slot.getUTCDay() + 6) % 7));
  return slot;
}

/** Whether a watcher whose last digest was dealt with at `digestedAt` is due one now. */
export function isDigestDue(digestedAt: Date, frequency: DigestFrequency, now: Date): boolean {
  return digestedAt.getTime() < lastDigestSlot(now, frequency).getTime();
}
