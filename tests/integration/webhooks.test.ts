// Webhooks end to end against a receiver on loopback, which only the explicit test setting lets through: signed
// batches of approved public changes, a cursor that neither skips nor repeats, one delivery even when two attempts
// (or two job engines) race, failures logged and backed off, disabling with a notice, and owners only.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { loadActions } from "../support/actions";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();
const prisma = testPrisma();

type Received = { headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
let answer = { status: 200, headers: {} as Record<string, string> };
let receiver: http.Server;
let receiverUrl = "";

/** The app's webhook modules, loaded afresh with the test setting on or off (lib/env.ts parses once). */
async function load(allowLoopback: boolean) {
  process.env.WEBHOOKS_ALLOW_LOOPBACK = allowLoopback ? "1" : "0";
  vi.resetModules();
  return {
    manage: await import("@/lib/data/webhooks/manage"),
    deliver: await import("@/lib/data/webhooks/deliver"),
    engine: await import("@/lib/jobs/engine"),
    jobs: await import("@/lib/jobs/jobs"),
    ...(await loadActions()),
  };
}
let app: Awaited<ReturnType<typeof load>>;
let staff: Actor;
let other: Actor;
let nmuMembershipId = "";
let nmuOrganizationId = "";

/**
 * An approved change as the audit table records it (append-only: inserts only), once the changes stream hands it
 * out: only when every transaction older than its own has ended, anywhere on the server (lib/data/open/changes.ts),
 * which the other test files' transactions may delay.
 */
async function approvedChange(entityId = nmuMembershipId, action = "membership.update", entityType = "Membership") {
  const event = await prisma.auditEvent.create({
    data: { action, entityType, entityId },
    select: { id: true, txId: true },
  });
  await vi.waitFor(
    async () => {
      const [row] = await prisma.$queryRaw<{ past: boolean }[]>`
        SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint > ${event.txId} AS past`;
      expect(row!.past).toBe(true);
    },
    { timeout: 30_000, interval: 100 },
  );
  return event.id;
}

function verify(secret: string, r: Received) {
  const header = String(r.headers["x-atlas-signature"]);
  const { t, v1 } = Object.fromEntries(header.split(",").map((p) => p.split("=") as [string, string]));
  const expected = createHmac("sha256", secret).update(`${t}.${r.body}`).digest("hex");
  return v1 === expected && Math.abs(Date.now() / 1000 - Number(t)) < 300;
}

async function newWebhook(actor: Actor, extra: Record<string, string> = {}) {
  const { state } = await app.runDefinition(
    app.actions.createWebhook!,
    actor,
    { url: receiverUrl, scope: "all", ...extra },
    "en",
  );
  expect(state, state.message ?? "").toMatchObject({ ok: true });
  const row = await prisma.webhook.findFirstOrThrow({ where: { ownerId: actor.id }, orderBy: { createdAt: "desc" } });
  return { id: row.id, secret: state.handOver! };
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer.status, answer.headers);
      res.end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  staff = await loadActor(prisma, "staff@njmu.test");
  other = await loadActor(prisma, "staff@cuhk.test");
  // The write database is shared: other files (the authorization matrix) may have left webhooks of these accounts.
  await prisma.webhook.deleteMany({ where: { ownerId: { in: [staff.id, other.id] } } });
  const m = await prisma.membership.findFirstOrThrow({ where: { institutionId: staff.institutionId! } });
  nmuMembershipId = m.id;
  nmuOrganizationId = m.organizationId;
});

afterAll(async () => {
  await prisma.webhook.deleteMany({ where: { ownerId: { in: [staff.id, other.id] } } });
  receiver.close();
  process.env.WEBHOOKS_ALLOW_LOOPBACK = "0";
  await prisma.$disconnect();
});

