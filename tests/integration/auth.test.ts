import { afterAll, describe, expect, it } from "vitest";
import { authenticate, endSessions, loadSessionUser } from "@/lib/data/accounts/sessions";
import { TooManyRequestsError } from "@/lib/shared/errors";
import { hashPassword, passwordSchema, verifyPassword } from "@/lib/auth/passwords";
import { testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

describe("accounts", () => {
  it("hashes with argon2id at OWASP parameters and verifies", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, "correct horse battery")).toBe(true);
    expect(await verifyPassword(stored, "wrong")).toBe(false);
  });

  it("enforces the password policy", () => {
    expect(passwordSchema.safeParse("short").success).toBe(false);
    expect(passwordSchema.safeParse("password123").success).toBe(false);
    expect(passwordSchema.safeParse("x".repeat(129)).success).toBe(false);
    expect(passwordSchema.safeParse("a sensible passphrase").success).toBe(true);
  });

  it("signs in with the right password; unknown account and wrong password answer identically", async () => {
    const ok = await authenticate("Staff@NJMU.test ", "nmu-staff-demo", "10.0.0.1");
    expect(ok?.email).toBe("staff@njmu.test");
    expect(await authenticate("nobody@example.org", "whatever-password", "10.0.0.2")).toBeNull();
    expect(await authenticate("staff@njmu.test", "wrong-password", "10.0.0.3")).toBeNull();
  });

  it("throttles per account and per client address, in the database", async () => {
    for (let i = 0; i < 5; i++) expect(await authenticate("staff@cuhk.test", "bad-password", `10.1.0.${i}`)).toBeNull();
    await expect(authenticate("staff@cuhk.test", "cuhk-staff-demo", "10.1.0.99")).rejects.toBeInstanceOf(
      TooManyRequestsError,
    );
    const lock = await prisma.loginThrottle.findUniqueOrThrow({ where: { key: "account:staff@cuhk.test" } });
    expect(lock.lockedUntil!.getTime()).toBeGreaterThan(Date.now());

    for (let i = 0; i < 5; i++) await authenticate(`someone${i}@example.org`, "bad-password", "10.2.0.1");
    await expect(authenticate("admin@atlas.test", "atlas-admin-demo", "10.2.0.1")).rejects.toBeInstanceOf(
      TooManyRequestsError,
    );
    await prisma.loginThrottle.deleteMany({ where: { key: { in: ["account:staff@cuhk.test", "address:10.2.0.1"] } } });
  });

  it("ends sessions for real: after logout or disabling, the old session no longer loads", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "staff@njmu.test" } });
    expect(await loadSessionUser(user.id, user.sessionVersion)).not.toBeNull();
    await endSessions(user.id);
    expect(await loadSessionUser(user.id, user.sessionVersion)).toBeNull();
    expect(await loadSessionUser(user.id, user.sessionVersion + 1)).not.toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await loadSessionUser(user.id, user.sessionVersion + 1)).toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: null } });
  });
});

describe("demo accounts", () => {
  it("are found while they keep their published passwords, so a production start can refuse to run", async () => {
    const { demoAccountsWithPublishedPasswords } = await import("../../scripts/lib/demo-accounts.mjs");
    const demoAccountsWithDemoPasswords = () => demoAccountsWithPublishedPasswords(process.env.DATABASE_URL!);
    expect(await demoAccountsWithDemoPasswords()).toEqual(
      expect.arrayContaining(["admin@atlas.test", "staff@cuhk.test"]),
    );
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@atlas.test" } });
    await prisma.user.update({
      where: { id: admin.id },
      data: { passwordHash: await hashPassword("a private admin passphrase") },
    });
    expect(await demoAccountsWithDemoPasswords()).not.toContain("admin@atlas.test");
    await prisma.user.update({ where: { id: admin.id }, data: { passwordHash: admin.passwordHash } });
  });
});
