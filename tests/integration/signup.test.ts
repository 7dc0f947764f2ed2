// Staff sign up themselves (issue 15 §2): the domain of the work address names the institution, the mailbox proves
// the address (the link sets the password), and a person lets them in: an admin the first of an institution, as its
// manager; a manager of that institution the later ones, as editors. Until then the account can propose nothing.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { ActionContext } from "@/lib/actions/action";
import type { Actor } from "@/lib/shared/actor";
import { loadActions } from "../support/actions";
import { consoleDuring } from "../support/app-env";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";
import { passwordLinkIn } from "../support/mailbox";

useWriteDatabase();

const prisma = testPrisma();
const { actions, runDefinition } = await loadActions();
const { purgeExpiredSignups } = await import("@/lib/data/accounts/signup");
const { institutionForEmail } = await import("@/lib/data/accounts/institution-for-email");
const { checkLinkToken, linkTokenHash } = await import("@/lib/data/accounts/link-tokens");
const unique = () => randomBytes(4).toString("hex");
let addresses = 0;
/** A new client address for each request, unless a test is about one address's limit. */
const from = (clientAddress = `10.15.${Math.floor(addresses / 250)}.${addresses++ % 250}`): ActionContext => ({
  clientAddress,
  later: (task) => task(),
});

afterAll(() => prisma.$disconnect());

/** Sign up as the form does; the link printed on the console (no SMTP in integration tests) is the mailed one. */
async function signUp(email: string, name = "Li Wei", locale: "en" | "zh" = "en", context = from()) {
  const { result, output } = await consoleDuring(() =>
    runDefinition(actions.requestSignup!, null, { email, name }, locale, context),
  );
  const link = /\/password\/[\w-]{20,}/.test(output) ? passwordLinkIn(output) : null;
  return { state: result.state, token: link?.split("/").at(-1) ?? null };
}

async function setPassword(token: string) {
  const password = `signup-password-${unique()}`;
  return (await runDefinition(actions.setPassword!, null, { token, password, confirm: password }, "en")).state;
}

const stateOf = (email: string) =>
  prisma.user.findUnique({
    where: { email },
    select: {
      id: true,
      role: true,
      staffRole: true,
      institutionId: true,
      disabledAt: true,
      passwordHash: true,
      sessionVersion: true,
    },
  });

/** Signed up and verified: the person as the data layer sees them when they sign in. */
async function verifiedPerson(email: string, name = "Person") {
  const { state, token } = await signUp(email, name);
  expect(state.ok, state.message ?? "").toBe(true);
  expect(token).toBeTruthy();
  expect((await setPassword(token!)).ok).toBe(true);
  return loadActor(prisma, email);
}

/** An institution with a staff domain of its own and no staff yet, as a sign-up meets it the first time. */
async function institutionWithoutStaff() {
  const candidates = await prisma.institution.findMany({
    where: { emailDomains: { isEmpty: false }, users: { none: {} }, country: "JP" },
    select: { id: true, slug: true, emailDomains: true },
    orderBy: { slug: "asc" },
    take: 20,
  });
  for (const c of candidates) {
    const domain = c.emailDomains[0]!;
    const found = await institutionForEmail(`x@${domain}`, "en");
    if (found.kind === "institution" && found.institution.id === c.id) return { ...c, domain };
  }
  throw new Error("No institution with a domain of its own and no staff");
}