describe("registration", () => {
  it("refuses the loopback receiver without the test setting, and private addresses always", async () => {
    app = await load(false);
    const before = await prisma.webhook.count();
    for (const url of [
      receiverUrl,
      "https://127.0.0.1/hook",
      "https://localhost/hook",
      "https://10.1.2.3/hook",
      "https://169.254.169.254/latest",
      "https://[::ffff:127.0.0.1]/hook",
      "https://[fd00::1]/hook",
      "https://100.64.0.1/hook",
      "ftp://example.org/hook",
      "https://user:pass@93.184.215.14/hook",
      "https://no-such-host.invalid/hook",
    ]) {
      const { state } = await app.runDefinition(app.actions.createWebhook!, staff, { url, scope: "all" }, "en");
      expect(state.ok, url).toBe(false);
      expect(state.fieldErrors.url?.[0], url).toBeTruthy();
    }
    expect(await prisma.webhook.count()).toBe(before);
  });

  it("says why in Chinese on /zh", async () => {
    const { state } = await app.runDefinition(
      app.actions.createWebhook!,
      staff,
      { url: "https://10.1.2.3/hook", scope: "all" },
      "zh",
    );
    expect(state.fieldErrors.url?.[0]).toContain("不是公共地址");
  });

  it("with the test setting, takes the loopback receiver, keeps the secret encrypted and shows it once", async () => {
    app = await load(true);
    const { id, secret } = await newWebhook(staff);
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    const row = await prisma.webhook.findUniqueOrThrow({ where: { id } });
    expect(row.secretEncrypted).not.toContain(secret.slice(6));
    expect(row.secretEncrypted.startsWith("v1.")).toBe(true);
    expect(JSON.stringify(await app.manage.listWebhooks(staff))).not.toContain(secret);
    await prisma.webhook.delete({ where: { id } });
  });

  it("refuses chosen organizations that do not exist, and a choice of nothing", async () => {
    for (const extra of [{ scope: "chosen", organizations: "no-such-alliance" }, { scope: "chosen" }]) {
      const { state } = await app.runDefinition(
        app.actions.createWebhook!,
        staff,
        { url: receiverUrl, ...extra },
        "en",
      );
      expect(state.ok).toBe(false);
      expect(state.fieldErrors.organizations?.[0]).toBeTruthy();
    }
  });
});

