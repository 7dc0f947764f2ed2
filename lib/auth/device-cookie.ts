import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Device cookies, after OWASP's "Slow Down Online Guessing Attacks with Device Cookies": a browser that signed
 * in to an account gets a cookie naming that account, an expiry and a random nonce, signed with a key derived
 * from NEXTAUTH_SECRET. Nothing in it is secret; it only proves that this browser once knew the password. A
 * sign-in that presents one for its account is throttled on the cookie's own counter, so an attacker's
 * failures elsewhere cannot lock the owner's browser out.
 *
 * Each account has its own cookie name (a keyed hash of the email, so several accounts can share a browser
 * without saying whose they are), sent only to /api/auth.
 */
const FORMAT = "v1";
const COOKIE_PATH = "/api/auth";

export type DeviceCookie = {
  name: string;
  value: string;
  options: { httpOnly: true; secure: boolean; sameSite: "strict"; path: string; maxAge: number };
};

// The session secret signs sessions; the device cookie gets a key of its own derived from it.
const keyFor = (secret: string) => createHmac("sha256", secret).update("alliance-atlas device cookie").digest();
const sign = (secret: string, text: string) => createHmac("sha256", keyFor(secret)).update(text).digest("base64url");

/** The cookie's name for this account (the email already normalized). */
export function deviceCookieName(secret: string, email: string, secure: boolean): string {
  return `${secure ? "__Secure-" : ""}atlas-device.${sign(secret, `name\n${email}`).slice(0, 16)}`;
}

/** A fresh device cookie for this account, valid for `days`. */
export function issueDeviceCookie(
  secret: string,
  email: string,
  { days, secure, now = new Date() }: { days: number; secure: boolean; now?: Date },
): DeviceCookie {
  const expires = Math.floor(now.getTime() / 1000) + days * 86_400;
  const nonce = randomBytes(16).toString("base64url");
  const value = `${FORMAT}.${expires.toString(36)}.${nonce}.${sign(secret, `device\n${email}\n${expires}\n${nonce}`)}`;
  return {
    name: deviceCookieName(secret, email, secure),
    value,
    options: { httpOnly: true, secure, sameSite: "strict", path: COOKIE_PATH, maxAge: days * 86_400 },
  };
}

/** The nonce of a device cookie this server issued for this account and that has not expired; else null. */
export function verifyDeviceCookie(
  secret: string,
  email: string,
  value: string | null | undefined,
  now = new Date(),
): string | null {
  if (!value || value.length > 200) return null;
  const [format, expiresText, nonce, signature, ...rest] = value.split(".");
  if (
    format !== FORMAT ||
    !expiresText ||
    !nonce ||
    !signature ||
    rest.length > 0 ||
    !/^[0-9a-z]{1,10}$/.test(expiresText)
  )
    return null;
  const expires = parseInt(expiresText, 36);
  if (expires.toString(36) !== expiresText) return null;
  const expected = Buffer.from(sign(secret, `device\n${email}\n${expires}\n${nonce}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return expires * 1000 > now.getTime() ? nonce : null;
}
