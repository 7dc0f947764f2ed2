// "Suggest a correction" (issue 15 §3): a visitor's suggestion with no account, its limits and honeypot, the
// triage by the institution's managers and the admins (no one else), closing with a reason, turning it into a
// change request in the same transaction, the private status link, and the email erased when its time is over.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionContext } from "@/lib/actions/action";
import type { Actor } from "@/lib/shared/actor";
import { loadActions } from "../support/actions";
import { consoleDuring } from "../support/app-env";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";
import { secretariatUser } from "../support/secretariats";

useWriteDatabase();

const prisma = testPrisma();
const { actions, runDefinition } = await loadActions();
const { getCorrectionByToken } = await import("@/lib/data/corrections/status");
const { listOpenCorrections } = await import("@/lib/data/corrections/triage");
const { purgeExpiredCorrectionEmails, CORRECTION_EMAIL_DAYS } = await import("@/lib/data/corrections/retention");

const NMU = "nanjing-medical-university";
const CUHK = "chinese-university-of-hong-kong";
let addresses = 0;
/** A new client address for each suggestion, unless a test is about one address's limit. */
const from = (clientAddress = `10.31.${Math.floor(addresses / 250)}.${addresses++ % 250}`): ActionContext => ({
  clientAddress,
  later: (task) => task(),
});
const unique = () => randomBytes(4).toString("hex");

let nmuId: string;
let manager: Actor;
let editor: Actor;
let cuhkManager: Actor;
let admin: Actor;

beforeAll(async () => {
  nmuId = (await prisma.institution.findUniqueOrThrow({ where: { slug: NMU } })).id;
  manager = await loadActor(prisma, "staff@njmu.test");
  const editorRow = await prisma.user.upsert({
    where: { email: "corrections-editor@njmu.test" },
    create: {
      email: "corrections-editor@njmu.test",
      name: "NMU Editor",
      role: "STAFF",
      staffRole: "EDITOR",
      institutionId: nmuId,
    },
    update: {},
  });
  editor = await loadActor(prisma, editorRow.email);
  cuhkManager = await loadActor(prisma, "staff@cuhk.test");
  admin = await loadActor(prisma, "admin@atlas.test");
});

afterAll(() => prisma.$disconnect());

type Suggestion = { what?: string; sourceUrl?: string; email?: string; website?: string; slug?: string };

/** Suggest as the form does, on NMU's page unless told; the status link is in the answer (handOver). */
async function suggest(s: Suggestion = {}, context = from(), locale: "en" | "zh" = "en") {
  const raw = {
    institutionSlug: s.slug ?? NMU,
    what: s.what ?? `The city is wrong: it is Nanjing, not Suzhou (${unique()}).`,
    sourceUrl: s.sourceUrl ?? "https://www.njmu.edu.cn/about",
    email: s.email ?? "",
    website: s.website ?? "",
  };
  const { result, output } = await consoleDuring(() =>
    runDefinition(actions.submitCorrection!, null, raw, locale, context),
  );
  const token = result.state.handOver?.split("/").at(-1) ?? null;
  return { state: result.state, token, output, what: raw.what };
}

const byWhat = (what: string) => prisma.correction.findFirst({ where: { what } });

