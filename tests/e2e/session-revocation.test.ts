// A session ended on the server (signing out, a disabled account, a new password, a new role) is over for
// next-auth's own endpoint too: /api/auth/session answers an ended session's old cookie as it answers no
// cookie at all, without the person's name or email, over real HTTP.
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { hashPassword } from "@/lib/auth/passwords";
import { baseUrl, url } from "../support/browser";
import { CookieJar, httpRequest, signInFrom, signOutFrom } from "../support/http-client";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
// An address of this file only, so its sign-ins share no throttle with other files.
const FROM = "127.0.0.51";
const emails: string[] = [];

afterAll(async () => {
  await prisma.user.deleteMany({ where: { email: { in: emails } } });
  await prisma.loginThrottle.deleteMany({
    where: { key: { in: [`address:${FROM}`, ...emails.map((e) => `account:${e}`)] } },
  });
  await prisma.$disconnect();
});

async function sessionWith(cookie: string) {
  const res = await httpRequest(url("/api/auth/session"), { from: FROM, headers: { cookie } });
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as { user?: { name?: string; email?: string } };
}

const endings: [string, (email: string, jar: CookieJar) => Promise<unknown>][] = [
  ["signing out", (_email, jar) => signOutFrom(baseUrl(), FROM, jar)],
  ["disabling the account", (email) => prisma.user.update({ where: { email }, data: { disabledAt: new Date() } })],
  // What setPasswordWithToken and updateUserAccess do to the account's sessions.
  [
    "a new password",
    async (email) =>
      prisma.user.update({
        where: { email },
        data: { passwordHash: await hashPassword("a brand new passphrase"), sessionVersion: { increment: 1 } },
      }),
  ],
  [
    "a new role",
    (email) => prisma.user.update({ where: { email }, data: { role: "ADMIN", sessionVersion: { increment: 1 } } }),
  ],
];

describe("/api/auth/session after the session ended on the server", () => {
  it.each(endings)("after %s, the old cookie gets an empty session", async (ending, end) => {
    const email = `revoked-${ending.replace(/\W+/g, "-")}-${Date.now()}@session-revocation.test`;
    emails.push(email);
    await prisma.user.create({
      data: {
        email,
        name: "Person whose session ends",
        role: "STAFF",
        staffRole: "MANAGER",
        passwordHash: await hashPassword("session passphrase"),
      },
    });
    const signedIn = await signInFrom(baseUrl(), FROM, email, "session passphrase");
    expect(signedIn.session, signedIn.url).not.toBeNull();
    const jar = new CookieJar().keep(signedIn.setCookies);
    const oldCookie = signedIn.session!;
    expect((await sessionWith(oldCookie)).user?.email).toBe(email);

    await end(email, jar);
    const after = await sessionWith(oldCookie);
    expect(after, JSON.stringify(after)).toEqual({});
    expect(await sessionWith("")).toEqual({});
  });
});
