// Two instances of the portal on one PostgreSQL, sharing Next's cache in Redis, behind a small proxy
// (scripts/proxy.mjs; the header x-atlas-instance picks the instance). An approval made through instance
// 0 is on the public page through instance 1 within a second; sign-in throttling counts failures on both,
// and a device cookie from one passes the lock on the other; a session started on one works on the other.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startProxy } from "../../scripts/proxy.mjs";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { hashPassword } from "@/lib/auth/passwords";
import { proposeMembershipUpdate } from "@/lib/data/change-requests/propose";
import { membershipValuesSchema } from "@/lib/validation/memberships";
import { launchBrowser, newContext } from "../support/browser";
import { useWriteDatabase } from "../support/db";
import { connectRedis, deleteKeys, freePort, signInHttp, startInstance, type Instance } from "../support/instances";
import { signInFrom } from "../support/http-client";
import { DATA_TYPES, expectData, expectPage } from "../support/negotiation";
import { encryptWebhookSecret } from "@/lib/webhooks/secret";

useWriteDatabase();
const databaseUrl = process.env.DATABASE_URL!;
const prisma = createPrismaClient(databaseUrl, 2);
const prefix = `atlas-test:${process.pid}-${Date.now().toString(36)}:`;
const INSTITUTION = "nanjing-medical-university";
const ORG = "belt-and-road-international-medical-education-alliance";
let redis: Redis;
let instances: Instance[] = [];
let proxy: Awaited<ReturnType<typeof startProxy>>;
let browser: Browser | undefined;
/** Pins a request to instance i (scripts/proxy.mjs reads this header). */
const on = (i: number) => ({ "x-atlas-instance": String(i) });
/**
 * A client of its own: the proxy appends the address it sees on its socket, and the instances (TRUST_PROXY=1)
 * take that one, so a test that needs several clients connects from several loopback addresses.
 */
const client = (n: number) => `127.0.0.${60 + n}`;

beforeAll(async () => {
  const connected = await connectRedis();
  redis = connected.client;
  const ports = [await freePort(), await freePort()];
  proxy = await startProxy({ upstreams: ports.map((p) => `http://127.0.0.1:${p}`) });
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: connected.url,
    CACHE_PREFIX: prefix,
    TRUST_PROXY: "1",
    SITE_URL: proxy.url,
    NEXTAUTH_URL: proxy.url,
    // The webhook test's receiver listens on loopback: the explicit test setting lets it through.
    WEBHOOKS_ALLOW_LOOPBACK: "1",
  };
  instances = await Promise.all(ports.map((p) => startInstance(p, env)));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(instances.map((i) => i.stop()));
  await proxy?.close();
  if (redis) {
    await deleteKeys(redis, prefix);
    redis.disconnect();
  }
  await prisma.loginThrottle.deleteMany({
    where: { OR: [{ key: { startsWith: "address:127.0.0.6" } }, { key: { startsWith: "address:127.0.0.7" } }] },
  });
  await prisma.$disconnect();
});

