/**
 * The rules of sign-in throttling for one key (an account's clients without a device cookie, one client
 * address, one device cookie), as a pure function of the key's row so they can be tested without a clock.
 *
 * Within a window of `windowMs` from its first failure a key may fail `maxFailures` times; the failure that
 * reaches the limit locks the key. Locks back off instead of repeating: the first lasts one window, each
 * later one twice the one before, up to a day. Someone who fails again each time a lock ends thus gets 5
 * guesses per 15 minutes at first (the defaults), then per 30, 60 … and after 7 locks 5 a day. A key is
 * forgotten a day after its last lock ends.
 */
export type ThrottleRules = { maxFailures: number; windowMs: number };

export type ThrottleState = {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
  lockouts: number;
  /** From then on the row means nothing: it may be purged, and a failure starts it afresh. */
  expiresAt: Date;
};

export const LONGEST_LOCK_MS = 24 * 60 * 60_000;
export const BACKOFF_MEMORY_MS = 24 * 60 * 60_000;

/** How long the lock after `lockouts` earlier locks lasts. */
export function lockDuration(lockouts: number, windowMs: number): number {
  return Math.min(windowMs * 2 ** Math.min(lockouts, 20), Math.max(LONGEST_LOCK_MS, windowMs));
}

/** The key's row after one more failure at `now`; `previous` is its row, if any. */
export function afterFailure(previous: ThrottleState | null, now: Date, rules: ThrottleRules): ThrottleState {
  const live = previous && previous.expiresAt > now ? previous : null;
  // Two instances may both have let a guess through just before one of them locked the key: the later one
  // neither counts again nor lengthens the lock.
  if (live?.lockedUntil && live.lockedUntil > now) return live;
  const lockouts = live?.lockouts ?? 0;
  const sameWindow =
    live !== null && live.lockedUntil === null && now.getTime() - live.windowStart.getTime() < rules.windowMs;
  const failures = sameWindow ? live.failures + 1 : 1;
  const windowStart = sameWindow ? live.windowStart : now;
  if (failures >= rules.maxFailures) {
    const lockedUntil = new Date(now.getTime() + lockDuration(lockouts, rules.windowMs));
    return {
      failures,
      windowStart,
      lockedUntil,
      lockouts: lockouts + 1,
      expiresAt: new Date(lockedUntil.getTime() + BACKOFF_MEMORY_MS),
    };
  }
  const windowEnd = windowStart.getTime() + rules.windowMs;
  // After a lock, the row is kept for the backoff's memory even when the new window ends sooner.
  const expiresAt = new Date(lockouts > 0 && live ? Math.max(windowEnd, live.expiresAt.getTime()) : windowEnd);
  return { failures, windowStart, lockedUntil: null, lockouts, expiresAt };
}
