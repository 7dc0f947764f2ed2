// What the portal's server (scripts/serve.mjs) believes of a request, over real HTTP: the client's address is
// the socket's (a forged X-Forwarded-For neither buys a fresh sign-in bucket nor locks someone else out), and
// bytes that cannot be decoded, or bodies too large to read, get a 4xx that says why instead of a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { hashPassword } from "@/lib/auth/passwords";
import { baseUrl, url } from "../support/browser";
import { httpRequest, signInFrom } from "../support/http-client";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
// Addresses of this file only (the other tests sign in from 127.0.0.1, which must never get locked here).
const ATTACKER = "127.0.0.33";
const VICTIM = "127.0.0.34";
const victimEmail = `victim-${Date.now()}@request-front.test`;

beforeAll(async () => {
  await prisma.user.create({
    data: {
      email: victimEmail,
      name: "Victim of a forged address",
      role: "STAFF",
      staffRole: "MANAGER",
      passwordHash: await hashPassword("victim-password-123"),
    },
  });
});

afterAll(async () => {
  await prisma.loginThrottle.deleteMany({
    where: {
      OR: [
        { key: { contains: "127.0.0.3" } },
        { key: { contains: "request-front.test" } },
        { key: { startsWith: "address:10.66." } },
      ],
    },
  });
  await prisma.user.deleteMany({ where: { email: victimEmail } });
  await prisma.$disconnect();
});

describe("the client's address comes from the socket", () => {
  it("rotating X-Forwarded-For does not give a fresh sign-in bucket", async () => {
    let locked = -1;
    // Each failure names a new address and a new (unknown) account: only the socket's address can add up.
    for (let n = 0; n < 60 && locked < 0; n++) {
      const attempt = await signInFrom(
        baseUrl(),
        ATTACKER,
        `nobody-${n}-${Date.now()}@request-front.test`,
        "wrong-password",
        { "x-forwarded-for": `10.66.${n}.1` },
      );
      expect(attempt.session).toBeNull();
      if (/Too many attempts/.test(attempt.url)) locked = n;
    }
    expect(locked, "the attacker's socket address was never locked").toBeGreaterThan(0);
    const row = await prisma.loginThrottle.findUnique({ where: { key: `address:${ATTACKER}` } });
    expect(row?.lockedUntil?.getTime() ?? 0).toBeGreaterThan(Date.now());
    expect(await prisma.loginThrottle.count({ where: { key: { startsWith: "address:10.66." } } })).toBe(0);
  });

  it("sending someone else's address in X-Forwarded-For does not lock them out", async () => {
    for (let n = 0; n < 12; n++) {
      await signInFrom(baseUrl(), ATTACKER, `nobody-else-${n}@request-front.test`, "wrong-password", {
        "x-forwarded-for": VICTIM,
      });
    }
    expect(await prisma.loginThrottle.findUnique({ where: { key: `address:${VICTIM}` } })).toBeNull();
    const victim = await signInFrom(baseUrl(), VICTIM, victimEmail, "victim-password-123");
    expect(victim.session, `the victim was refused: ${victim.url}`).not.toBeNull();
  });
});

describe("bytes the portal cannot use get a 4xx that says why", () => {
  it.each([
    ["/api/v1/organizations?q=%00", /q contains a control character/],
    ["/api/v1/institutions?q=%00", /q contains a control character/],
    ["/api/v1/organizations?q=a%01b", /q contains a control character/],
    [
      `/api/v1/organizations?cursor=` +
        `${Buffer.from(JSON.stringify({ v: 1, k: ["a\u0000", "b"] })).toString("base64url")}`,
      /cursor is not one this API issued/,
    ],
  ])("GET %s → 400 with a JSON error", async (pathname, message) => {
    const res = await fetch(url(pathname));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toMatch(message);
  });

  it.each([
    "/api/v1/organizations/%c0%af",
    "/api/v1/institutions/%E0%A4%A",
    "/embed/institutions/%E0%A4%A",
    "/api/v1/export/organizations/%c0%af.csv",
  ])("GET %s (undecodable) → 400", async (pathname) => {
    const res = await httpRequest(url(pathname));
    expect(res.status).toBe(400);
    expect(res.body).toMatch(/malformed/);
  });

  it.each([1.5, 5, 10])("a %s MB server-action body → 413 before anything reads it", async (megabytes) => {
    const body = Buffer.alloc(Math.round(megabytes * 1024 * 1024), "x");
    const res = await httpRequest(url("/en/login/reset"), {
      method: "POST",
      body,
      headers: {
        "next-action": "0".repeat(40),
        origin: new URL(baseUrl()).origin,
        "content-type": "text/plain;charset=UTF-8",
      },
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatch(/too large.*Nothing was changed/);
  });

  it("a body of unknown length (chunked) → 411", async () => {
    // Node's fetch needs `duplex` for a streamed body; the DOM's RequestInit does not know it.
    const init: RequestInit & { duplex: "half" } = {
      method: "POST",
      duplex: "half",
      headers: {
        "next-action": "0".repeat(40),
        origin: new URL(baseUrl()).origin,
        "content-type": "text/plain;charset=UTF-8",
      },
      body: new ReadableStream({
        start: (c) => {
          c.enqueue(new TextEncoder().encode("x".repeat(10)));
          c.close();
        },
      }),
    };
    const res = await fetch(url("/en/login/reset"), init);
    expect(res.status).toBe(411);
    expect(await res.text()).toMatch(/Content-Length/);
  });
});
