// Sign-in throttling against the real database: the owner's browser (a device cookie) passes while an
// attacker is locked, forged/expired/other accounts' device cookies give no pass, locks back off, a password
// reset lifts the account's lock, and expired rows are purged.
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { issueDeviceCookie } from "@/lib/auth/device-cookie";
import { authenticate } from "@/lib/data/accounts/sessions";
import { purgeExpiredThrottles, recordFailures } from "@/lib/data/accounts/login-throttle";
import { setPasswordWithToken } from "@/lib/data/accounts/user-admin";
import { TooManyRequestsError } from "@/lib/shared/errors";
import { hashPassword } from "@/lib/auth/passwords";
import { testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();
const prisma = testPrisma();
const secret = process.env.NEXTAUTH_SECRET ?? "";
const PASSWORD = "an owner's good passphrase";
const created: string[] = [];
let counter = 0;

afterAll(async () => {
  await prisma.loginThrottle.deleteMany({
    where: {
      OR: [
        { key: { contains: "@throttle.test" } },
        { key: { startsWith: "address:10.77." } },
        { key: { startsWith: "device:" } },
      ],
    },
  });
  await prisma.user.deleteMany({ where: { email: { in: created } } });
  await prisma.$disconnect();
});

async function owner() {
  const email = `owner-${++counter}-${Date.now()}@throttle.test`;
  created.push(email);
  await prisma.user.create({
    data: { email, name: "Owner", role: "STAFF", staffRole: "MANAGER", passwordHash: await hashPassword(PASSWORD) },
  });
  return email;
}

/** The owner's browser: it signed in once and holds the device cookie the portal would have set. */
const deviceOf = (email: string, days = 180, now = new Date()) =>
  issueDeviceCookie(secret, email, { days, secure: false, now }).value;

/** An attacker's failures for this account, each from an address of its own (10.77.100+.x). */
let attacks = 100;
async function attack(email: string, times: number) {
  const network = `10.77.${attacks++}`;
  for (let i = 0; i < times; i++)
    await authenticate(email, `guess ${i}`, `${network}.${i}`).catch((e: unknown) =>
      expect(e).toBeInstanceOf(TooManyRequestsError),
    );
}

const row = (key: string) => prisma.loginThrottle.findUnique({ where: { key } });

describe("device cookies: the owner's browser passes an attacker's lock", () => {
  it("needs NEXTAUTH_SECRET (npm test sets one)", () => {
    expect(secret.length).toBeGreaterThanOrEqual(32);
  });

  it("with the owner's device cookie the right password passes while every other client is refused", async () => {
    const email = await owner();
    const device = deviceOf(email);
    await attack(email, 8);
    expect((await row(`account:${email}`))?.lockedUntil?.getTime() ?? 0).toBeGreaterThan(Date.now());

    await expect(authenticate(email, PASSWORD, "10.77.2.1")).rejects.toBeInstanceOf(TooManyRequestsError);
    const signedIn = await authenticate(email, PASSWORD, "10.77.2.2", device);
    expect(signedIn?.email).toBe(email);
    // Signing in on the owner's browser does not lift the lock the attacker earned.
    await expect(authenticate(email, PASSWORD, "10.77.2.3")).rejects.toBeInstanceOf(TooManyRequestsError);
  });

  it("the owner's browser passes even from an address the attacker has locked (one office, one address)", async () => {
    const email = await owner();
    const shared = "10.77.3.1";
    for (let i = 0; i < 6; i++) await authenticate(`someone-${i}-${email}`, "guess", shared).catch(() => null);
    expect((await row(`address:${shared}`))?.lockedUntil).not.toBeNull();
    await expect(authenticate(email, PASSWORD, shared)).rejects.toBeInstanceOf(TooManyRequestsError);
    expect(await authenticate(email, PASSWORD, shared, deviceOf(email))).not.toBeNull();
  });

  it.each([
    ["forged (signature altered)", (email: string) => deviceOf(email).replace(/.$/, (c) => (c === "A" ? "B" : "A"))],
    ["made up", () => "v1.zzzzzz.bm9uY2Vub25jZW5vbmNl.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0"],
    ["expired", (email: string) => deviceOf(email, 1, new Date(Date.now() - 2 * 86_400_000))],
    ["another account's", () => deviceOf("staff@cuhk.test")],
    [
      "signed with another secret",
      (email: string) =>
        issueDeviceCookie("another-secret-of-another-portal-0123456789", email, { days: 30, secure: false }).value,
    ],
    [
      "with its expiry changed",
      (email: string) =>
        deviceOf(email).replace(
          /^v1\.([0-9a-z]+)\./,
          (_m, e: string) => `v1.${(parseInt(e, 36) + 86_400 * 365).toString(36)}.`,
        ),
    ],
  ])("a %s device cookie gives no pass", async (_label, cookieFor) => {
    const email = await owner();
    await attack(email, 5);
    await expect(authenticate(email, PASSWORD, "10.77.4.1", cookieFor(email))).rejects.toBeInstanceOf(
      TooManyRequestsError,
    );
  });

  it(`a device cookie's own failures lock that cookie; it then counts as no cookie, \
and never as the account's`, async () => {
    const email = await owner();
    const device = deviceOf(email);
    for (let i = 0; i < 5; i++) expect(await authenticate(email, `wrong ${i}`, "10.77.5.1", device)).toBeNull();
    expect((await row(`device:${device.split(".")[2]}`))?.lockedUntil?.getTime() ?? 0).toBeGreaterThan(Date.now());
    // The account's counter for other clients saw none of it.
    expect(await row(`account:${email}`)).toBeNull();
    // A locked device cookie is judged like any other client: the account is not locked, so it passes…
    expect(await authenticate(email, PASSWORD, "10.77.5.2", device)).not.toBeNull();
    // …and once the account is locked for other clients, it is refused like them.
    await attack(email, 5);
    await expect(authenticate(email, PASSWORD, "10.77.5.3", device)).rejects.toBeInstanceOf(TooManyRequestsError);
  });
});

describe("locks back off and rows go away", () => {
  it("failures on concurrent requests all count: five at once lock the account", async () => {
    const email = await owner();
    await Promise.all(Array.from({ length: 5 }, (_, i) => authenticate(email, `parallel ${i}`, `10.77.7.${i}`)));
    const r = await row(`account:${email}`);
    expect(r?.failures).toBe(5);
    expect(r?.lockedUntil?.getTime() ?? 0).toBeGreaterThan(Date.now());
  });

  it("each lock lasts twice the one before", async () => {
    const email = await owner();
    const key = `account:${email}`;
    const lengths: number[] = [];
    for (let round = 0; round < 3; round++) {
      await recordFailures(Array(5).fill(key));
      const r = await prisma.loginThrottle.findUniqueOrThrow({ where: { key } });
      lengths.push(Math.round((r.lockedUntil!.getTime() - Date.now()) / 60_000));
      // The lock ends (as if its time had passed); the backoff is remembered.
      await prisma.loginThrottle.update({
        where: { key },
        data: { lockedUntil: new Date(Date.now() - 1000), windowStart: new Date(Date.now() - 3 * 86_400_000) },
      });
    }
    expect(lengths).toEqual([15, 30, 60]);
    expect((await prisma.loginThrottle.findUniqueOrThrow({ where: { key } })).lockouts).toBe(3);
  });

  it("a password reset lifts the account's lock", async () => {
    const email = await owner();
    await attack(email, 5);
    await expect(authenticate(email, PASSWORD, "10.77.8.1")).rejects.toBeInstanceOf(TooManyRequestsError);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const token = `reset-token-${Date.now()}`;
    await prisma.userToken.create({
      data: {
        userId: user.id,
        purpose: "PASSWORD_RESET",
        tokenHash: createHash("sha256").update(token).digest("hex"),
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    await setPasswordWithToken(token, "a new passphrase after the attack");
    expect(await row(`account:${email}`)).toBeNull();
    expect(await authenticate(email, "a new passphrase after the attack", "10.77.8.2")).not.toBeNull();
  });

  it("expired rows are purged when a failure is recorded; live ones stay", async () => {
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);
    await prisma.loginThrottle.createMany({
      data: [
        {
          key: "account:expired-1@throttle.test",
          failures: 3,
          windowStart: new Date(Date.now() - 3_600_000),
          expiresAt: past,
        },
        {
          key: "address:10.77.9.1",
          failures: 5,
          windowStart: new Date(Date.now() - 90_000_000),
          lockedUntil: new Date(Date.now() - 86_500_000),
          lockouts: 1,
          expiresAt: past,
        },
        {
          key: "account:live@throttle.test",
          failures: 5,
          windowStart: new Date(),
          lockedUntil: future,
          lockouts: 1,
          expiresAt: future,
        },
      ],
    });
    await authenticate("someone-new@throttle.test", "guess", "10.77.9.2");
    expect(await row("account:expired-1@throttle.test")).toBeNull();
    expect(await row("address:10.77.9.1")).toBeNull();
    expect(await row("account:live@throttle.test")).not.toBeNull();
    expect(await row("account:someone-new@throttle.test")).not.toBeNull();
    expect(await purgeExpiredThrottles()).toBe(0);
  });
});