describe("two instances behind a proxy, one database, one Redis cache", () => {
  it(`the proxy spreads requests over both instances, and a page rendered by one \
is served from the shared cache by the other`, async () => {
    const path = `/en/institutions/${INSTITUTION}`;
    const first = await fetch(`${proxy.url}${path}`, { headers: on(0) });
    expect(first.status).toBe(200);
    const second = await fetch(`${proxy.url}${path}`, { headers: on(1) });
    expect(second.status).toBe(200);
    expect(second.headers.get("x-atlas-served-by")).toBe("1");
    expect(second.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(await redis.exists(...(await redis.keys(`${prefix}entry:*`)).slice(0, 1))).toBe(1);
    for (let i = 0; i < 4; i++) await fetch(`${proxy.url}/api/health`);
    expect(proxy.served.every((n) => n >= 3)).toBe(true);
  });

  it(`addresses no record has leave nothing in the shared cache: a stream of them cannot push real pages out of \
Redis, and one asked again is still answered from the instance's own memory`, async () => {
    const entries = async () => (await redis.keys(`${prefix}entry:*`)).length;
    // Warm both instances' routes first: a first render of a route stores what every page of it shares.
    for (const i of [0, 1]) await fetch(`${proxy.url}/en/institutions/no-such-warm-${i}`, { headers: on(i) });
    const before = await entries();
    const missing = Array.from(
      { length: 12 },
      (_, n) => `/en/${n % 2 ? "organizations" : "institutions"}/no-such-${n}`,
    );
    for (const [n, path] of missing.entries()) {
      const response = await fetch(`${proxy.url}${path}`, { headers: on(n % 2) });
      expect(response.status).toBe(404);
      await response.arrayBuffer();
    }
    expect(await entries()).toBe(before);
    const again = await fetch(`${proxy.url}${missing[0]}`, { headers: on(0) });
    expect(again.status).toBe(404);
    expect(again.headers.get("x-nextjs-cache")).toBe("HIT");
  });

  it("an approval made through instance 0 is visible on the public page through instance 1 within 1 s", async () => {
    const marker = `Checked across instances ${Date.now()}`;
    const staff = await prisma.user.findUniqueOrThrow({
      where: { email: "staff@njmu.test" },
      select: { id: true, email: true, name: true, role: true, institutionId: true, staffRole: true },
    });
    const membership = await prisma.membership.findFirstOrThrow({
      where: { institution: { slug: INSTITUTION }, organization: { slug: ORG } },
    });
    const values = membershipValuesSchema.parse({
      role: membership.role,
      status: membership.status,
      joined: "",
      ended: "",
      notes: marker,
      sourceUrl: "https://example.org/multi",
      sourceTitle: "Multi-instance check",
      // The entry's joined date is cleared here, a changed fact: it quotes the passage it rests on.
      sourceQuote: marker,
    });
    // Earlier tests may have left a request on this entry in the shared write database.
    await prisma.changeRequest.updateMany({
      where: { membershipId: membership.id, status: "PENDING" },
      data: { status: "WITHDRAWN" },
    });
    const request = await proposeMembershipUpdate(staff, {
      membershipId: membership.id,
      baseVersion: membership.version,
      reason: null,
      values,
    });

    // Instance 1 holds the page in the shared cache, without the change. Both instances have rendered an
    // institution page once (module loading of a cold process is not what this measures).
    for (const i of [0, 1])
      await fetch(`${proxy.url}/en/institutions/chinese-university-of-hong-kong?warm=${i}`, { headers: on(i) });
    const page = `${proxy.url}/en/institutions/${INSTITUTION}`;
    await fetch(page, { headers: on(0) });
    const before = await fetch(page, { headers: on(1) });
    expect(before.headers.get("x-nextjs-cache")).toMatch(/HIT|STALE/);
    expect(await before.text()).not.toContain(marker);

    // The admin signs in and approves through instance 0, in Chromium.
    const { session } = await signInHttp(proxy.url, on(0), "admin@atlas.test", "atlas-admin-demo");
    expect(session, "the admin could not sign in through instance 0").toBeTruthy();
    browser = await launchBrowser();
    const context = await newContext(browser);
    await context.setExtraHTTPHeaders(on(0));
    const [name, value] = session!.split(/=(.*)/s) as [string, string];
    await context.addCookies([{ name, value, url: proxy.url, httpOnly: true, sameSite: "Lax" }]);
    const admin = await context.newPage();
    await admin.goto(`${proxy.url}/en/account/requests/${request.id}`);
    await admin.getByRole("button", { name: "Approve and publish" }).click();
    await admin.getByText(/Decision by .*: Approved/).waitFor();
    const approvedAt = Date.now();

    // Propagation, not rendering speed, is what must be within 1 s: the first request to instance 1 sent
    // after the approval must already get the new content (however long this busy machine takes to
    // render it, which is reported).
    let issuedAt = Infinity;
    let answeredAt = Infinity;
    while (Date.now() - approvedAt < 10_000) {
      const sent = Date.now() - approvedAt;
      const res = await fetch(page, { headers: on(1) });
      expect(res.headers.get("x-atlas-served-by")).toBe("1");
      if ((await res.text()).includes(marker)) {
        issuedAt = sent;
        answeredAt = Date.now() - approvedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    console.log(
      `[multi-instance] approval through instance 0: a request to instance 1 sent ${issuedAt} ms later ` +
        `got the new content (answered after ${answeredAt} ms)`,
    );
    expect(issuedAt, "instance 1 still served the old page more than 1 s after the approval").toBeLessThanOrEqual(
      1_000,
    );
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("APPROVED");
  });

  it("a session started on one instance works on the other, and signing in is refused on both without it", async () => {
    const email = `session-${Date.now()}@atlas.test`;
    const cuhk = await prisma.institution.findUniqueOrThrow({
      where: { slug: "chinese-university-of-hong-kong" },
      select: { id: true },
    });
    await prisma.user.create({
      data: {
        email,
        name: "Session check",
        role: "STAFF",
        staffRole: "MANAGER",
        institutionId: cuhk.id,
        passwordHash: await hashPassword("session-password-123"),
      },
    });
    const { session } = await signInHttp(proxy.url, on(0), email, "session-password-123");
    expect(session).toBeTruthy();
    for (const i of [0, 1]) {
      const res = await fetch(`${proxy.url}/en/account`, {
        redirect: "manual",
        headers: { ...on(i), cookie: session! },
      });
      expect(res.status, `instance ${i}`).toBe(200);
      expect(res.headers.get("x-atlas-served-by")).toBe(String(i));
      expect(await res.text()).toContain("The Chinese University of Hong Kong");
      const anonymous = await fetch(`${proxy.url}/en/account`, { redirect: "manual", headers: on(i) });
      expect(anonymous.status).toBe(307);
      expect(anonymous.headers.get("location")).toMatch(/\/en\/login/);
    }
  });

  it("sign-in throttling counts failures made on both instances: 3 + 2 failures lock the account", async () => {
    const email = `throttle-${Date.now()}@atlas.test`;
    await prisma.user.create({
      data: {
        email,
        name: "Throttle check",
        role: "STAFF",
        staffRole: "MANAGER",
        passwordHash: await hashPassword("right-password-123"),
      },
    });
    // Each failure from its own address, so only the account's counter can add up to the limit.
    for (let n = 0; n < 5; n++) {
      const attempt = await signInFrom(proxy.url, client(n + 1), email, "wrong-password", on(n % 2));
      expect(attempt.session).toBeNull();
      expect(attempt.url).toMatch(/error=CredentialsSignin/);
    }
    for (let n = 0; n < 5; n++)
      expect(
        (await prisma.loginThrottle.findUniqueOrThrow({ where: { key: `address:${client(n + 1)}` } })).failures,
      ).toBe(1);
    const row = await prisma.loginThrottle.findUniqueOrThrow({ where: { key: `account:${email}` } });
    expect(row.failures).toBe(5);
    expect(row.lockedUntil).not.toBeNull();
    for (const i of [0, 1]) {
      const locked = await signInFrom(proxy.url, client(6 + i), email, "right-password-123", on(i));
      expect(locked.session, `instance ${i} let a locked account in`).toBeNull();
      expect(decodeURIComponent(locked.url)).toMatch(/Too many attempts/);
    }
  });

  it("a device cookie given by one instance lets its browser through the account's lock on the other", async () => {
    const email = `device-${Date.now()}@atlas.test`;
    await prisma.user.create({
      data: {
        email,
        name: "Device check",
        role: "STAFF",
        staffRole: "MANAGER",
        passwordHash: await hashPassword("right-password-123"),
      },
    });
    const first = await signInFrom(proxy.url, client(10), email, "right-password-123", on(0));
    const device = first.setCookies.find((c) => c.startsWith("atlas-device."))?.split(";")[0];
    expect(device, "instance 0 gave no device cookie").toBeTruthy();
    for (let n = 0; n < 6; n++) await signInFrom(proxy.url, client(11 + n), email, "wrong-password", on(n % 2));
    expect(
      (await prisma.loginThrottle.findUniqueOrThrow({ where: { key: `account:${email}` } })).lockedUntil,
    ).not.toBeNull();
    const owner = await signInFrom(proxy.url, client(10), email, "right-password-123", { ...on(1), cookie: device! });
    expect(owner.session, `instance 1 refused the owner's browser: ${owner.url}`).toBeTruthy();
    const stranger = await signInFrom(proxy.url, client(17), email, "right-password-123", on(1));
    expect(stranger.url).toMatch(/Too many attempts/);
  });

  it("behind a trusted proxy (TRUST_PROXY=1) its X-Forwarded-Proto is believed: https gets HSTS", async () => {
    const https = await fetch(`${instances[0]!.url}/en`, { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
    const plain = await fetch(`${instances[0]!.url}/en`);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    await Promise.all([https.arrayBuffer(), plain.arrayBuffer()]);
  });

  it("a record page asked for data on either instance: a 303; its page in the shared cache stays HTML", async () => {
    const path = "/zh/organizations/south-and-southeast-asia-medical-education-and-service-alliance";
    for (const type of DATA_TYPES) await expectData(proxy.url, path, type, type, { headers: on(0) });
    await expectPage(proxy.url, path, { headers: on(1) });
    for (const type of DATA_TYPES) await expectData(proxy.url, path, type, type, { headers: on(1) });
    // Instance 0 never rendered the page: it comes from Redis, as instance 1 stored it, and it is HTML.
    const { res } = await expectPage(proxy.url, path, { headers: on(0) });
    expect(res.headers.get("x-atlas-served-by")).toBe("0");
    expect(res.headers.get("x-nextjs-cache")).toMatch(/HIT|STALE/);
    for (const type of DATA_TYPES) await expectData(proxy.url, path, type, type, { headers: on(0) });
  });
  it(`jobs: with both instances running the job engine, a webhook receives an approved change once, \
signed, within seconds of the commit (the sweep runs once across them)`, async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.end("ok");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    try {
      const owner = await prisma.user.findUniqueOrThrow({ where: { email: "staff@njmu.test" } });
      const membership = await prisma.membership.findFirstOrThrow({ where: { institutionId: owner.institutionId! } });
      // The stream's last position (transaction, then event): the webhook starts after it.
      const last = await prisma.auditEvent.findFirst({
        orderBy: [{ txId: "desc" }, { id: "desc" }],
        select: { id: true, txId: true },
      });
      const secret = "whsec_multi-instance-test";
      const webhook = await prisma.webhook.create({
        data: {
          ownerId: owner.id,
          url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
          organizationIds: [],
          institutionIds: [],
          secretEncrypted: encryptWebhookSecret(secret),
          cursor: last?.id ?? 0n,
          cursorTx: last?.txId ?? 0n,
        },
      });
      const event = await prisma.auditEvent.create({
        data: { action: "membership.update", entityType: "Membership", entityId: membership.id },
      });
      // The commit wakes the sweep (the audit trigger's NOTIFY, lib/jobs/change-listener.ts): the delivery comes
      // within seconds, well before the minute's cron tick would have sent it.
      const deadline = Date.now() + 20_000;
      while (!received.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
      // A second delivery, had both instances sent one, would follow within moments.
      await new Promise((r) => setTimeout(r, 5_000));
      expect(received).toHaveLength(1);
      const body = JSON.parse(received[0]!.body);
      expect(body.items.map((i: { id: string }) => i.id)).toEqual([String(event.id)]);
      const [t, v1] = String(received[0]!.headers["x-atlas-signature"])
        .split(",")
        .map((p) => p.split("=")[1]);
      expect(v1).toBe(createHmac("sha256", secret).update(`${t}.${received[0]!.body}`).digest("hex"));
      expect(await prisma.webhookDelivery.count({ where: { webhookId: webhook.id } })).toBe(1);
      await prisma.webhook.delete({ where: { id: webhook.id } });
    } finally {
      receiver.close();
    }
  }, 150_000);

  it("neither instance crashed, and every invalidation reached Redis", () => {
    for (const instance of instances) {
      expect(instance.alive()).toBe(true);
      // A slow read is only a cache miss (logged as "[cache] Redis read failed"); a lost invalidation would
      // leave the other instance serving an old page, so that one must never happen.
      expect(instance.log()).not.toMatch(/could not record the invalidation/);
      // The job engine started (and met no error) in each.
      expect(instance.log()).not.toMatch(/\[jobs\]/);
    }
  });
});
