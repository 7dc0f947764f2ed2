import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { approveChangeRequest } from "@/lib/data/change-requests/decide";
import { proposeMembershipCreate, proposeMembershipUpdate } from "@/lib/data/change-requests/propose";
import { getChangeRequest, listReviewQueue } from "@/lib/data/change-requests/queries";
import { ForbiddenError } from "@/lib/shared/errors";
import { membershipValuesSchema } from "@/lib/validation/memberships";
import { loadActions } from "../support/actions";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

// The review page's decision, its "now" column, and the queue: its name filter, its order and its bulk approval.

useWriteDatabase();

const prisma = testPrisma();
const { actions, runDefinition } = await loadActions();
let admin: Actor;
let nmuStaff: Actor;
let cuhkStaff: Actor;
/** Staff of a university of this file's own: what it approves adds nothing to the seed's universities. */
let ownStaff: Actor;

const run = (name: string, actor: Actor | null, raw: Record<string, unknown>, locale: "en" | "zh" = "en") =>
  runDefinition(actions[name]!, actor, raw, locale);

const values = (over: Record<string, string> = {}) =>
  membershipValuesSchema.parse({
    role: "MEMBER",
    status: "ACTIVE",
    joined: "2020",
    ended: "",
    notes: "",
    sourceUrl: "https://example.org/review-queue",
    sourceTitle: "Our page",
    sourceQuote: "",
    ...over,
  });

/** An organization no institution belongs to, named `en` / `zh` (each with a random tail, so it is unique). */
async function freshOrganization(en: string, zh?: string) {
  const tail = randomBytes(4).toString("hex");
  const org = await prisma.organization.create({
    data: {
      slug: `review-queue-${tail}`,
      kind: "ALLIANCE",
      names: {
        create: [{ locale: "en", name: `${en} ${tail}` }, ...(zh ? [{ locale: "zh", name: `${zh}${tail}` }] : [])],
      },
    },
  });
  return { ...org, en: `${en} ${tail}`, zh: zh ? `${zh}${tail}` : null, tail };
}

/** A pending request of `staff`'s institution to join a fresh organization. */
async function newMembershipRequest(staff: Actor, en: string, zh?: string) {
  const org = await freshOrganization(en, zh);
  const request = await proposeMembershipCreate(staff, { organizationSlug: org.slug, reason: null, values: values() });
  return { org, request };
}

/** A membership of this file's university, approved, with nothing pending: for a change of it. */
async function ownMembership() {
  const { org, request } = await newMembershipRequest(ownStaff, "Own Alliance");
  await approveChangeRequest(admin, request.id, null);
  return prisma.membership.findFirstOrThrow({ where: { organizationId: org.id } });
}

