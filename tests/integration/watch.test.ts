// Watching organizations and institutions by email (issue 18 §2), on records of this file's own: the form's double
// opt-in, its limits and its one answer for every address, the digest built from the changes stream (sent once,
// in the watcher's language, with RFC 8058 headers), the subscriber's page and its token, and unsubscribing.
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import type { ActionContext } from "@/lib/actions/action";
import { startSmtpSink } from "../../scripts/lib/smtp-sink.mjs";
import { mailTo, waitForMail } from "../support/mailbox";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();
// The portal mails through a sink of this file's own; lib/env.ts reads SMTP_URL once, at the first import below.
const dir = path.join(
  import.meta.dirname,
  "../../test-results/mail-integration",
  `watch-${randomBytes(4).toString("hex")}`,
);
const sink = await startSmtpSink({ dir });
process.env.SMTP_URL = sink.url;

const { loadActions } = await import("../support/actions");
const { actions, runDefinition } = await loadActions();
const { sendDigest, listDueWatcherIds } = await import("@/lib/data/watches/digest");
const { getWatcherPage } = await import("@/lib/data/watches/manage");
const { approveChangeRequest } = await import("@/lib/data/change-requests/decide");
const { proposeMembershipUpdate } = await import("@/lib/data/change-requests/propose");
const { membershipValuesSchema } = await import("@/lib/validation/memberships");
const unsubscribeRoute = await import("@/app/api/watch/unsubscribe/[token]/route");
const { listPublicChanges } = await import("@/lib/data/open/changes");
const { db } = await import("@/lib/data/db");

const prisma = testPrisma();
const tag = randomBytes(4).toString("hex");
const UNIVERSITY = `watch-university-${tag}`;
const ALLIANCE = `watch-alliance-${tag}`;
let admin: Actor;
let staff: Actor;
let membershipId = "";

const context = (clientAddress: string): ActionContext => ({ clientAddress, later: (task) => task() });
let addressCounter = 0;
/** A client address of its own for each submission, so that only the limit a test is about is met. */
const fresh = () => context(`10.88.${Math.floor(addressCounter / 200)}.${addressCounter++ % 200}`);
const unique = () => randomBytes(4).toString("hex");
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

function watch(email: string, over: Record<string, string> = {}, ctx = fresh(), locale: "en" | "zh" = "en") {
  const input = { organizationSlug: ALLIANCE, email, frequency: "DAILY", website: "", ...over };
  return runDefinition(actions.watchRecord!, null, input, locale, ctx);
}

const confirmLinkIn = (text: string) => {
  const token = /\/(?:en|zh)\/watch\/confirm\/([\w-]{40,})/.exec(text)?.[1];
  if (!token) throw new Error(`No confirmation link in this mail:\n${text}`);
  return token;
};

/** Watch, confirm from the mail, and return the subscriber's page token and the watcher's id. */
async function subscribed(email: string, locale: "en" | "zh" = "en", over: Record<string, string> = {}) {
  expect((await watch(email, over, fresh(), locale)).state.ok).toBe(true);
  const mail = await waitForMail(email, { dir, subject: /Confirm|确认/ });
  const { state, result } = await runDefinition(
    actions.confirmWatch!,
    null,
    { token: confirmLinkIn(mail.text) },
    locale,
  );
  expect(state.ok, state.message ?? "").toBe(true);
  const pageToken = /\/watch\/([\w-]{40,})\?confirmed=1$/.exec(result!.redirectTo!)![1]!;
  const watcher = await prisma.watcher.findUniqueOrThrow({ where: { email } });
  return { pageToken, watcherId: watcher.id };
}

const values = (notes: string) =>
  membershipValuesSchema.parse({
    role: "MEMBER",
    status: "ACTIVE",
    joined: "2016",
    ended: "",
    notes,
    sourceUrl: "https://example.org/watch-source",
    sourceTitle: "Alliance news",
    sourceQuote: `Stated on our page (${unique()})`,
  });

/** An approved change of the watched alliance's membership (a public change in the stream). */
async function approveChange(notes: string) {
  const m = await prisma.membership.findUniqueOrThrow({ where: { id: membershipId } });
  const request = await proposeMembershipUpdate(staff, {
    membershipId,
    baseVersion: m.version,
    reason: null,
    values: values(notes),
  });
  await approveChangeRequest(admin, request.id, null);
}

/** A day after the next digest moment: due whatever the watcher's last digest was. */
const tomorrow = () => new Date(Date.now() + 26 * 3600_000);

