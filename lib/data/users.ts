import "server-only";
import { db } from "../db";
import { env } from "../env";
import type { Actor } from "../auth-types";
import { TooManyRequestsError, UnauthorizedError } from "../errors";
import { dummyHash, verifyPassword } from "../passwords";
import { accountKey, addressKey, forgiveFailures, lockedKeys, recordFailures } from "./login-throttle";

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

const SIGN_IN_LOCKED_MESSAGE = "Too many attempts. Please try again later, or set a new password with “Forgot your password?”.";

/**
 * Check an email and password. Unknown accounts, disabled accounts and wrong passwords all give null after
 * the same amount of work; a sign-in while the account or the client address is locked gives
 * TooManyRequestsError.
 */
export async function authenticate(email: string, password: string, clientAddress: string) {
  const normalized = normalizeEmail(email);
  const account = accountKey(normalized);
  const keys = [account, addressKey(clientAddress)];
  const locked = await lockedKeys(keys);
  if (keys.some((key) => locked.has(key))) throw new TooManyRequestsError(SIGN_IN_LOCKED_MESSAGE);
  const user = await db().user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !user.passwordHash || user.disabledAt || !ok) {
    await recordFailures(keys);
    return null;
  }
  await forgiveFailures(account);
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
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