const statusOf = async (id: string) =>
  (await prisma.changeRequest.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

beforeAll(async () => {
  [admin, nmuStaff, cuhkStaff] = await Promise.all([
    loadActor(prisma, "admin@atlas.test"),
    loadActor(prisma, "staff@njmu.test"),
    loadActor(prisma, "staff@cuhk.test"),
  ]);
  const institution = await prisma.institution.create({
    data: {
      slug: `review-queue-university-${randomBytes(3).toString("hex")}`,
      kind: "UNIVERSITY",
      country: "CN",
      names: { create: [{ locale: "en", name: "Review Queue University", kind: "OFFICIAL" }] },
    },
  });
  const email = `staff-${institution.slug}@example.org`;
  await prisma.user.create({
    data: { email, name: "Review Queue Staff", role: "STAFF", staffRole: "MANAGER", institutionId: institution.id },
  });
  ownStaff = await loadActor(prisma, email);
});
afterAll(() => prisma.$disconnect());

describe("the review page's one decision", () => {
  it("rejecting without a reason is refused, a translated message next to the comment; nothing changes", async () => {
    const { request } = await newMembershipRequest(nmuStaff, "Decision Alliance");
    const audit = await prisma.auditEvent.count();
    const notices = await prisma.notification.count({ where: { userId: nmuStaff.id } });
    for (const [locale, text] of [
      ["en", "Say why the change is rejected."],
      ["zh", "请说明驳回理由。"],
    ] as const) {
      const { state } = await run(
        "decideChangeRequest",
        admin,
        { changeRequestId: request.id, decision: "reject", comment: "  " },
        locale,
      );
      expect(state.ok).toBe(false);
      expect(state.fieldErrors.comment).toEqual([text]);
    }
    // No button pressed (the decision missing): the form is out of date, nothing is decided.
    const { state } = await run("decideChangeRequest", admin, { changeRequestId: request.id, comment: "Fine" });
    expect(state.ok).toBe(false);
    expect(await statusOf(request.id)).toBe("PENDING");
    expect(await prisma.auditEvent.count()).toBe(audit);
    expect(await prisma.notification.count({ where: { userId: nmuStaff.id } })).toBe(notices);
  });

  it("rejects with the comment as its reason, and approves with an optional comment", async () => {
    const rejected = (await newMembershipRequest(ownStaff, "Rejected Alliance")).request;
    const r = await run("decideChangeRequest", admin, {
      changeRequestId: rejected.id,
      decision: "reject",
      comment: "The page does not name us.",
    });
    expect(r.state).toMatchObject({ ok: true, message: "Rejected; the proposer has been told why." });
    expect(await prisma.changeRequest.findUniqueOrThrow({ where: { id: rejected.id } })).toMatchObject({
      status: "REJECTED",
      decisionComment: "The page does not name us.",
    });

    const { org, request } = await newMembershipRequest(ownStaff, "Approved Alliance");
    const a = await run("decideChangeRequest", admin, {
      changeRequestId: request.id,
      decision: "approve",
      comment: "Checked against the charter.",
    });
    expect(a.state).toMatchObject({ ok: true, message: "Approved: the change is public." });
    expect(await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "APPROVED",
      decisionComment: "Checked against the charter.",
    });
    expect(await prisma.membership.count({ where: { organizationId: org.id } })).toBe(1);

    const plain = (await newMembershipRequest(ownStaff, "Plain Alliance")).request;
    const p = await run("decideChangeRequest", admin, { changeRequestId: plain.id, decision: "approve", comment: "" });
    expect(p.state.ok).toBe(true);
    expect(await prisma.changeRequest.findUniqueOrThrow({ where: { id: plain.id } })).toMatchObject({
      status: "APPROVED",
      decisionComment: null,
    });
  });
});

describe("the diff's columns", () => {
  it("shows changed fields first, and a 'now' read as the page renders: a field changed since is marked", async () => {
    const m = await ownMembership();
    const request = await proposeMembershipUpdate(ownStaff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values: values({
        role: m.role,
        status: m.status,
        joined: "2011",
        notes: "Proposed note",
        sourceUrl: "https://example.org/now-column",
        // A changed fact quotes the passage that states it (a changed fact carries its own source).
        sourceQuote: "A member since 2011.",
      }),
    });
    const fresh = await getChangeRequest(admin, request.id, "en");
    const firstUnchanged = fresh.diff.findIndex((d) => !d.changed);
    expect(fresh.diff.slice(0, firstUnchanged).map((d) => d.changed)).not.toContain(false);
    expect(fresh.diff.slice(firstUnchanged).map((d) => d.changed)).not.toContain(true);
    expect(fresh.recordExists).toBe(true);
    for (const d of fresh.diff) expect(d).toMatchObject({ now: d.before, drifted: false });

    // Someone changes the record after the request was made (here, straight in the database).
    await prisma.membership.update({
      where: { id: m.id },
      data: { notes: "Changed meanwhile", version: { increment: 1 } },
    });
    const later = await getChangeRequest(admin, request.id, "en");
    const notes = later.diff.find((d) => d.field === "notes")!;
    expect(notes).toMatchObject({ now: "Changed meanwhile", after: "Proposed note", drifted: true });
    expect(notes.before).not.toBe("Changed meanwhile");
    expect(later.diff.find((d) => d.field === "role")).toMatchObject({ now: m.role, drifted: false });
    expect(later.diff.filter((d) => d.drifted).map((d) => d.field)).toEqual(["notes"]);
  });

  it("a proposed new membership has no 'now' until one exists", async () => {
    const { request } = await newMembershipRequest(cuhkStaff, "Nowhere Alliance");
    const detail = await getChangeRequest(admin, request.id, "en");
    expect(detail.recordExists).toBe(false);
    expect(detail.diff.every((d) => d.now === null && !d.drifted)).toBe(true);
  });
});