describe("delivery", () => {
  it("sends the approved public changes after its cursor, signed, once; nothing private", async () => {
    received.length = 0;
    const { id, secret } = await newWebhook(staff);
    const first = await approvedChange();
    await approvedChange(staff.id, "user.access", "User");
    const second = await approvedChange();
    const outcome = await app.deliver.deliverWebhook(id);
    expect(outcome).toMatchObject({ kind: "delivered", count: 2 });
    expect(received).toHaveLength(1);
    const body = JSON.parse(received[0]!.body);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([String(first), String(second)]);
    // The items of /api/v1/changes, with the position to resume from.
    expect(body.items[0]).toMatchObject({
      event: "membership.update",
      record: { type: "membership", id: nmuMembershipId },
    });
    expect(body.cursor).toEqual(body.items[1].position);
    expect(received[0]!.headers["x-atlas-delivery"]).toBe(body.delivery);
    expect(received[0]!.headers["content-type"]).toBe("application/json");
    expect(verify(secret, received[0]!)).toBe(true);
    expect(verify("whsec_wrong", received[0]!)).toBe(false);
    // Caught up: nothing is sent again.
    expect(await app.deliver.deliverWebhook(id)).toMatchObject({ kind: "nothing" });
    expect(received).toHaveLength(1);
    const log = (await app.manage.listWebhooks(staff)).find((w) => w.id === id)!.deliveries;
    expect(log[0]).toMatchObject({ ok: true, statusCode: 200, eventCount: 2, error: null });
    await prisma.webhook.delete({ where: { id } });
  });

  it("two attempts at once deliver a batch once", async () => {
    received.length = 0;
    const { id } = await newWebhook(staff);
    await approvedChange();
    const outcomes = await Promise.all([app.deliver.deliverWebhook(id), app.deliver.deliverWebhook(id)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["delivered", "skipped"]);
    expect(received).toHaveLength(1);
    await prisma.webhook.delete({ where: { id } });
  });

  it("two job engines sharing the queue deliver each change once", async () => {
    received.length = 0;
    const { id } = await newWebhook(staff);
    const url = process.env.DATABASE_URL!;
    const engines = await Promise.all(
      [0, 1].map(() => app.engine.startJobEngine(url, app.jobs.JOB_DEFINITIONS, { pollingIntervalSeconds: 0.5 })),
    );
    try {
      const ids = [await approvedChange(), await approvedChange()];
      // Both instances queue the webhook again and again, as their sweeps would.
      for (let i = 0; i < 6; i++)
        await engines[i % 2]!.send(app.jobs.WEBHOOK_DELIVERY, { webhookId: id }, { singletonKey: id });
      await vi.waitFor(
        async () => {
          const row = await prisma.webhook.findUniqueOrThrow({ where: { id } });
          expect(row.cursor).toBe(ids[1]);
        },
        { timeout: 20_000, interval: 200 },
      );
      ids.push(await approvedChange());
      await engines[1]!.send(app.jobs.WEBHOOK_DELIVERY, { webhookId: id }, { singletonKey: id });
      await vi.waitFor(
        async () => expect((await prisma.webhook.findUniqueOrThrow({ where: { id } })).cursor).toBe(ids[2]),
        { timeout: 20_000, interval: 200 },
      );
      const sent = received.flatMap((r) => JSON.parse(r.body).items.map((i: { id: string }) => i.id));
      expect(sent).toEqual(ids.map(String));
    } finally {
      await Promise.all(engines.map((e) => e.stop()));
    }
    await prisma.webhook.delete({ where: { id } });
  }, 60_000);

  it("only the chosen records' changes, and the cursor moves past the rest", async () => {
    received.length = 0;
    const organization = await prisma.organization.findUniqueOrThrow({ where: { id: nmuOrganizationId } });
    const { id } = await newWebhook(staff, { scope: "chosen", organizations: organization.slug });
    const otherOrg = await prisma.organization.findFirstOrThrow({ where: { id: { not: nmuOrganizationId } } });
    const skipped = await approvedChange(otherOrg.id, "organization.update", "Organization");
    expect(await app.deliver.deliverWebhook(id)).toMatchObject({ kind: "nothing" });
    expect((await prisma.webhook.findUniqueOrThrow({ where: { id } })).cursor).toBe(skipped);
    const wanted = await approvedChange();
    expect(await app.deliver.deliverWebhook(id)).toMatchObject({ kind: "delivered", count: 1 });
    expect(JSON.parse(received[0]!.body).items.map((i: { id: string }) => i.id)).toEqual([String(wanted)]);
    await prisma.webhook.delete({ where: { id } });
  });

  it("a failure is logged, keeps the cursor and waits; a redirect is a failure and is not followed", async () => {
    received.length = 0;
    const { id } = await newWebhook(staff);
    const before = (await prisma.webhook.findUniqueOrThrow({ where: { id } })).cursor;
    await approvedChange();
    answer = { status: 302, headers: { location: `${receiverUrl}/elsewhere` } };
    const outcome = await app.deliver.deliverWebhook(id);
    expect(outcome).toMatchObject({ kind: "failed", disabled: false });
    expect(received).toHaveLength(1);
    const row = await prisma.webhook.findUniqueOrThrow({ where: { id } });
    expect(row.cursor).toBe(before);
    expect(row.consecutiveFailures).toBe(1);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Waiting out its backoff: not attempted again yet.
    expect(await app.deliver.deliverWebhook(id)).toEqual({ kind: "skipped" });
    const [log] = (await app.manage.listWebhooks(staff)).find((w) => w.id === id)!.deliveries;
    expect(log).toMatchObject({ ok: false, statusCode: 302, error: expect.stringMatching(/Redirects/) });
    // Once the receiver answers again, the same changes go out.
    answer = { status: 204, headers: {} };
    await prisma.webhook.update({ where: { id }, data: { nextAttemptAt: new Date() } });
    expect(await app.deliver.deliverWebhook(id)).toMatchObject({ kind: "delivered", count: 1 });
    expect(received[1]!.body).toContain(JSON.parse(received[0]!.body).items[0].id);
    answer = { status: 200, headers: {} };
    await prisma.webhook.delete({ where: { id } });
  });

  it("after 20 failures in a row it is disabled and its owner is mailed", async () => {
    const { id } = await newWebhook(staff);
    await approvedChange();
    answer = { status: 500, headers: {} };
    await prisma.webhook.update({ where: { id }, data: { consecutiveFailures: 19, failingSince: new Date() } });
    const outcome = await app.deliver.deliverWebhook(id);
    answer = { status: 200, headers: {} };
    expect(outcome).toMatchObject({ kind: "failed", disabled: true });
    const row = await prisma.webhook.findUniqueOrThrow({ where: { id } });
    expect(row.enabled).toBe(false);
    expect(row.disabledReason).toMatch(/20 failed attempts/);
    const mail = await prisma.outboxMail.findFirstOrThrow({
      where: { to: staff.email },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.subject).toMatch(/webhook was disabled/);
    expect(mail.text).toContain(receiverUrl);
    expect(await app.deliver.deliverWebhook(id)).toEqual({ kind: "skipped" });
    // Enabled again: it starts afresh.
    const { state } = await app.runDefinition(
      app.actions.setWebhookEnabled!,
      staff,
      { webhookId: id, enabled: "on" },
      "en",
    );
    expect(state.ok).toBe(true);
    expect(await prisma.webhook.findUniqueOrThrow({ where: { id } })).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      disabledReason: null,
    });
    expect(await app.deliver.deliverWebhook(id)).toMatchObject({ kind: "delivered" });
    await prisma.webhook.delete({ where: { id } });
  });

  it("a rotated secret signs the next delivery; the old one no longer verifies", async () => {
    received.length = 0;
    const { id, secret: old } = await newWebhook(staff);
    const { state } = await app.runDefinition(app.actions.rotateWebhookSecret!, staff, { webhookId: id }, "en");
    expect(state.ok).toBe(true);
    await approvedChange();
    await app.deliver.deliverWebhook(id);
    expect(verify(state.handOver!, received[0]!)).toBe(true);
    expect(verify(old, received[0]!)).toBe(false);
    await prisma.webhook.delete({ where: { id } });
  });
});