describe("suggesting a correction", () => {
  it("stores it with no account, answers with a private link, and tells NMU's managers", async () => {
    const notesBefore = await prisma.notification.count({ where: { userId: manager.id } });
    const { state, token, what } = await suggest();
    expect(state).toMatchObject({ ok: true, message: expect.stringMatching(/received/) });
    expect(state.handOver).toMatch(/\/en\/corrections\/[\w-]{20,}$/);
    const row = await byWhat(what);
    expect(row).toMatchObject({ status: "OPEN", institutionId: nmuId, organizationId: null, email: null });
    // Only the token's hash is stored.
    expect(row!.statusTokenHash).not.toContain(token!);
    expect(await prisma.notification.count({ where: { userId: manager.id } })).toBe(notesBefore + 1);
    expect(await prisma.auditEvent.count({ where: { action: "correction.suggest", entityId: row!.id } })).toBe(1);
    const view = await getCorrectionByToken(token!, "en");
    expect(view).toMatchObject({ status: "OPEN", what, record: { kind: "institution", slug: NMU } });
  });

  it("mails the status link when an address is given, in the suggester's language", async () => {
    const email = `visitor-${unique()}@example.org`;
    const { state, token, what } = await suggest({ email }, from(), "zh");
    expect(state.ok).toBe(true);
    expect(state.message).toMatch(/谢谢/);
    expect((await byWhat(what))?.email).toBe(email);
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: email } });
    expect(mail.subject).toBe("我们已收到您的更正建议");
    expect(mail.text).toContain(`/zh/corrections/${token}`);
  });

  it("works on an organization's page too: those go to the admins", async () => {
    const slug = (await prisma.organization.findFirstOrThrow({ orderBy: { slug: "asc" } })).slug;
    const what = `The founding year is 2015, not 2016 (${unique()}).`;
    const raw = { organizationSlug: slug, what, sourceUrl: "https://example.org/news", email: "", website: "" };
    const { state } = await runDefinition(actions.submitCorrection!, null, raw, "en", from());
    expect(state.ok, state.message ?? "").toBe(true);
    const row = await byWhat(what);
    expect(row?.organizationId).toBeTruthy();
    expect((await listOpenCorrections(admin, "en")).some((r) => r.id === row!.id)).toBe(true);
    expect((await listOpenCorrections(manager, "en")).some((r) => r.id === row!.id)).toBe(false);
  });

  it(`an organization's page's suggestion goes to its secretariat's managers too, who see and close it; its \
editors, another organization's secretariat and a university's manager cannot: nothing changes`, async () => {
    const UASR = "university-alliance-of-the-silk-road";
    const secretariatManager = await loadActor(
      prisma,
      (await secretariatUser(prisma, { email: "corrections-manager@uasr.test", organizationSlug: UASR })).email,
    );
    const secretariatEditor = await loadActor(
      prisma,
      (
        await secretariatUser(prisma, {
          email: "corrections-editor@uasr.test",
          organizationSlug: UASR,
          staffRole: "EDITOR",
        })
      ).email,
    );
    const otherSecretariat = await loadActor(
      prisma,
      (
        await secretariatUser(prisma, {
          email: "corrections-manager@uabr.test",
          organizationSlug: "university-alliance-of-belt-and-road",
        })
      ).email,
    );
    const noticesBefore = await prisma.notification.count({ where: { userId: secretariatManager.id } });
    const what = `UASR was founded in 2015 (${unique()}).`;
    const raw = { organizationSlug: UASR, what, sourceUrl: "https://example.org/uasr", email: "", website: "" };
    expect((await runDefinition(actions.submitCorrection!, null, raw, "en", from())).state.ok).toBe(true);
    const row = (await byWhat(what))!;
    expect(await prisma.notification.count({ where: { userId: secretariatManager.id } })).toBe(noticesBefore + 1);
    expect((await listOpenCorrections(secretariatManager, "en")).map((r) => r.id)).toContain(row.id);
    expect((await listOpenCorrections(otherSecretariat, "en")).map((r) => r.id)).not.toContain(row.id);
    expect((await listOpenCorrections(manager, "en")).map((r) => r.id)).not.toContain(row.id);
    await expect(listOpenCorrections(secretariatEditor, "en")).rejects.toThrow(/managers and the admins/);
    for (const actor of [secretariatEditor, otherSecretariat, manager]) {
      const input = { correctionId: row.id, reason: "Not a correction." };
      expect((await runDefinition(actions.closeCorrection!, actor, input, "en")).state.ok).toBe(false);
    }
    expect(await byWhat(what)).toEqual(row);
    const input = { correctionId: row.id, reason: "Proposed on our profile: founded 2015." };
    expect((await runDefinition(actions.closeCorrection!, secretariatManager, input, "en")).state.ok).toBe(true);
    expect((await byWhat(what))?.status).toBe("CLOSED");
  });

  it("refuses a bad address, a text too short or too long, and a bad email, storing nothing", async () => {
    const before = await prisma.correction.count();
    const cases: [Suggestion, string][] = [
      [{ sourceUrl: "javascript:alert(1)" }, "sourceUrl"],
      [{ sourceUrl: "ftp://example.org/x" }, "sourceUrl"],
      [{ sourceUrl: `https://example.org/${"a".repeat(600)}` }, "sourceUrl"],
      [{ what: "too short" }, "what"],
      [{ what: "x".repeat(2001) }, "what"],
      [{ email: "not an address" }, "email"],
    ];
    for (const [input, field] of cases) {
      const { state } = await suggest(input);
      expect(state.ok, JSON.stringify(input).slice(0, 80)).toBe(false);
      expect(state.fieldErrors[field]?.length, field).toBeGreaterThan(0);
    }
    const { state } = await suggest({ slug: "no-such-institution" });
    expect(state).toMatchObject({ ok: false, message: "This page is not in the registry any more." });
    expect(await prisma.correction.count()).toBe(before);
  });

  it("answers a filled honeypot exactly as a real suggestion, and stores, counts and sends nothing", async () => {
    const email = `bot-${unique()}@example.org`;
    const [corrections, limits, mails] = await Promise.all([
      prisma.correction.count(),
      prisma.rateLimit.count(),
      prisma.outboxMail.count(),
    ]);
    const { state, token } = await suggest({ email, website: "https://spam.example" });
    const real = await suggest();
    expect(state.ok).toBe(true);
    expect(state.message).toBe(real.state.message);
    expect(state.handOver).toMatch(/\/en\/corrections\/[\w-]{20,}$/);
    expect(await getCorrectionByToken(token!, "en")).toBeNull();
    // The real suggestion above added its row and its address's two counters; the bot's added nothing.
    expect(await prisma.correction.count()).toBe(corrections + 1);
    expect(await prisma.rateLimit.count()).toBe(limits + 2);
    expect(await prisma.outboxMail.count()).toBe(mails);
  });

  it("limits suggestions per client address and per email address, with a clear refusal", async () => {
    const address = `10.32.0.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 5; i += 1) expect((await suggest({}, from(address))).state.ok).toBe(true);
    const before = await prisma.correction.count();
    const over = await suggest({}, from(address));
    expect(over.state).toMatchObject({
      ok: false,
      message: "Too many suggestions from here. Nothing was stored; please try again later.",
    });
    expect((await suggest({}, from(address), "zh")).state.message).toBe(
      "来自此处的建议过多。未保存任何内容，请稍后再试。",
    );
    expect(await prisma.correction.count()).toBe(before);

    const email = `many-${unique()}@example.org`;
    for (let i = 0; i < 3; i += 1) expect((await suggest({ email })).state.ok).toBe(true);
    expect((await suggest({ email })).state.ok).toBe(false);
    expect(await prisma.correction.count({ where: { email } })).toBe(3);
  });
});

describe("triage", () => {
  it("shows NMU's open corrections to NMU's managers and the admins, and to no one else", async () => {
    const { what } = await suggest();
    const id = (await byWhat(what))!.id;
    expect((await listOpenCorrections(manager, "en")).map((r) => r.id)).toContain(id);
    expect((await listOpenCorrections(admin, "en")).map((r) => r.id)).toContain(id);
    const row = (await listOpenCorrections(manager, "en")).find((r) => r.id === id)!;
    expect(row).toMatchObject({ what, sourceUrl: "https://www.njmu.edu.cn/about", hasEmail: false });
    expect(row).not.toHaveProperty("email");
    await expect(listOpenCorrections(editor, "en")).rejects.toThrow(/managers and the admins/);
    expect((await listOpenCorrections(cuhkManager, "en")).map((r) => r.id)).not.toContain(id);
    await expect(listOpenCorrections(null, "en")).rejects.toThrow();
    // CUHK's page's corrections are CUHK's managers', not NMU's.
    const cuhk = await suggest({ slug: CUHK });
    const cuhkId = (await byWhat(cuhk.what))!.id;
    expect((await listOpenCorrections(cuhkManager, "en")).map((r) => r.id)).toContain(cuhkId);
    expect((await listOpenCorrections(manager, "en")).map((r) => r.id)).not.toContain(cuhkId);
  });

  it(`a manager whose yearly address confirmation is overdue still reads the queue (it used to fail), and cannot \
close one until they confirm: nothing changes`, async () => {
    const { what } = await suggest({ email: `overdue-${unique()}@example.org` });
    const before = await byWhat(what);
    const overdue = { ...manager, addressDueAt: new Date(Date.now() - 86_400_000) };
    expect((await listOpenCorrections(overdue, "en")).map((r) => r.id)).toContain(before!.id);
    const { state } = await runDefinition(
      actions.closeCorrection!,
      overdue,
      { correctionId: before!.id, reason: "Not a correction." },
      "en",
    );
    expect(state.ok).toBe(false);
    expect(state.message).toMatch(/Confirm that your email address/);
    expect(await byWhat(what)).toEqual(before);
  });

  it("lets no editor, other institution's manager or visitor close one: nothing changes", async () => {
    const { what } = await suggest({ email: `deny-${unique()}@example.org` });
    const before = await byWhat(what);
    for (const actor of [editor, cuhkManager, null]) {
      const input = { correctionId: before!.id, reason: "Not a correction." };
      const { state } = await runDefinition(actions.closeCorrection!, actor, input, "en");
      expect(state.ok).toBe(false);
      expect(state.message).toBeTruthy();
    }
    expect(await byWhat(what)).toEqual(before);
  });

  it("closes with a reason (required), mails the suggester, and shows the reason on the status page", async () => {
    const email = `closed-${unique()}@example.org`;
    const { token, what } = await suggest({ email });
    const id = (await byWhat(what))!.id;
    const empty = await runDefinition(actions.closeCorrection!, manager, { correctionId: id, reason: "" }, "en");
    expect(empty.state.fieldErrors.reason?.length).toBeGreaterThan(0);
    const tooLong = { correctionId: id, reason: "x".repeat(501) };
    expect((await runDefinition(actions.closeCorrection!, manager, tooLong, "en")).state.ok).toBe(false);
    const reason = "The page already says Nanjing: see the city under the name.";
    const { result } = await consoleDuring(() =>
      runDefinition(actions.closeCorrection!, manager, { correctionId: id, reason }, "en"),
    );
    expect(result.state, result.state.message ?? "").toMatchObject({ ok: true });
    expect(await byWhat(what)).toMatchObject({ status: "CLOSED", closedReason: reason, decidedById: manager.id });
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: email, subject: { contains: "closed" } } });
    expect(mail.text).toContain(reason);
    expect(await getCorrectionByToken(token!, "en")).toMatchObject({ status: "CLOSED", closedReason: reason });
    // Closed once: a second close finds no open suggestion.
    const again = await runDefinition(actions.closeCorrection!, admin, { correctionId: id, reason: "Again." }, "en");
    expect(again.state.ok).toBe(false);
  });

  it("turns into a change request in the proposal's transaction, tells the suggester, shows the outcome", async () => {
    const email = `review-${unique()}@example.org`;
    const { token, what } = await suggest({ email });
    const id = (await byWhat(what))!.id;
    const membership = await prisma.membership.findFirstOrThrow({
      where: { institutionId: nmuId, changeRequests: { none: { status: "PENDING" } } },
      orderBy: { id: "asc" },
    });
    const proposal = (actor: Actor) =>
      runDefinition(
        actions.proposeMembershipUpdate!,
        actor,
        {
          membershipId: membership.id,
          baseVersion: String(membership.version),
          reason: "",
          correctionId: id,
          values: {
            role: membership.role,
            status: membership.status,
            joined: "2016",
            ended: "",
            notes: `Corrected after a visitor's suggestion ${unique()}`,
            sourceUrl: "https://www.njmu.edu.cn/about",
            sourceTitle: "About",
            sourceQuote: `A passage ${unique()}`,
          },
        },
        "en",
      );
    // An editor's proposal carrying the id is refused whole: no request, and the correction stays open.
    const requests = await prisma.changeRequest.count({ where: { membershipId: membership.id } });
    expect((await proposal(editor)).state.ok).toBe(false);
    expect(await prisma.changeRequest.count({ where: { membershipId: membership.id } })).toBe(requests);
    expect((await byWhat(what))?.status).toBe("OPEN");

    const { result } = await consoleDuring(() => proposal(manager));
    expect(result.state, result.state.message ?? "").toMatchObject({ ok: true });
    const row = await byWhat(what);
    expect(row?.status).toBe("IN_REVIEW");
    const request = await prisma.changeRequest.findUniqueOrThrow({ where: { id: row!.changeRequestId! } });
    expect(request).toMatchObject({ membershipId: membership.id, status: "PENDING", proposedById: manager.id });
    expect(await prisma.outboxMail.count({ where: { to: email, subject: { contains: "being reviewed" } } })).toBe(1);
    expect(await getCorrectionByToken(token!, "en")).toMatchObject({
      status: "IN_REVIEW",
      changeRequestStatus: "PENDING",
    });
    const decided = await runDefinition(
      actions.decideChangeRequest!,
      admin,
      { changeRequestId: request.id, decision: "reject", comment: "The source does not say so." },
      "en",
    );
    expect(decided.state.ok, decided.state.message ?? "").toBe(true);
    expect(await getCorrectionByToken(token!, "en")).toMatchObject({ changeRequestStatus: "REJECTED" });
  });

  it("answers an unknown or malformed token with nothing", async () => {
    expect(await getCorrectionByToken(randomBytes(24).toString("base64url"), "en")).toBeNull();
    expect(await getCorrectionByToken("short", "en")).toBeNull();
  });
});