describe("the review queue", () => {
  it("filters by a name in any language (a proposed organization's too), oldest first or newest first", async () => {
    const a = await newMembershipRequest(nmuStaff, "Queue Alpha", "队列甲");
    const tail = a.org.tail;
    const b = await newMembershipRequest(cuhkStaff, `Queue Beta ${tail}`);
    const gamma = await runDefinition(
      actions.proposeOrganizationCreate!,
      nmuStaff,
      {
        reason: "",
        values: {
          nameEn: `Queue Gamma ${tail}`,
          nameZh: "",
          acronym: "",
          kind: "ALLIANCE",
          founded: "2020",
          website: "",
          introduction: "",
          role: "MEMBER",
          joined: "2021",
          sourceUrl: "https://example.org/gamma",
          sourceTitle: "",
          sourceQuote: "",
        },
      },
      "en",
    );
    expect(gamma.state.ok, gamma.state.message ?? "").toBe(true);
    const g = await prisma.changeRequest.findFirstOrThrow({
      where: { kind: "ORGANIZATION_CREATE", proposed: { path: ["nameEn"], equals: `Queue Gamma ${tail}` } },
    });
    const day = 86_400_000;
    const dated = [
      [a.request.id, 3],
      [b.request.id, 2],
      [g.id, 1],
    ] as const;
    for (const [id, daysAgo] of dated)
      await prisma.changeRequest.update({ where: { id }, data: { createdAt: new Date(Date.now() - daysAgo * day) } });

    const ids = async (filters: Parameters<typeof listReviewQueue>[1]) =>
      (await listReviewQueue(admin, filters, "en")).map((r) => r.id);
    expect(await ids({ q: tail })).toEqual([a.request.id, b.request.id, g.id]);
    expect(await ids({ q: tail, sort: "newest" })).toEqual([g.id, b.request.id, a.request.id]);
    expect(await ids({ q: `队列甲${tail}` })).toEqual([a.request.id]);
    expect(await ids({ q: `queue GAMMA ${tail}` })).toEqual([g.id]);
    // The institution's names count, in Chinese too: CUHK's request is found by its name, NMU's is not.
    const cuhk = await ids({ q: "香港中文大学" });
    expect(cuhk).toContain(b.request.id);
    expect(cuhk).not.toContain(a.request.id);
    // LIKE's wildcards are taken as they are typed.
    expect(await ids({ q: `%${tail}` })).toEqual([]);
    expect(await ids({ q: `Queue_Alpha ${tail}` })).toEqual([]);
    await expect(listReviewQueue(nmuStaff, { q: tail }, "en")).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("approving several requests at once", () => {
  it("approves the clean ones and leaves the conflicting, the same-record and the non-pending ones", async () => {
    const clean1 = await newMembershipRequest(ownStaff, "Bulk Clean One");
    const clean2 = await newMembershipRequest(ownStaff, "Bulk Clean Two");
    // A change to an entry that someone else changed since.
    const m = await ownMembership();
    const stale = await proposeMembershipUpdate(ownStaff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values: values({ role: m.role, status: m.status, notes: "Bulk stale" }),
    });
    await prisma.membership.update({ where: { id: m.id }, data: { version: { increment: 1 } } });
    // Two requests for the same new entry (staff cannot send a second one; one came from elsewhere).
    const twin = await newMembershipRequest(nmuStaff, "Bulk Twin");
    const twinRow = await prisma.changeRequest.findUniqueOrThrow({ where: { id: twin.request.id } });
    const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = twinRow;
    const twin2 = await prisma.changeRequest.create({ data: { ...copy, proposed: copy.proposed ?? {}, before: {} } });
    const withdrawn = await newMembershipRequest(nmuStaff, "Bulk Withdrawn");
    await prisma.changeRequest.update({ where: { id: withdrawn.request.id }, data: { status: "WITHDRAWN" } });

    const all = [clean1.request.id, clean2.request.id, stale.id, twin.request.id, twin2.id, withdrawn.request.id];
    const raw = { ids: Object.fromEntries(all.map((id, i) => [String(i), id])), comment: "Batch of the week" };
    const statuses = async () => Promise.all(all.map(statusOf));
    const before = await statuses();

    // Staff and visitors are refused, and nothing changes.
    for (const actor of [nmuStaff, cuhkStaff, null]) {
      const { state } = await run("approveChangeRequests", actor, raw);
      expect(state.ok).toBe(false);
      expect(await statuses()).toEqual(before);
    }
    // More than 50 at once is refused before anything is approved.
    const tooMany = { ids: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [String(i), all[i % 6]!])) };
    const over = await run("approveChangeRequests", admin, tooMany);
    expect(over.state).toMatchObject({ ok: false, fieldErrors: { ids: ["Tick at most 50 requests at a time."] } });
    expect(await statuses()).toEqual(before);

    const { state, result } = await run("approveChangeRequests", admin, raw);
    expect(state).toMatchObject({ ok: true, message: "2 requests approved; 4 not approved." });
    expect(await statuses()).toEqual(["APPROVED", "APPROVED", "PENDING", "PENDING", "PENDING", "WITHDRAWN"]);
    expect(await prisma.membership.count({ where: { organizationId: { in: [clean1.org.id, clean2.org.id] } } })).toBe(
      2,
    );
    expect(
      await prisma.changeRequest.findUniqueOrThrow({
        where: { id: clean1.request.id },
        select: { decisionComment: true },
      }),
    ).toEqual({ decisionComment: "Batch of the week" });
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: stale.id } })).conflict).toBeTruthy();
    expect(result?.tags).toEqual(expect.arrayContaining([`organization:${clean1.org.slug}`]));
    expect(state.details).toEqual([
      `Approved: New membership: Review Queue University · ${clean1.org.en}`,
      `Approved: New membership: Review Queue University · ${clean2.org.en}`,
      expect.stringMatching(
        /^Not approved: Membership change: Review Queue University · Own Alliance .+ — the entry changed since/,
      ),
      `Not approved: New membership: Nanjing Medical University · ${twin.org.en} — another ticked request changes \
the same entry: decide them one by one`,
      `Not approved: New membership: Nanjing Medical University · ${twin.org.en} — another ticked request changes \
the same entry: decide them one by one`,
      `Not approved: New membership: Nanjing Medical University · ${withdrawn.org.en} — it is not pending any more`,
    ]);
  });
});

