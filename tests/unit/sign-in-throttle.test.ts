import { describe, expect, it } from "vitest";
import {
  afterFailure,
  BACKOFF_MEMORY_MS,
  LONGEST_LOCK_MS,
  lockDuration,
  type ThrottleState,
} from "@/lib/auth/sign-in-backoff";
import { deviceCookieName, issueDeviceCookie, verifyDeviceCookie } from "@/lib/auth/device-cookie";

const rules = { maxFailures: 5, windowMs: 15 * 60_000 };
const minutes = (n: number) => n * 60_000;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

/** `n` failures one second apart from `start`, on the row `state`. */
function fail(state: ThrottleState | null, start: Date, n: number) {
  let now = start;
  for (let i = 0; i < n; i++) {
    state = afterFailure(state, now, rules);
    now = at(now, 1000);
  }
  return state!;
}

describe("sign-in backoff", () => {
  const t0 = new Date("2026-11-29T10:00:00Z");

  it("locks on the failure that reaches the limit within the window, for one window", () => {
    const four = fail(null, t0, 4);
    expect(four).toMatchObject({ failures: 4, lockedUntil: null, lockouts: 0 });
    expect(four.expiresAt).toEqual(at(t0, rules.windowMs));
    const five = afterFailure(four, at(t0, 5000), rules);
    expect(five.lockedUntil).toEqual(at(t0, 5000 + rules.windowMs));
    expect(five).toMatchObject({ failures: 5, lockouts: 1 });
    expect(five.expiresAt).toEqual(at(five.lockedUntil!, BACKOFF_MEMORY_MS));
  });

  it("does not lock failures spread over more than a window", () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 20; i++) state = afterFailure(state, at(t0, i * minutes(4)), rules);
    expect(state!.lockedUntil).toBeNull();
    expect(state!.lockouts).toBe(0);
  });

  it("a failure during a lock (let through just before it) neither counts nor lengthens it", () => {
    const locked = fail(null, t0, 5);
    expect(afterFailure(locked, at(t0, minutes(1)), rules)).toBe(locked);
  });

  it("each later lock lasts twice the one before, up to a day", () => {
    let state: ThrottleState | null = null;
    let now = t0;
    const lengths: number[] = [];
    for (let round = 0; round < 9; round++) {
      state = fail(state, now, 5);
      lengths.push((state.lockedUntil!.getTime() - state.windowStart.getTime() - 4000) / 60_000);
      now = at(state.lockedUntil!, 1000);
    }
    expect(lengths).toEqual([15, 30, 60, 120, 240, 480, 960, 1440, 1440]);
    expect(lockDuration(40, rules.windowMs)).toBe(LONGEST_LOCK_MS);
  });

  it("after a lock ends a new window starts; the backoff is forgotten a day after the last lock", () => {
    const locked = fail(null, t0, 5);
    const after = afterFailure(locked, at(locked.lockedUntil!, 1000), rules);
    expect(after).toMatchObject({ failures: 1, lockedUntil: null, lockouts: 1 });
    expect(after.expiresAt).toEqual(locked.expiresAt);
    const muchLater = afterFailure(after, at(locked.expiresAt, 1000), rules);
    expect(muchLater).toMatchObject({ failures: 1, lockedUntil: null, lockouts: 0 });
  });
});

describe("device cookies", () => {
  const secret = "a-test-secret-of-at-least-32-characters";
  const email = "owner@example.org";

  it("verify for their account until they expire, and give their nonce", () => {
    const now = new Date("2026-11-29T10:00:00Z");
    const cookie = issueDeviceCookie(secret, email, { days: 30, secure: false, now });
    const nonce = verifyDeviceCookie(secret, email, cookie.value, now);
    expect(nonce).toMatch(/^[\w-]{22}$/);
    expect(cookie.value).toContain(nonce);
    expect(verifyDeviceCookie(secret, email, cookie.value, at(now, 29 * 86_400_000))).toBe(nonce);
    expect(verifyDeviceCookie(secret, email, cookie.value, at(now, 30 * 86_400_000 + 1000))).toBeNull();
    expect(cookie.options).toEqual({
      httpOnly: true,
      secure: false,
      sameSite: "strict",
      path: "/api/auth",
      maxAge: 30 * 86_400,
    });
  });

  it("give nothing for another account, another secret, or any altered part", () => {
    const cookie = issueDeviceCookie(secret, email, { days: 30, secure: false });
    const [format, expires, nonce, signature] = cookie.value.split(".") as [string, string, string, string];
    expect(verifyDeviceCookie(secret, "other@example.org", cookie.value)).toBeNull();
    expect(verifyDeviceCookie(`${secret}x`, email, cookie.value)).toBeNull();
    for (const altered of [
      [format, (parseInt(expires, 36) + 1).toString(36), nonce, signature],
      [format, `0${expires}`, nonce, signature],
      [format, expires, `${nonce.slice(0, -1)}${nonce.endsWith("A") ? "B" : "A"}`, signature],
      [format, expires, nonce, `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`],
      ["v2", expires, nonce, signature],
      [format, expires, nonce, signature, "extra"],
    ])
      expect(verifyDeviceCookie(secret, email, altered.join("."))).toBeNull();
    for (const junk of [null, undefined, "", "v1", "v1...", "x".repeat(500)])
      expect(verifyDeviceCookie(secret, email, junk)).toBeNull();
  });

  it("are named per account without showing the email, with the __Secure- prefix over https", () => {
    const name = deviceCookieName(secret, email, false);
    expect(name).toMatch(/^atlas-device\.[\w-]{16}$/);
    expect(name).not.toContain("owner");
    expect(deviceCookieName(secret, "other@example.org", false)).not.toBe(name);
    expect(deviceCookieName(secret, email, true)).toBe(`__Secure-${name}`);
  });
});
