// Junk over HTTP against the real server (fixed seed): search parameters and ids on the public pages, posts
// to server actions (real action ids captured from the browser, and forged ones) and to next-auth's
// credentials sign-in. Whatever comes in, the answer is never a 5xx, and refused posts change nothing.
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { browserSession, url } from "../support/browser";
import { junk } from "../support/fuzz";

const SEED = 20261124;
const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const tabs = browserSession({ tabs: 1 });
let throttleBefore: Awaited<ReturnType<typeof prisma.loginThrottle.findMany>> = [];
const figures = { get: 0, action: 0, signIn: 0 };

beforeAll(async () => {
  throttleBefore = await prisma.loginThrottle.findMany();
});

afterAll(async () => {
  // The sign-in fuzz fails on purpose and locks out this client address: put the throttle back as it was,
  // so later tests can sign in.
  await prisma.loginThrottle.deleteMany({ where: { key: { notIn: throttleBefore.map((r) => r.key) } } });
  // Upsert: a row that expired meanwhile was purged by the next failure.
  for (const row of throttleBefore)
    await prisma.loginThrottle.upsert({ where: { key: row.key }, create: row, update: row });
  await prisma.$disconnect();
  await tabs.close();
  console.log(`http fuzz: ${figures.get} GETs, ${figures.action} server-action posts, ${figures.signIn} sign-in posts`);
});

/** Junk as it can travel in a URL or a form field: always a string. */
const text = junk.map((v) =>
  Buffer.from((typeof v === "string" ? v : (JSON.stringify(v) ?? "")).slice(0, 3000)).toString(),
);
const sample = <T>(arb: fc.Arbitrary<T>, n: number, seed: number) => fc.sample(arb, { numRuns: n, seed });

/** Every 5xx of a test, so one run reports them all. */
let serverErrors: string[] = [];
async function expectNo5xx(res: Response, label: string) {
  await res.arrayBuffer();
  if (res.status >= 500) serverErrors.push(`${res.status} for ${label}`);
}
beforeEach(() => {
  serverErrors = [];
});
afterEach(() => {
  expect(serverErrors).toEqual([]);
});