describe("admins are told in the app", () => {
  it("of a new request and of comments, each active admin in their language, never the author", async () => {
    const tail = randomBytes(3).toString("hex");
    // The language each admin last acted in is theirs (other tests may have left the demo admin on Chinese).
    await prisma.user.update({ where: { id: admin.id }, data: { locale: "en" } });
    const second = await prisma.user.create({
      data: { email: `second-admin-${tail}@example.org`, name: `Second Admin ${tail}`, role: "ADMIN", locale: "zh" },
    });
    const away = await prisma.user.create({
      data: { email: `away-admin-${tail}@example.org`, name: "Away", role: "ADMIN", disabledAt: new Date() },
    });
    const { org, request } = await newMembershipRequest(nmuStaff, "Notice Alliance", "通知联盟");
    const about = (userId: string) =>
      prisma.notification.findMany({ where: { userId, changeRequestId: request.id }, orderBy: { createdAt: "asc" } });
    expect((await about(admin.id)).map((n) => n.message)).toEqual([
      `${nmuStaff.name} sent a new membership of Nanjing Medical University in ${org.en} for review.`,
    ]);
    expect((await about(second.id)).map((n) => n.message)).toEqual([
      `${nmuStaff.name}提交了南京医科大学加入${org.zh}的新成员资格，等待审核。`,
    ]);
    expect(await about(away.id)).toEqual([]);
    expect(await about(nmuStaff.id)).toEqual([]);

    // A staff comment: every active admin. An admin's comment: the other admins, not its author.
    const comment = await run("commentOnChangeRequest", nmuStaff, {
      changeRequestId: request.id,
      body: "Our charter, page 3.",
    });
    expect(comment.state.ok).toBe(true);
    expect((await about(admin.id)).at(-1)?.message).toBe(
      `${nmuStaff.name} commented on a new membership of Nanjing Medical University in ${org.en}: ` +
        "“Our charter, page 3.”",
    );
    expect(await about(second.id)).toHaveLength(2);
    const reply = await run("commentOnChangeRequest", admin, { changeRequestId: request.id, body: "Which edition?" });
    expect(reply.state.ok).toBe(true);
    expect(await about(admin.id)).toHaveLength(2);
    expect((await about(second.id)).at(-1)?.message).toBe(
      `${admin.name}评论了南京医科大学加入${org.zh}的新成员资格：“Which edition?”`,
    );
    expect(await about(away.id)).toEqual([]);
    await prisma.user.deleteMany({ where: { id: { in: [second.id, away.id] } } });
  });

  it("a comment refused (another university's request) tells no one", async () => {
    const { request } = await newMembershipRequest(nmuStaff, "Quiet Alliance");
    const count = await prisma.notification.count({ where: { changeRequestId: request.id } });
    const { state } = await run("commentOnChangeRequest", cuhkStaff, { changeRequestId: request.id, body: "Hi" });
    expect(state.ok).toBe(false);
    expect(await prisma.notification.count({ where: { changeRequestId: request.id } })).toBe(count);
  });
});