describe("the sweep", () => {
  it("queues a webhook only when a public change waits for it, it is enabled and its backoff is over", async () => {
    const { id } = await newWebhook(staff);
    const due = () => app.deliver.listDueWebhookIds().then((ids) => ids.includes(id));
    expect(await due()).toBe(false);
    // An account's audit event is no change the webhook receives: nothing to queue it for, minute after minute.
    await approvedChange(staff.id, "user.access", "User");
    expect(await due()).toBe(false);
    await approvedChange();
    expect(await due()).toBe(true);
    await prisma.webhook.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() + 60_000) } });
    expect(await due()).toBe(false);
    await prisma.webhook.update({ where: { id }, data: { nextAttemptAt: new Date(), enabled: false } });
    expect(await due()).toBe(false);
    await prisma.webhook.delete({ where: { id } });
  });
});

describe("owners only", () => {
  it("another account can neither rotate, disable, enable nor delete a webhook, nor see it", async () => {
    const { id } = await newWebhook(staff);
    const before = await prisma.webhook.findUniqueOrThrow({ where: { id } });
    for (const [name, input] of [
      ["rotateWebhookSecret", { webhookId: id }],
      ["setWebhookEnabled", { webhookId: id, enabled: "off" }],
      ["deleteWebhook", { webhookId: id }],
    ] as const) {
      for (const actor of [other, null]) {
        const { state } = await app.runDefinition(app.actions[name]!, actor, input, "en");
        expect(state.ok, `${name} by ${actor?.email ?? "anonymous"}`).toBe(false);
      }
    }
    expect(await prisma.webhook.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await app.manage.listWebhooks(other)).toEqual([]);
    await prisma.webhook.delete({ where: { id } });
  });

  it("a sign-up still waiting for approval cannot register one", async () => {
    const pending = await prisma.user.create({
      data: {
        email: `pending-webhook-${Date.now()}@example.org`,
        name: "Pending",
        role: "STAFF",
        staffRole: null,
        institutionId: staff.institutionId,
      },
    });
    const actor = await loadActor(prisma, pending.email);
    const { state } = await app.runDefinition(
      app.actions.createWebhook!,
      actor,
      { url: receiverUrl, scope: "all" },
      "en",
    );
    expect(state.ok).toBe(false);
    expect(await prisma.webhook.count({ where: { ownerId: pending.id } })).toBe(0);
  });
});