describe("junk over HTTP", () => {
  test("GET: junk search parameters and ids on the public pages never give a 5xx", async () => {
    const params = fc.dictionary(fc.constantFrom("q", "kind", "field", "country", "year", "sort", "page", "x"), text, {
      minKeys: 1,
      maxKeys: 4,
    });
    const listings = sample(
      fc.tuple(
        fc.constantFrom("/en/organizations", "/zh/organizations", "/en/institutions", "/zh/institutions"),
        params,
      ),
      45,
      SEED,
    );
    const ids = sample(
      fc.tuple(
        fc.constantFrom(
          "/en/organizations/",
          "/zh/institutions/",
          "/en/account/requests/",
          "/en/account/memberships/",
          "/en/password/",
        ),
        text,
      ),
      25,
      SEED + 1,
    );
    const requests = [
      ...listings.map(([path, p]) => `${path}?${new URLSearchParams(p).toString()}`),
      ...ids.map(([path, id]) => path + encodeURIComponent(id.slice(0, 500))),
      "/en/organizations?page=99999999999999999999",
      "/en/organizations?q=%00",
      "/en/institutions?country=%00",
      "/en/organizations?kind=__proto__",
    ];
    for (const path of requests) {
      await expectNo5xx(await fetch(url(path), { redirect: "manual" }), `GET ${path.slice(0, 200)}`);
      figures.get += 1;
    }
  }, 240_000);

  test(`POST to server actions: junk fields, forged action ids and broken bodies \
never give a 5xx and change nothing`, async () => {
    // A real submission of the password-reset form, as the browser sends it: its action id and headers.
    const captured = await tabs.use(async (page) => {
      await page.goto(url("/en/login/reset"));
      const request = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
      await page.getByLabel("Email").fill("nobody-fuzz@example.org");
      await page.getByRole("button", { name: /send/i }).click();
      const r = await request;
      return { actionId: r.headers()["next-action"]!, routerState: r.headers()["next-router-state-tree"] ?? "" };
    });
    const origin = new URL(url("/")).origin;
    const before = await Promise.all([prisma.userToken.count(), prisma.outboxMail.count(), prisma.user.count()]);

    const forms = sample(
      fc.array(
        fc.tuple(
          fc.constantFrom(
            "email",
            "0",
            "1_email",
            "locale",
            "1_$ACTION_ID_x",
            "$ACTION_REF_1",
            "token",
            "password",
            "__proto__",
          ),
          text,
        ),
        { maxLength: 4 },
      ),
      50,
      SEED + 2,
    );
    const actionIds = sample(
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(captured.actionId) },
        { weight: 1, arbitrary: fc.oneof(fc.stringMatching(/^[0-9a-f]{40,42}$/), text) },
      ),
      50,
      SEED + 3,
    );
    for (let i = 0; i < forms.length; i++) {
      const form = new FormData();
      // The action's arguments: React encodes (prevState, formData); "1_" prefixes the form's fields.
      form.append("0", '["$K1"]');
      for (const [k, v] of forms[i]!) form.append(k.startsWith("$") || /^\d/.test(k) ? k : `1_${k}`, v);
      const id = actionIds[i]!.replace(/[^\x20-\x7e]/g, "").slice(0, 200) || "x";
      const res = await fetch(url("/en/login/reset"), {
        method: "POST",
        headers: { "next-action": id, origin, accept: "text/x-component" },
        body: form,
        redirect: "manual",
      });
      await expectNo5xx(res, `action ${id.slice(0, 50)} with ${JSON.stringify(forms[i]).slice(0, 300)}`);
      figures.action += 1;
    }
    // Bodies that are not what Next expects at all.
    const broken: [string, BodyInit][] = [
      ["text/plain;charset=UTF-8", '["$K1"'],
      ["text/plain;charset=UTF-8", "\u0000".repeat(1000)],
      ["application/json", '{"__proto__":{"x":1}}'],
      ["multipart/form-data; boundary=nope", '--nope\r\nContent-Disposition: form-data; name="0"\r\n\r\n'],
      ["application/x-www-form-urlencoded", "0=%00&1_email=x"],
      // biome-ignore lint/suspicious/noThenProperty: a forged React payload whose "then" is the attack
      ["text/plain;charset=UTF-8", JSON.stringify(["$@1", { then: "$1:__proto__:then" }])],
      ["text/plain;charset=UTF-8", "x".repeat(600_000)],
    ];
    for (const [type, body] of broken) {
      const res = await fetch(url("/en/login/reset"), {
        method: "POST",
        headers: { "next-action": captured.actionId, origin, "content-type": type, accept: "text/x-component" },
        body,
        redirect: "manual",
      });
      await expectNo5xx(res, `broken ${type} body`);
      figures.action += 1;
    }
    // Nothing a junk submission sent could create a token, a mail or an account.
    expect(await Promise.all([prisma.userToken.count(), prisma.outboxMail.count(), prisma.user.count()])).toEqual(
      before,
    );
  }, 240_000);

  test("POST to next-auth's credentials sign-in: junk never gives a 5xx or a session", async () => {
    const csrf = await fetch(url("/api/auth/csrf"));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const origin = new URL(url("/")).origin;
    const attempts = sample(fc.record({ email: text, password: text, withCsrf: fc.boolean() }), 20, SEED + 4);
    for (const { email, password, withCsrf } of attempts) {
      const body = new URLSearchParams({ email, password, json: "true", ...(withCsrf ? { csrfToken } : {}) });
      const res = await fetch(url("/api/auth/callback/credentials"), {
        method: "POST",
        headers: { origin, cookie, "content-type": "application/x-www-form-urlencoded" },
        body,
        redirect: "manual",
      });
      expect(
        res.headers.getSetCookie().some((c) => /session-token=[^;]/.test(c)),
        `signed in with ${email.slice(0, 80)}`,
      ).toBe(false);
      const answer = await res.text();
      if (res.status >= 500)
        serverErrors.push(`${res.status} for sign-in with ${JSON.stringify({ email, password }).slice(0, 200)}`);
      // A refusal says nothing about the server's insides.
      expect(decodeURIComponent(answer), `sign-in with ${JSON.stringify({ email }).slice(0, 200)}`).not.toMatch(
        /prisma|database error|invocation|byte sequence/i,
      );
      figures.signIn += 1;
    }
    expect(figures.get + figures.action + figures.signIn).toBeGreaterThanOrEqual(150);
  }, 240_000);
});