/**
 * The digest at `now`, until it sends: the stream hands out a change once every older transaction of the server has
 * ended (lib/data/open/changes.ts), so another test's open transaction may hold it back a moment.
 */
async function digestUntilSent(watcherId: string, now: Date) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const outcome = await sendDigest(watcherId, now);
    if (outcome.kind === "sent" || Date.now() > deadline) return outcome;
    await prisma.watcher.update({ where: { id: watcherId }, data: { digestedAt: new Date(0) } });
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  const source = await prisma.source.findFirstOrThrow({ select: { id: true } });
  const institution = await prisma.institution.create({
    data: {
      slug: UNIVERSITY,
      kind: "UNIVERSITY",
      country: "CN",
      names: {
        create: [
          { locale: "en", name: `Watch Test University ${tag}`, kind: "OFFICIAL" },
          { locale: "zh", name: `关注测试大学${tag}`, kind: "OFFICIAL" },
        ],
      },
    },
  });
  const organization = await prisma.organization.create({
    data: {
      slug: ALLIANCE,
      kind: "ALLIANCE",
      names: { create: [{ locale: "en", name: `Watch Test Alliance ${tag}` }] },
    },
  });
  membershipId = (
    await prisma.membership.create({
      data: {
        institutionId: institution.id,
        organizationId: organization.id,
        role: "MEMBER",
        joinedOn: new Date("2016-01-01T00:00:00Z"),
        joinedPrecision: "YEAR",
        sourceId: source.id,
      },
    })
  ).id;
  const email = `staff-${UNIVERSITY}@example.org`;
  await prisma.user.create({
    data: { email, name: "Watch Staff", role: "STAFF", staffRole: "MANAGER", institutionId: institution.id },
  });
  [admin, staff] = await Promise.all([loadActor(prisma, "admin@atlas.test"), loadActor(prisma, email)]);
});

afterAll(async () => {
  await sink.close();
  await prisma.$disconnect();
  await db().$disconnect();
});

