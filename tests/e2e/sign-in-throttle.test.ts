// Sign-in throttling over real HTTP, from several loopback addresses: an attacker who knows an owner's email
// and keeps failing, from one address and from many, is refused, yet cannot keep the owner out of the browser
// the owner signed in with before (its device cookie). Every client the server has not seen sign in to the
// account, and a forged device cookie, is still refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { hashPassword } from "@/lib/auth/passwords";
import { baseUrl } from "../support/browser";
import { CookieJar, signInFrom, signOutFrom } from "../support/http-client";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
// Addresses of this file only: every other test signs in from 127.0.0.1, which must never get locked here.
const ATTACKER = "127.0.0.41";
const OWNER = "127.0.0.42";
const OTHER_ATTACKERS = ["127.0.0.43", "127.0.0.44", "127.0.0.45", "127.0.0.46"];
const NEW_CLIENT = "127.0.0.47";
const FORGER = "127.0.0.48";
const ADDRESSES = [ATTACKER, OWNER, ...OTHER_ATTACKERS, NEW_CLIENT, FORGER];
const email = `owner-${Date.now()}@sign-in-throttle.test`;
const password = "the owner's own passphrase";

beforeAll(async () => {
  await prisma.user.create({
    data: {
      email,
      name: "Owner of a targeted account",
      role: "STAFF",
      staffRole: "MANAGER",
      passwordHash: await hashPassword(password),
    },
  });
});

afterAll(async () => {
  await prisma.loginThrottle.deleteMany({
    where: {
      OR: [
        { key: `account:${email}` },
        { key: { in: ADDRESSES.map((a) => `address:${a}`) } },
        { key: { startsWith: "device:" } },
      ],
    },
  });
  await prisma.user.deleteMany({ where: { email } });
  await prisma.$disconnect();
});

describe("an attacker who keeps failing cannot lock the owner out", () => {
  const owner = new CookieJar();

  it("the owner signs in once on their browser, which keeps a device cookie after signing out", async () => {
    const first = await signInFrom(baseUrl(), OWNER, email, password);
    expect(first.session, `the owner was refused: ${first.url}`).not.toBeNull();
    owner.keep(first.setCookies);
    await signOutFrom(baseUrl(), OWNER, owner);
    expect(owner.has(/next-auth\.session-token/)).toBe(false);
    expect(owner.has(/atlas-device\./), "no device cookie was set").toBe(true);
  });

  it("an attacker fails from one address, then from several: the account's untrusted clients are locked", async () => {
    const answers: string[] = [];
    for (let n = 0; n < 8; n++) answers.push((await signInFrom(baseUrl(), ATTACKER, email, `guess ${n}`)).url);
    for (const address of OTHER_ATTACKERS)
      for (let n = 0; n < 2; n++)
        answers.push((await signInFrom(baseUrl(), address, email, `guess ${address} ${n}`)).url);
    expect(answers.slice(0, 5).every((u) => /error=CredentialsSignin/.test(u))).toBe(true);
    // From the fifth failure on every answer is a refusal, whatever address it comes from.
    expect(
      answers.slice(5).every((u) => /Too many attempts/.test(u)),
      answers.join("\n"),
    ).toBe(true);
    const row = await prisma.loginThrottle.findUniqueOrThrow({ where: { key: `account:${email}` } });
    expect(row.lockedUntil?.getTime() ?? 0).toBeGreaterThan(Date.now());
  });

  it("the owner's browser signs in at once, from its own address and from the attacker's", async () => {
    for (const from of [OWNER, ATTACKER]) {
      const attempt = await signInFrom(baseUrl(), from, email, password, { cookie: owner.header() });
      expect(attempt.session, `the owner's browser was refused from ${from}: ${attempt.url}`).not.toBeNull();
      owner.keep(attempt.setCookies);
      await signOutFrom(baseUrl(), from, owner);
    }
  });

  it("a client that never signed in to the account is still refused, even with the right password", async () => {
    const stranger = await signInFrom(baseUrl(), NEW_CLIENT, email, password);
    expect(stranger.session).toBeNull();
    expect(stranger.url).toMatch(/Too many attempts/);
  });

  it("a forged or altered device cookie gives no pass", async () => {
    const [name = "", value = ""] = owner
      .header()
      .split("; ")
      .find((c) => c.includes("atlas-device."))!
      .split(/=(.*)/s);
    const altered = `${value.slice(0, -2)}${value.endsWith("AA") ? "BB" : "AA"}`;
    for (const cookie of [`${name}=${altered}`, `${name}=v1.zzzzzzzz.bm9uY2Vub25jZW5vbmNlbg.c2lnbmF0dXJl`]) {
      const attempt = await signInFrom(baseUrl(), FORGER, email, password, { cookie });
      expect(attempt.session, `a forged cookie passed: ${cookie}`).toBeNull();
      expect(attempt.url).toMatch(/Too many attempts/);
    }
  });
});
