import "server-only";
import { db } from "../db";
import { env } from "../env";
import type { Actor } from "../auth-types";
import { TooManyRequestsError, UnauthorizedError } from "../errors";
import { dummyHash, verifyPassword } from "../passwords";

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/** Is this key (an account or a client address) locked out? Counted in PostgreSQL, so it holds across instances. */
async function isLocked(key: string) {
  const row = await db().loginThrottle.findUnique({ where: { key } });
  return Boolean(row?.lockedUntil && row.lockedUntil > new Date());
}

async function recordFailure(key: string) {
  const { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MINUTES } = env();
  const windowMs = LOGIN_WINDOW_MINUTES * 60_000;
  // One statement: concurrent failures on two instances both count.
  await db().$executeRaw`
    INSERT INTO "LoginThrottle" (key, failures, "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(secs => ${windowMs / 1000}) THEN 1 ELSE "LoginThrottle".failures + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(secs => ${windowMs / 1000}) THEN now() ELSE "LoginThrottle"."windowStart" END,
      "lockedUntil" = CASE WHEN "LoginThrottle"."windowStart" >= now() - make_interval(secs => ${windowMs / 1000})
        AND "LoginThrottle".failures + 1 >= ${LOGIN_MAX_FAILURES} THEN now() + make_interval(secs => ${windowMs / 1000}) ELSE NULL END`;
}

/**
 * Check an email and password. Unknown accounts, disabled accounts and wrong passwords all give null after
 * the same amount of work; too many failures for the account or the client address give TooManyRequestsError.
 */
export async function authenticate(email: string, password: string, clientAddress: string) {
  const normalized = normalizeEmail(email);
  const keys = [`account:${normalized}`, `address:${clientAddress}`];
  for (const key of keys) if (await isLocked(key)) throw new TooManyRequestsError();
  const user = await db().user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !user.passwordHash || user.disabledAt || !ok) {
    for (const key of keys) await recordFailure(key);
    return null;
  }
  await db().$transaction([
    db().loginThrottle.deleteMany({ where: { key: keys[0] } }),
    db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } }),
  ]);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/** The account behind a session, if the session is still valid (same session version, not disabled). */
export async function loadSessionUser(userId: string, sessionVersion: number): Promise<Actor | null> {
  const user = await db().user.findFirst({
    where: { id: userId, sessionVersion, disabledAt: null },
    select: { id: true, email: true, name: true, role: true, institutionId: true },
  });
  return user;
}

/** End every session of a user (logout everywhere, password change, disabling, role change). */
export async function endSessions(userId: string) {
  await db().user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export async function listNotifications(actor: Actor | null) {
  if (!actor) return [];
  return db().notification.findMany({
    where: { userId: actor.id },
    select: { id: true, message: true, changeRequestId: true, readAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
}

export async function markNotificationsRead(actor: Actor | null) {
  if (!actor) throw new UnauthorizedError();
  await db().notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
}
