// Sign-in throttling against the real database: locks back off, concurrent failures all count, a password
// reset lifts the account's lock, and expired rows are purged.
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/data/users";
import { purgeExpiredThrottles, recordFailures } from "@/lib/data/login-throttle";
import { setPasswordWithToken } from "@/lib/data/user-admin";
import { TooManyRequestsError } from "@/lib/errors";
import { hashPassword } from "@/lib/passwords";
import { testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();
const prisma = testPrisma();
const PASSWORD = "an owner's good passphrase";
const created: string[] = [];
let counter = 0;

afterAll(async () => {
  await prisma.loginThrottle.deleteMany({ where: { OR: [{ key: { contains: "@throttle.test" } }, { key: { startsWith: "address:10.77." } }] } });
  await prisma.user.deleteMany({ where: { email: { in: created } } });
  await prisma.$disconnect();
});

async function owner() {
  const email = `owner-${++counter}-${Date.now()}@throttle.test`;
  created.push(email);
  await prisma.user.create({ data: { email, name: "Owner", role: "STAFF", passwordHash: await hashPassword(PASSWORD) } });
  return email;
}

/** An attacker's failures for this account, each from an address of its own (10.77.100+.x). */
let attacks = 100;
async function attack(email: string, times: number) {
  const network = `10.77.${attacks++}`;
  for (let i = 0; i < times; i++) await authenticate(email, `guess ${i}`, `${network}.${i}`).catch((e: unknown) => expect(e).toBeInstanceOf(TooManyRequestsError));
}

const row = (key: string) => prisma.loginThrottle.findUnique({ where: { key } });

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
      await prisma.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(Date.now() - 1000), windowStart: new Date(Date.now() - 3 * 86_400_000) } });
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
    await prisma.userToken.create({ data: { userId: user.id, purpose: "PASSWORD_RESET", tokenHash: createHash("sha256").update(token).digest("hex"), expiresAt: new Date(Date.now() + 60_000) } });
    await setPasswordWithToken(token, "a new passphrase after the attack");
    expect(await row(`account:${email}`)).toBeNull();
    expect(await authenticate(email, "a new passphrase after the attack", "10.77.8.2")).not.toBeNull();
  });

  it("expired rows are purged when a failure is recorded; live ones stay", async () => {
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);
    await prisma.loginThrottle.createMany({
      data: [
        { key: "account:expired-1@throttle.test", failures: 3, windowStart: new Date(Date.now() - 3_600_000), expiresAt: past },
        { key: "address:10.77.9.1", failures: 5, windowStart: new Date(Date.now() - 90_000_000), lockedUntil: new Date(Date.now() - 86_500_000), lockouts: 1, expiresAt: past },
        { key: "account:live@throttle.test", failures: 5, windowStart: new Date(), lockedUntil: future, lockouts: 1, expiresAt: future },
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
