import "server-only";
import { db } from "../db";
import { env } from "../../env";
import { afterFailure, type ThrottleState } from "../../auth/sign-in-backoff";

/**
 * Sign-in failures counted in PostgreSQL, so every instance sees the same counts (lib/auth/sign-in-backoff.ts has
 * the rules). Keys: `account:<email>` for the clients that hold no device cookie for the account,
 * `address:<ip>` for one client address across accounts, `device:<nonce>` for one device cookie.
 *
 * Times are compared in the database (`now()`, in UTC like the timestamps Prisma writes), so instances whose
 * clocks disagree still agree on who is locked.
 */
export const accountKey = (email: string) => `account:${email}`;
export const addressKey = (address: string) => `address:${address}`;
export const deviceKey = (nonce: string) => `device:${nonce}`;

/** Which of these keys are locked now. */
export async function lockedKeys(keys: string[]): Promise<Set<string>> {
  const rows = await db().$queryRaw<{ key: string }[]>`
    SELECT key FROM "LoginThrottle" WHERE key = ANY(${keys}) AND "lockedUntil" > (now() AT TIME ZONE 'UTC')`;
  return new Set(rows.map((r) => r.key));
}

/** Count one failure against each key (locking those that reach the limit), then purge rows that expired. */
export async function recordFailures(keys: string[]) {
  const { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MINUTES } = env();
  const rules = { maxFailures: LOGIN_MAX_FAILURES, windowMs: LOGIN_WINDOW_MINUTES * 60_000 };
  for (const key of keys) {
    await db().$transaction(async (tx) => {
      // Creates the row or locks the existing one, so failures on two instances are counted one after the other.
      const [row] = await tx.$queryRaw<(ThrottleState & { now: Date })[]>`
        INSERT INTO "LoginThrottle" (key, "windowStart", "expiresAt")
        VALUES (${key}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
        ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
        RETURNING failures, "windowStart", "lockedUntil", lockouts, "expiresAt", now() AT TIME ZONE 'UTC' AS now`;
      if (!row) throw new Error(`The sign-in throttle row ${key} could not be written.`);
      const { now, ...state } = row;
      await tx.loginThrottle.update({ where: { key }, data: afterFailure(state, now, rules) });
    });
  }
  await purgeExpiredThrottles();
}

/**
 * After a successful sign-in: the key's failures are forgiven, its backoff is not (the owner signing in
 * between an attacker's bursts must not reset the attacker's growing locks).
 */
export async function forgiveFailures(key: string) {
  await db().loginThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: 0 } });
}

/** Rows whose window and backoff are over. Run after each failure, on whichever instance it happens. */
export async function purgeExpiredThrottles(): Promise<number> {
  return db().$executeRaw`DELETE FROM "LoginThrottle" WHERE "expiresAt" < (now() AT TIME ZONE 'UTC')`;
}
