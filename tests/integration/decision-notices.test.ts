// What people are told, and in which language: a decision names what changed and where, with links to the
// request and the public page (never a bare request id); notifications and mails are written in the language
// the proposer last acted in; an invitation, and its link, in the inviting admin's language.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import type { ActionContext } from "@/lib/actions/action";
import { proposeMembershipUpdate } from "@/lib/data/change-requests/propose";
import { rejectChangeRequest } from "@/lib/data/change-requests/decide";
import { decisionNotice } from "@/lib/data/change-requests/decision-notice";
import { membershipValuesSchema } from "@/lib/validation/memberships";
import { env } from "@/lib/env";
import { loadApp, restoreAppEnv } from "../support/app-env";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const prisma = testPrisma();
const unique = () => randomBytes(4).toString("hex");
const site = () => env().SITE_URL.replace(/\/$/, "");
const context: ActionContext = { clientAddress: "10.40.0.1", later: (task) => task() };
let admin: Actor;

/** A staff account of a university of its own, so that no other test's people change language. */
async function staffOf(slug: string): Promise<Actor> {
  const institution = await prisma.institution.findUniqueOrThrow({ where: { slug } });
  const email = `notice-${unique()}@example.org`;
  await prisma.user.create({
    data: { email, name: "Notice Reader", role: "STAFF", staffRole: "MANAGER", institutionId: institution.id },
  });
  return loadActor(prisma, email);
}

/** A pending correction of NMU's membership in Eurasia-Pacific Uninet, proposed by `staff`. */
async function proposeEpuNote(staff: Actor) {
  const m = await prisma.membership.findFirstOrThrow({
    where: { institution: { slug: "nanjing-medical-university" }, organization: { slug: "eurasia-pacific-uninet" } },
  });
  // One pending change per entry: what earlier test files left waiting on it is set aside.
  await prisma.changeRequest.updateMany({
    where: { membershipId: m.id, status: "PENDING" },
    data: { status: "WITHDRAWN" },
  });
  const values = membershipValuesSchema.parse({
    role: "MEMBER",
    status: "ACTIVE",
    joined: "",
    ended: "",
    notes: `Checked ${unique()}`,
    sourceUrl: "https://example.org/nmu/epu",
    sourceTitle: "NMU page",
    sourceQuote: `Our page says so (${Math.random().toString(36).slice(2)})`,
  });
  return proposeMembershipUpdate(staff, { membershipId: m.id, baseVersion: m.version, reason: null, values });
}

beforeAll(async () => {
  admin = await loadActor(prisma, "admin@atlas.test");
});
afterEach(async () => {
  restoreAppEnv();
  // The admin acted in Chinese in one test: back to the seed's language for the files that follow.
  await prisma.user.update({ where: { id: admin.id }, data: { locale: "en" } });
});
afterAll(() => prisma.$disconnect());