describe("email retention", () => {
  it(`erases the email ${CORRECTION_EMAIL_DAYS} days after closing, keeping the correction`, async () => {
    const email = `kept-${unique()}@example.org`;
    const { what } = await suggest({ email });
    const id = (await byWhat(what))!.id;
    await consoleDuring(() =>
      runDefinition(actions.closeCorrection!, admin, { correctionId: id, reason: "Already right." }, "en"),
    );
    const closed = await byWhat(what);
    expect(closed?.email).toBe(email);
    // A day before the time is over: kept.
    const soon = new Date(closed!.decidedAt!.getTime() + (CORRECTION_EMAIL_DAYS - 1) * 86_400_000);
    await purgeExpiredCorrectionEmails(soon);
    expect((await byWhat(what))?.email).toBe(email);
    const later = new Date(closed!.decidedAt!.getTime() + (CORRECTION_EMAIL_DAYS + 1) * 86_400_000);
    expect(await purgeExpiredCorrectionEmails(later)).toBeGreaterThanOrEqual(1);
    const erased = await byWhat(what);
    expect(erased).toMatchObject({ email: null, status: "CLOSED", closedReason: "Already right." });
    expect(erased?.emailErasedAt?.getTime()).toBe(later.getTime());
  });

  it("erases it 30 days after the change request it became was decided, and never while it is open", async () => {
    const email = `open-${unique()}@example.org`;
    const { what } = await suggest({ email });
    const far = new Date(Date.now() + 400 * 86_400_000);
    const row = (await byWhat(what))!;
    // Open: kept whatever the date.
    await purgeExpiredCorrectionEmails(far);
    expect((await byWhat(what))?.email).toBe(email);
    const proposer = await prisma.user.findFirstOrThrow({ where: { email: "staff@njmu.test" } });
    const request = await prisma.changeRequest.create({
      data: {
        kind: "INSTITUTION_UPDATE",
        institutionId: nmuId,
        proposed: {},
        proposedById: proposer.id,
        status: "REJECTED",
        decidedAt: new Date(),
      },
    });
    await prisma.correction.update({
      where: { id: row.id },
      data: { status: "IN_REVIEW", changeRequestId: request.id },
    });
    await purgeExpiredCorrectionEmails(new Date(Date.now() + 29 * 86_400_000));
    expect((await byWhat(what))?.email).toBe(email);
    await purgeExpiredCorrectionEmails(new Date(Date.now() + 31 * 86_400_000));
    expect((await byWhat(what))?.email).toBeNull();
  });
});