describe("watching a record by email", () => {
  it("subscribe → confirm → an approved change → a digest with its links and RFC 8058 headers", async () => {
    const email = `watcher-${unique()}@example.org`;
    const { state } = await watch(email);
    expect(state.message).toMatch(/^Check your inbox/);
    const confirmation = await waitForMail(email, { dir, subject: /^Confirm: watch Watch Test Alliance/ });
    const token = confirmLinkIn(confirmation.text);
    // Kept only as its hash; the outbox keeps the mail with the link withheld.
    expect(await prisma.watchToken.count({ where: { hash: hash(token) } })).toBe(1);
    const outbox = await prisma.outboxMail.findFirstOrThrow({ where: { to: email } });
    expect(outbox.text).not.toContain(token);
    expect(outbox.text).toContain("[link withheld");

    // Unconfirmed: no digest, whatever changes.
    const watcher = await prisma.watcher.findUniqueOrThrow({ where: { email } });
    await approveChange(`Before the confirmation ${unique()}`);
    expect(await sendDigest(watcher.id, tomorrow())).toEqual({ kind: "skipped" });
    expect(await listDueWatcherIds(tomorrow())).not.toContain(watcher.id);

    const confirmed = await runDefinition(actions.confirmWatch!, null, { token }, "en");
    expect(confirmed.state.ok).toBe(true);
    expect(await listDueWatcherIds(tomorrow())).toContain(watcher.id);
    const notes = `Founding member, confirmed ${unique()}`;
    await approveChange(notes);
    const now = tomorrow();
    expect(await digestUntilSent(watcher.id, now)).toEqual({ kind: "sent", changes: 1 });

    const digest = await waitForMail(email, { dir, subject: /to what you watch/ });
    expect(digest.subject).toBe("Alliance Atlas: 1 change to what you watch (daily digest)");
    expect(digest.text).toContain(`Watch Test University ${tag} in Watch Test Alliance ${tag} — membership updated`);
    expect(digest.text).toContain(`/en/institutions/${UNIVERSITY}`);
    expect(digest.text).toMatch(new RegExp(`Notes: .* → ${notes}`));
    expect(digest.text).toContain("Source: Alliance news, https://example.org/watch-source");
    // The change before the confirmation is not in it.
    expect(digest.text).not.toContain("→ Before the confirmation");
    expect(digest.html).toContain(`<a href="http://localhost:3000/en/institutions/${UNIVERSITY}">`);
    expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(digest.headers["list-unsubscribe"]).toMatch(
      /^<http:\/\/localhost:3000\/api\/watch\/unsubscribe\/[\w-]{40,}\?lang=en>$/,
    );
    const pageLink = /http:\/\/localhost:3000\/en\/watch\/([\w-]{40,})\n/.exec(digest.text)?.[1];
    expect(await getWatcherPage(pageLink!, "en")).toMatchObject({ email, frequency: "DAILY" });

    // Once per slot: again at the same moment (another instance's job) is skipped, and sends nothing.
    expect(await sendDigest(watcher.id, now)).toEqual({ kind: "skipped" });
    // The next day with nothing new: no mail, the position moves on.
    expect(await sendDigest(watcher.id, new Date(now.getTime() + 86_400_000))).toEqual({ kind: "nothing" });
    expect(mailTo(email, /to what you watch/, dir)).toHaveLength(1);
  });

  it("two instances running the same watcher's digest at once send it once", async () => {
    const email = `twice-${unique()}@example.org`;
    const { watcherId } = await subscribed(email);
    const notes = `Raced ${unique()}`;
    await approveChange(notes);
    // Wait until the stream hands the change out, so that both runs would find it.
    const deadline = Date.now() + 30_000;
    const w = await prisma.watcher.findUniqueOrThrow({ where: { id: watcherId } });
    const after = { tx: w.cursorTx.toString(), id: w.cursor.toString() };
    while (!(await listPublicChanges({ after, limit: 1000 })).items.some((c) => c.after?.notes === notes)) {
      if (Date.now() > deadline) throw new Error("the change never reached the stream");
      await new Promise((r) => setTimeout(r, 100));
    }
    const now = tomorrow();
    const outcomes = await Promise.all([sendDigest(watcherId, now), sendDigest(watcherId, now)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["sent", "skipped"]);
    await waitForMail(email, { dir, subject: /to what you watch/ });
    await new Promise((r) => setTimeout(r, 300));
    expect(mailTo(email, /to what you watch/, dir)).toHaveLength(1);
  });

  it("a digest in Chinese for a watcher who subscribed on a Chinese page", async () => {
    const email = `watcher-zh-${unique()}@example.org`;
    const { watcherId } = await subscribed(email, "zh", { organizationSlug: "", institutionSlug: UNIVERSITY });
    await approveChange(`中文摘要 ${unique()}`);
    expect((await digestUntilSent(watcherId, tomorrow())).kind).toBe("sent");
    const digest = await waitForMail(email, { dir, subject: /摘要/ });
    expect(digest.subject).toBe("Alliance Atlas：您关注的内容有 1 项变更（每日摘要）");
    expect(digest.text).toContain(`关注测试大学${tag}（Watch Test Alliance ${tag}成员）`);
    expect(digest.text).toContain(`/zh/institutions/${UNIVERSITY}`);
    expect(digest.text).toContain("来源：");
  });

  it("the same answer whether or not the address already watches it, and a mail either way", async () => {
    const known = `known-${unique()}@example.org`;
    await subscribed(known);
    const stranger = `stranger-${unique()}@example.org`;
    const [a, b] = [await watch(known), await watch(stranger)];
    expect(a.state).toEqual(b.state);
    await waitForMail(known, { dir, subject: /^Confirm/, count: 2 });
    await waitForMail(stranger, { dir, subject: /^Confirm/ });
    // A stranger's form changes nothing the owner chose until it is confirmed.
    await watch(known, { frequency: "WEEKLY" });
    expect((await prisma.watcher.findUniqueOrThrow({ where: { email: known } })).frequency).toBe("DAILY");
  });

  it("refuses past the limits per address and per client address, and sends nothing then", async () => {
    const email = `limited-${unique()}@example.org`;
    for (let i = 0; i < 3; i++) expect((await watch(email)).state.ok).toBe(true);
    const refused = await watch(email);
    expect(refused.state).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many watch requests/) });
    const zh = await watch(email, {}, fresh(), "zh");
    expect(zh.state.message).toMatch(/关注请求过多/);
    await waitForMail(email, { dir, subject: /^Confirm/, count: 3 });
    await new Promise((r) => setTimeout(r, 300));
    expect(mailTo(email, /^Confirm/, dir)).toHaveLength(3);

    // One client address, used by nothing else in this run's database.
    const client = context("10.99.0.1");
    for (let i = 0; i < 10; i++) expect((await watch(`many-${unique()}@example.org`, {}, client)).state.ok).toBe(true);
    const eleventh = `eleventh-${unique()}@example.org`;
    expect((await watch(eleventh, {}, client)).state.ok).toBe(false);
    expect(await prisma.watcher.count({ where: { email: eleventh } })).toBe(0);
  });

  it("a signed-in person uses their account's address at once; a blank address otherwise is refused", async () => {
    const { state } = await runDefinition(
      actions.watchRecord!,
      staff,
      { organizationSlug: ALLIANCE, email: "", frequency: "WEEKLY", website: "" },
      "en",
      fresh(),
    );
    expect(state.message).toMatch(/^You now watch this page/);
    const watcher = await prisma.watcher.findUniqueOrThrow({
      where: { email: staff.email },
      include: { watches: true },
    });
    expect(watcher.frequency).toBe("WEEKLY");
    expect(watcher.watches[0]?.confirmedAt).not.toBeNull();
    await waitForMail(staff.email, { dir, subject: /^You now watch/ });
    const anonymous = await watch("");
    expect(anonymous.state.ok).toBe(false);
    expect(anonymous.state.fieldErrors.email).toEqual(["Give the address the digests should go to."]);
  });

  it("a wrong or foreign token changes nothing", async () => {
    const mine = await subscribed(`mine-${unique()}@example.org`);
    const theirs = await subscribed(`theirs-${unique()}@example.org`);
    const watches = () =>
      prisma.watch.findMany({ orderBy: { id: "asc" }, select: { id: true, watcherId: true, confirmedAt: true } });
    const before = JSON.stringify(await watches());
    const wrong = randomBytes(32).toString("base64url");
    for (const [name, input] of [
      ["confirmWatch", { token: wrong }],
      ["setDigestFrequency", { token: wrong, frequency: "WEEKLY" }],
      ["unsubscribeWatcher", { token: wrong }],
      // A page token is no confirmation token.
      ["confirmWatch", { token: mine.pageToken }],
    ] as const) {
      const { state } = await runDefinition(actions[name]!, null, input, "en");
      expect(state.ok, name).toBe(false);
    }
    // My token, their watch: not mine to stop.
    const [theirWatch] = await prisma.watch.findMany({ where: { watcherId: theirs.watcherId } });
    const { state } = await runDefinition(
      actions.stopWatching!,
      null,
      { token: mine.pageToken, watchId: theirWatch!.id },
      "en",
    );
    expect(state.ok).toBe(false);
    expect(JSON.stringify(await watches())).toBe(before);
    expect((await prisma.watcher.findUniqueOrThrow({ where: { id: mine.watcherId } })).frequency).toBe("DAILY");
  });

  it("the subscriber's page changes the frequency and stops a watch; weekly is due on Mondays only", async () => {
    const { pageToken, watcherId } = await subscribed(`weekly-${unique()}@example.org`);
    const set = await runDefinition(actions.setDigestFrequency!, null, { token: pageToken, frequency: "WEEKLY" }, "en");
    expect(set.state.ok).toBe(true);
    await prisma.watcher.update({ where: { id: watcherId }, data: { digestedAt: new Date("2026-12-01T08:00:00Z") } });
    expect(await listDueWatcherIds(new Date("2026-12-05T08:00:00Z"))).not.toContain(watcherId);
    expect(await listDueWatcherIds(new Date("2026-12-07T07:30:00Z"))).toContain(watcherId);
    const page = (await getWatcherPage(pageToken, "en"))!;
    expect(page.frequency).toBe("WEEKLY");
    const stop = await runDefinition(
      actions.stopWatching!,
      null,
      { token: pageToken, watchId: page.watches[0]!.id },
      "en",
    );
    expect(stop.state.ok).toBe(true);
    expect((await getWatcherPage(pageToken, "en"))!.watches).toEqual([]);
    expect(await listDueWatcherIds(new Date("2026-12-07T07:30:00Z"))).not.toContain(watcherId);
  });

  it("one-click unsubscribe: a POST to the List-Unsubscribe address removes it; a GET changes nothing", async () => {
    const email = `oneclick-${unique()}@example.org`;
    const { pageToken } = await subscribed(email);
    const params = () => ({ params: Promise.resolve({ token: pageToken }) });
    const address = `http://localhost:3000/api/watch/unsubscribe/${pageToken}?lang=en`;
    const get = await unsubscribeRoute.GET(new Request(address), params());
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`/en/watch/${pageToken}/unsubscribe`);
    expect(await prisma.watcher.count({ where: { email } })).toBe(1);
    const post = await unsubscribeRoute.POST(
      new Request(address, { method: "POST", body: "List-Unsubscribe=One-Click" }),
      params(),
    );
    expect(post.status).toBe(200);
    expect(await prisma.watcher.count({ where: { email } })).toBe(0);
    expect((await unsubscribeRoute.POST(new Request(address, { method: "POST" }), params())).status).toBe(404);
  });
});