describe("decisions are told as what changed, where", () => {
  it("an ending of a membership is told as such in English and Chinese, not as a proposed organization", async () => {
    const staff = await staffOf("nanjing-medical-university");
    const m = await prisma.membership.findFirstOrThrow({
      where: { institution: { slug: "nanjing-medical-university" }, organization: { slug: "eurasia-pacific-uninet" } },
    });
    await prisma.changeRequest.updateMany({
      where: { membershipId: m.id, status: "PENDING" },
      data: { status: "WITHDRAWN" },
    });
    const values = membershipValuesSchema.parse({
      role: m.role,
      status: "WITHDRAWN",
      joined: "",
      ended: "2025",
      notes: "",
      sourceUrl: "https://example.org/nmu/epu-ended",
      sourceTitle: "NMU page",
      sourceQuote: `We left in 2025 (${unique()})`,
    });
    const request = await proposeMembershipUpdate(staff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values,
    });
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } })).kind).toBe("MEMBERSHIP_END");
    const en = await prisma.$transaction((tx) => decisionNotice(tx, request.id, { approved: false, reason: "No." }));
    expect(en.subject).toBe(
      "Not approved: your ending of Nanjing Medical University’s membership in Eurasia-Pacific Uninet",
    );
    await prisma.user.update({ where: { id: staff.id }, data: { locale: "zh" } });
    const zh = await prisma.$transaction((tx) => decisionNotice(tx, request.id, { approved: false, reason: "不行。" }));
    expect(zh.subject).toContain("您提议结束南京医科大学在");
    await prisma.changeRequest.update({ where: { id: request.id }, data: { status: "WITHDRAWN" } });
  });

  it("a rejection names the membership, gives the reason and links to the request, in English", async () => {
    const staff = await staffOf("nanjing-medical-university");
    const request = await proposeEpuNote(staff);
    await rejectChangeRequest(admin, request.id, "The page says otherwise.");

    // The proposer's (the admins were told of the request when it was sent).
    const note = await prisma.notification.findFirstOrThrow({
      where: { changeRequestId: request.id, userId: staff.id },
    });
    expect(note.message).toBe(
      "Your change to Nanjing Medical University’s membership in Eurasia-Pacific Uninet was rejected: " +
        "The page says otherwise.",
    );
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: staff.email } });
    expect(mail.subject).toBe(
      "Not approved: your change to Nanjing Medical University’s membership in Eurasia-Pacific Uninet",
    );
    expect(mail.text).toContain(`${site()}/en/account/requests/${request.id}`);
    expect(mail.text).not.toMatch(/change request \w+/);
  });

  it("an approval says it is public and links to the page where it shows", async () => {
    const staff = await staffOf("nanjing-medical-university");
    const request = await proposeEpuNote(staff);
    // The texts of an approval, as approveChangeRequest writes them in its transaction (nothing applied here).
    const notice = await prisma.$transaction((tx) =>
      decisionNotice(tx, request.id, { approved: true, comment: "Thanks, the page agrees." }),
    );
    expect(notice.message).toBe(
      "Your change to Nanjing Medical University’s membership in Eurasia-Pacific Uninet was approved. " +
        "The reviewer wrote: Thanks, the page agrees.",
    );
    expect(notice.subject).toBe(
      "Approved: your change to Nanjing Medical University’s membership in Eurasia-Pacific Uninet",
    );
    expect(notice.text).toContain(`It is public now: ${site()}/en/institutions/nanjing-medical-university`);
    expect(notice.text).toContain(`${site()}/en/account/requests/${request.id}`);
    expect(notice).toMatchObject({ userId: staff.id, email: staff.email });
  });
});

describe("in the recipient's language", () => {
  it(`a proposer who last acted in Chinese is told in Chinese; another university's staff acting on the request \
is refused and keeps their language`, async () => {
    const app = await loadApp({ HOST: "127.0.0.1" });
    const staff = await staffOf("nanjing-medical-university");
    const other = await staffOf("chinese-university-of-hong-kong");
    const request = await proposeEpuNote(staff);

    const refused = await app.runDefinition(
      app.actions.commentOnChangeRequest!,
      other,
      { changeRequestId: request.id, body: "不是我们的", locale: "zh" },
      "zh",
      context,
    );
    expect(refused.state.ok).toBe(false);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).locale).toBe("en");

    const commented = await app.runDefinition(
      app.actions.commentOnChangeRequest!,
      staff,
      { changeRequestId: request.id, body: "请审核", locale: "zh" },
      "zh",
      context,
    );
    expect(commented.state.ok).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: staff.id } })).locale).toBe("zh");

    await rejectChangeRequest(admin, request.id, "来源不符。");
    // The proposer's (the admins were told of the request when it was sent).
    const note = await prisma.notification.findFirstOrThrow({
      where: { changeRequestId: request.id, userId: staff.id },
    });
    expect(note.message).toBe("您对南京医科大学在欧亚太平洋学术协会中成员资格的修改未获批准：来源不符。");
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: staff.email } });
    expect(mail.subject).toBe("未批准：您对南京医科大学在欧亚太平洋学术协会中成员资格的修改");
    expect(mail.text).toContain(`${site()}/zh/account/requests/${request.id}`);
  });

  it("an invitation is written in the inviting admin's language, and its link opens in it", async () => {
    const app = await loadApp({ HOST: "127.0.0.1" });
    const email = `invited-zh-${unique()}@example.org`;
    const input = { email, name: "受邀者", role: "STAFF", institutionSlug: "nanjing-medical-university", locale: "zh" };
    const { state } = await app.runDefinition(app.actions.inviteUser!, admin, input, "zh", context);
    expect(state.ok).toBe(true);
    expect(state.handOver).toMatch(/\/zh\/password\/[\w-]{40,}$/);
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: email } });
    expect(mail.subject).toBe("邀请您加入 Alliance Atlas");
    expect(mail.text).toContain("邀请您在 Alliance Atlas 中维护贵校的条目");
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).locale).toBe("zh");
  });
});
