import "server-only";
import { db } from "../db";
import { env } from "../../env";
import type { Actor } from "../../shared/actor";
import { staffAddressDueAt } from "../../shared/address-reverification";
import { TooManyRequestsError } from "../../shared/errors";
import { dummyHash, verifyPassword } from "../../auth/passwords";
import { verifyDeviceCookie } from "../../auth/device-cookie";
import { accountKey, addressKey, deviceKey, forgiveFailures, lockedKeys, recordFailures } from "./login-throttle";

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/** Refused while the keys a sign-in is judged on are locked; the owner's own browser is not (see authenticate). */
const SIGN_IN_LOCKED_MESSAGE =
  "Too many attempts. Please try again later, or set a new password with “Forgot your password?”.";

/**
 * Check an email and password. Unknown accounts, disabled accounts and wrong passwords all give null after
 * the same amount of work; a sign-in judged on a locked key gives TooManyRequestsError.
 *
 * `deviceCookie` is the device cookie the browser holds for this account (lib/auth/device-cookie.ts). A valid one
 * means this browser signed in to the account before: the sign-in is judged on that cookie's own failures
 * only, never on the account's lock or the address's, so an attacker who keeps failing cannot keep the owner
 * out. Every other client is judged on the account's failures from clients without a device cookie and on
 * its address's failures across accounts. A device cookie that fails too often is locked itself, and then
 * counts as no device cookie.
 */
export async function authenticate(
  email: string,
  password: string,
  clientAddress: string,
  deviceCookie: string | null = null,
) {
  const normalized = normalizeEmail(email);
  const { NEXTAUTH_SECRET } = env();
  const nonce = NEXTAUTH_SECRET ? verifyDeviceCookie(NEXTAUTH_SECRET, normalized, deviceCookie) : null;
  const device = nonce ? deviceKey(nonce) : null;
  const account = accountKey(normalized);
  const untrusted = [account, addressKey(clientAddress)];
  const locked = await lockedKeys(device ? [device, ...untrusted] : untrusted);
  const trusted = device !== null && !locked.has(device);
  const keys = trusted ? [device] : untrusted;
  if (keys.some((key) => locked.has(key))) throw new TooManyRequestsError(SIGN_IN_LOCKED_MESSAGE);
  const user = await db().user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user?.passwordHash || user.disabledAt || !ok) {
    await recordFailures(keys);
    return null;
  }
  await forgiveFailures(trusted ? device : account);
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

const ACTOR_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  institutionId: true,
  organizationId: true,
  staffRole: true,
} as const;

/** The account behind a session, if the session is still valid (same session version, not disabled). */
export async function loadSessionUser(userId: string, sessionVersion: number): Promise<Actor | null> {
  const user = await db().user.findFirst({
    where: { id: userId, sessionVersion, disabledAt: null },
    select: { ...ACTOR_SELECT, emailVerifiedAt: true, createdAt: true },
  });
  if (!user) return null;
  const { emailVerifiedAt, createdAt, ...actor } = user;
  return { ...actor, addressDueAt: staffAddressDueAt({ role: actor.role, emailVerifiedAt, createdAt }) };
}

/** End every session of a user (logout everywhere, password change, disabling, role change). */
export async function endSessions(userId: string) {
  await db().user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