describe("sign-up", () => {
  it("for xjtu.edu.cn creates a pending account of Xi'an Jiaotong University and mails a link", async () => {
    const email = `li.wei.${unique()}@xjtu.edu.cn`;
    const { state, token } = await signUp(email.toUpperCase(), "Li Wei");
    expect(state).toMatchObject({
      ok: true,
      message: "Check your inbox: we sent a mail to this address with what to do next.",
    });
    const xjtu = await prisma.institution.findUniqueOrThrow({ where: { slug: "xian-jiaotong-university" } });
    expect(await stateOf(email)).toMatchObject({
      role: "STAFF",
      staffRole: null,
      institutionId: xjtu.id,
      passwordHash: null,
      disabledAt: null,
    });
    expect(token).toBeTruthy();
    const user = await stateOf(email);
    expect(
      await prisma.userToken.findFirstOrThrow({
        where: { userId: user!.id },
        select: { purpose: true, createdById: true },
      }),
    ).toEqual({ purpose: "INVITE", createdById: null });
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: email } });
    expect(mail.subject).toBe("Confirm your sign-up to Alliance Atlas");
    // The outbox keeps the mail without its link.
    expect(mail.text).not.toContain(token!);
  });

  it.each([
    ["someone@gmail.com", /free mail/],
    ["student@link.cuhk.edu.hk", /students' or alumni's/],
    ["li@xjtu.edu.cn.evil.com", /No university in the directory uses the domain xjtu\.edu\.cn\.evil\.com/],
    ["li@evilxjtu.edu.cn", /No university in the directory uses the domain evilxjtu\.edu\.cn/],
  ])("refuses %s, saying why, and creates nothing", async (email, why) => {
    const users = await prisma.user.count();
    const mails = await prisma.outboxMail.count();
    const limits = await prisma.rateLimit.findMany({ orderBy: { key: "asc" } });
    const { state, token } = await signUp(email);
    expect(state.ok).toBe(false);
    expect(state.message).toMatch(why);
    expect(state.fieldErrors.email?.[0]).toMatch(why);
    expect(token).toBeNull();
    expect(await prisma.user.count()).toBe(users);
    expect(await prisma.outboxMail.count()).toBe(mails);
    // Refused before the limits: counted against nothing.
    expect(await prisma.rateLimit.findMany({ orderBy: { key: "asc" } })).toEqual(limits);
  });

  it("says why in Chinese on /zh", async () => {
    const { state } = await signUp("someone@gmail.com", "李伟", "zh");
    expect(state).toMatchObject({ ok: false, message: "请使用您在大学的工作邮箱注册：不接受免费邮箱服务的地址。" });
    const unknown = await signUp("li@xjtu.edu.cn.evil.com", "李伟", "zh");
    expect(unknown.state.message).toBe("名录中没有任何大学使用域名 xjtu.edu.cn.evil.com。请使用您的大学邮箱注册。");
  });

  it("a known address: the same answer, no second account, and the owner told by mail", async () => {
    const email = `known.${unique()}@xjtu.edu.cn`;
    const first = await signUp(email, "First");
    const again = await signUp(email, "Someone else");
    expect(again.state).toEqual(first.state);
    expect(again.token).toBeNull();
    expect(await prisma.user.count({ where: { email } })).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).name).toBe("First");
    const mails = await prisma.outboxMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.subject)).toEqual([
      "Confirm your sign-up to Alliance Atlas",
      "Your Alliance Atlas account",
    ]);
    expect(mails[1]!.text).toContain("/en/login/reset");
  });

  it("limits requests per email address and per client address, sending nothing over a limit", async () => {
    const email = `limited.${unique()}@xjtu.edu.cn`;
    for (let i = 0; i < 3; i++) expect((await signUp(email)).state.ok).toBe(true);
    const over = await signUp(email);
    expect(over.state).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Too many sign-up requests\. Nothing was sent/),
    });
    expect(await prisma.outboxMail.count({ where: { to: email } })).toBe(3);
    // In a Chinese form the refusal is Chinese, with the wait in it.
    expect((await signUp(email, "Limited", "zh")).state.message).toMatch(
      /^注册请求过多，未发送任何邮件；请 \d+ 分钟后再试。$/,
    );

    const address = `10.16.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 10; i++)
      expect((await signUp(`many.${unique()}@xjtu.edu.cn`, "M", "en", from(address))).state.ok).toBe(true);
    const tooMany = `many.${unique()}@xjtu.edu.cn`;
    expect((await signUp(tooMany, "M", "en", from(address))).state.ok).toBe(false);
    expect(await stateOf(tooMany)).toBeNull();
  });

  it("its link's page tells a sign-up from an invitation: an expired one says to sign up again", async () => {
    const { token } = await signUp(`lapsed.${unique()}@xjtu.edu.cn`);
    expect(await checkLinkToken(token!)).toEqual({ state: "valid", purpose: "SIGNUP" });
    await prisma.userToken.update({
      where: { tokenHash: linkTokenHash(token!) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await checkLinkToken(token!)).toEqual({ state: "expired", purpose: "SIGNUP" });
    const used = await signUp(`used.${unique()}@xjtu.edu.cn`);
    expect((await setPassword(used.token!)).ok).toBe(true);
    expect(await checkLinkToken(used.token!)).toEqual({ state: "used", purpose: "SIGNUP" });
  });

  it("the link works once; the verified account is pending and can propose nothing", async () => {
    const email = `once.${unique()}@xjtu.edu.cn`;
    const { token } = await signUp(email);
    expect((await setPassword(token!)).ok).toBe(true);
    const again = await setPassword(token!);
    expect(again).toMatchObject({
      ok: false,
      message: "This link has expired or was already used. Ask for a new one.",
    });
    const actor = await loadActor(prisma, email);
    expect(actor).toMatchObject({ role: "STAFF", staffRole: null });
    // A membership of its own institution: an approved colleague could propose it.
    const organization = await prisma.organization.findFirstOrThrow({ orderBy: { slug: "asc" } });
    const requests = await prisma.changeRequest.count();
    const { state } = await runDefinition(
      actions.proposeMembershipCreate!,
      actor,
      {
        organizationSlug: organization.slug,
        reason: "",
        values: {
          role: "MEMBER",
          status: "ACTIVE",
          joined: "2016",
          ended: "",
          notes: "pending",
          sourceUrl: "https://example.org/s",
          sourceTitle: "S",
          sourceQuote: `Pending ${unique()}`,
        },
      },
      "en",
    );
    expect(state).toMatchObject({
      ok: false,
      message: "Your account is waiting for approval: you can propose changes once it is approved.",
    });
    expect(await prisma.changeRequest.count()).toBe(requests);
  });

  it("purges a sign-up never verified once its link expired, so the person can sign up again", async () => {
    const email = `expired.${unique()}@xjtu.edu.cn`;
    await signUp(email);
    const user = await stateOf(email);
    const long = new Date(Date.now() - 8 * 86_400_000);
    await prisma.user.update({ where: { id: user!.id }, data: { createdAt: long } });
    await prisma.userToken.updateMany({ where: { userId: user!.id }, data: { expiresAt: long } });
    expect(await purgeExpiredSignups()).toBeGreaterThanOrEqual(1);
    expect(await stateOf(email)).toBeNull();
    const again = await signUp(email);
    expect(again.token).toBeTruthy();
    expect(await stateOf(email)).toMatchObject({ staffRole: null, passwordHash: null });
  });
});

describe("approval", () => {
  it("admin approves the first as manager; that manager approves a colleague as editor; both told", async () => {
    const place = await institutionWithoutStaff();
    const admin = await loadActor(prisma, "admin@atlas.test");
    const first = await verifiedPerson(`first.${unique()}@${place.domain}`, "First");
    const second = await verifiedPerson(`second.${unique()}@${place.domain}`, "Second");
    // The manager of the institution does not exist yet: a colleague's word is no one's.
    const before = await stateOf(second.email);
    expect((await runDefinition(actions.approveClaim!, first, { userId: second.id }, "en")).state.ok).toBe(false);
    expect(await stateOf(second.email)).toEqual(before);

    const approved = await runDefinition(actions.approveClaim!, admin, { userId: first.id }, "en");
    expect(approved.state).toMatchObject({
      ok: true,
      message: "Approved: the person is now their institution's manager.",
    });
    expect(await stateOf(first.email)).toMatchObject({
      staffRole: "MANAGER",
      institutionId: place.id,
      disabledAt: null,
    });
    const manager = await loadActor(prisma, first.email);
    const byManager = await runDefinition(actions.approveClaim!, manager, { userId: second.id }, "zh");
    expect(byManager.state).toMatchObject({ ok: true, message: "已批准：此人现为其所在院校的编辑。" });
    expect((await stateOf(second.email))?.staffRole).toBe("EDITOR");
    expect(
      await prisma.auditEvent.findMany({
        where: { action: "user.claim-approve", entityId: { in: [first.id, second.id] } },
        select: { entityId: true, actorId: true, after: true },
        orderBy: { at: "asc" },
      }),
    ).toEqual([
      { entityId: first.id, actorId: admin.id, after: { staffRole: "MANAGER", institutionId: place.id } },
      { entityId: second.id, actorId: manager.id, after: { staffRole: "EDITOR", institutionId: place.id } },
    ]);
    const told = await prisma.outboxMail.findFirstOrThrow({
      where: { to: second.email, subject: { contains: "approved" } },
    });
    expect(told.text).toContain("an editor of your institution");
    const toldFirst = await prisma.outboxMail.findFirstOrThrow({
      where: { to: first.email, subject: { contains: "approved" } },
    });
    expect(toldFirst.text).toContain("your institution’s manager");
  });

  it("rejection disables the account, is audited and told by mail", async () => {
    const place = await institutionWithoutStaff();
    const admin = await loadActor(prisma, "admin@atlas.test");
    const person = await verifiedPerson(`turned.${unique()}@${place.domain}`);
    const { state } = await runDefinition(actions.rejectClaim!, admin, { userId: person.id }, "en");
    expect(state).toMatchObject({ ok: true, message: "Rejected: the account is disabled." });
    expect((await stateOf(person.email))?.disabledAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "user.claim-reject", entityId: person.id } })).toBe(1);
    expect(await prisma.outboxMail.count({ where: { to: person.email, subject: { contains: "not approved" } } })).toBe(
      1,
    );
    // Decided: nothing left to approve.
    expect((await runDefinition(actions.approveClaim!, admin, { userId: person.id }, "en")).state.ok).toBe(false);
  });

  it("an editor, another university's manager and anonymous cannot approve or reject; nothing changes", async () => {
    const place = await institutionWithoutStaff();
    const admin = await loadActor(prisma, "admin@atlas.test");
    const manager = await verifiedPerson(`m.${unique()}@${place.domain}`);
    await runDefinition(actions.approveClaim!, admin, { userId: manager.id }, "en");
    const editor = await verifiedPerson(`e.${unique()}@${place.domain}`);
    await runDefinition(actions.approveClaim!, admin, { userId: editor.id }, "en");
    const waiting = await verifiedPerson(`w.${unique()}@${place.domain}`);
    const others: (Actor | null)[] = [
      await loadActor(prisma, editor.email),
      await loadActor(prisma, "staff@cuhk.test"),
      null,
    ];
    const before = await stateOf(waiting.email);
    const audits = await prisma.auditEvent.count();
    for (const actor of others)
      for (const name of ["approveClaim", "rejectClaim"] as const) {
        const { state } = await runDefinition(actions[name]!, actor, { userId: waiting.id }, "en");
        expect(state.ok).toBe(false);
      }
    expect(await stateOf(waiting.email)).toEqual(before);
    expect(await prisma.auditEvent.count()).toBe(audits);
  });
});
