// Secretariat accounts (issue 16, first bullet): a person of an organization's secretariat signs up from the
// organization's page with the university sign-up's machinery (limits, the same answer, the single-use link) and waits,
// pending, of the organization and of no institution. An address at one of the organization's own domains that no
// institution lists lets the secretariat's managers approve it (the first by an admin, as manager); any other address
// (a host university's, as UASR's at xjtu.edu.cn, or none of the organization's) waits for an admin, who reads why.
// Managers manage their secretariat's colleagues as a university's manage theirs; never across sides.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionContext } from "@/lib/actions/action";
import type { Actor } from "@/lib/shared/actor";
import { loadActions } from "../support/actions";
import { consoleDuring } from "../support/app-env";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";
import { passwordLinkIn } from "../support/mailbox";
import { secretariatUser } from "../support/secretariats";

useWriteDatabase();

const prisma = testPrisma();
const { actions, runDefinition } = await loadActions();
const { listClaims, listManagedClaims, getOwnPendingClaim } = await import("@/lib/data/accounts/claims");
const { listColleagues } = await import("@/lib/data/accounts/colleagues");
const { listOrganizationEmailDomains } = await import("@/lib/data/secretariats/email-domains");
const { getSecretariatHome, listMyOrganizationRequests } = await import("@/lib/data/secretariats/home");
const { getStaffDashboard } = await import("@/lib/data/accounts/dashboard");
const { getAddressPrompt, requestAddressConfirmation, confirmAddressWithToken } = await import(
  "@/lib/data/accounts/address-reverification"
);
const { ForbiddenError } = await import("@/lib/shared/errors");

const unique = () => randomBytes(4).toString("hex");
let addresses = 0;
const from = (clientAddress = `10.16.${Math.floor(addresses / 250)}.${addresses++ % 250}`): ActionContext => ({
  clientAddress,
  later: (task) => task(),
});

/** An organization with no secretariat yet and a domain of its own, fresh for this file. */
let org: { id: string; slug: string; domain: string };
let admin: Actor;
let nmuManager: Actor;
/** A manager of another organization's secretariat (UABR). */
let otherSecretariat: Actor;

beforeAll(async () => {
  const o = await prisma.organization.findFirstOrThrow({
    where: {
      secretariat: { none: {} },
      slug: { notIn: ["university-alliance-of-the-silk-road", "university-alliance-of-belt-and-road"] },
    },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true },
  });
  org = { ...o, domain: `alliance-${unique()}.org` };
  admin = await loadActor(prisma, "admin@atlas.test");
  nmuManager = await loadActor(prisma, "staff@njmu.test");
  otherSecretariat = await loadActor(
    prisma,
    (
      await secretariatUser(prisma, {
        email: `manager-${unique()}@uabr.test`,
        organizationSlug: "university-alliance-of-belt-and-road",
      })
    ).email,
  );
  // The organization's own domain, and XJTU's, which a university lists: kept, never verifying on its own.
  const saved = await runDefinition(
    actions.setOrganizationEmailDomains!,
    admin,
    { organizationSlug: org.slug, domains: `${org.domain}\nxjtu.edu.cn` },
    "en",
  );
  expect(saved.state, saved.state.message ?? "").toMatchObject({ ok: true });
});

afterAll(() => prisma.$disconnect());

async function signUp(input: { email: string; slug?: string; name?: string; locale?: "en" | "zh" }, context = from()) {
  const raw = {
    organizationSlug: input.slug ?? org.slug,
    email: input.email,
    name: input.name ?? "Secretariat Person",
  };
  const { result, output } = await consoleDuring(() =>
    runDefinition(actions.requestSecretariatSignup!, null, raw, input.locale ?? "en", context),
  );
  const link = /\/password\/[\w-]{20,}/.test(output) ? passwordLinkIn(output) : null;
  return { state: result.state, token: link?.split("/").at(-1) ?? null };
}

/** Signed up, link used, password chosen: the pending person as the data layer sees them. */
async function verified(email: string, slug = org.slug) {
  const { state, token } = await signUp({ email, slug });
  expect(state, state.message ?? "").toMatchObject({ ok: true });
  expect(token).toBeTruthy();
  const password = `secretariat-${unique()}`;
  const set = await runDefinition(actions.setPassword!, null, { token, password, confirm: password }, "en");
  expect(set.state.ok, set.state.message ?? "").toBe(true);
  return loadActor(prisma, email);
}

const row = (email: string) =>
  prisma.user.findUniqueOrThrow({
    where: { email },
    select: {
      id: true,
      role: true,
      staffRole: true,
      institutionId: true,
      organizationId: true,
      domainVerified: true,
      disabledAt: true,
      sessionVersion: true,
    },
  });

const usersOf = (organizationId: string) =>
  prisma.user.findMany({
    where: { organizationId },
    orderBy: { id: "asc" },
    select: { id: true, staffRole: true, disabledAt: true, organizationId: true, sessionVersion: true },
  });

describe("organization email domains", () => {
  it("lists each domain with the university sharing it; only admins set them; bad input changes nothing", async () => {
    const domains = await listOrganizationEmailDomains(admin, org.slug, "en");
    expect(domains).toEqual([
      { domain: org.domain, sharedWith: null },
      { domain: "xjtu.edu.cn", sharedWith: expect.stringMatching(/Xi.an Jiaotong University/) },
    ]);
    const before = await prisma.organization.findUniqueOrThrow({ where: { id: org.id } });
    const audit = await prisma.auditEvent.count();
    for (const [actor, domainsText, why] of [
      [nmuManager, "evil.example", /Only admins set an organization's email domains/],
      [otherSecretariat, "evil.example", /Only admins/],
      [null, "evil.example", /sign in/i],
      [admin, "gmail.com", /gmail\.com is a free mail service/],
      [admin, "not a domain!", /is not a domain/],
      [admin, Array.from({ length: 21 }, (_, i) => `d${i}.example.org`).join("\n"), /at most 20/],
    ] as const) {
      const { state } = await runDefinition(
        actions.setOrganizationEmailDomains!,
        actor,
        { organizationSlug: org.slug, domains: domainsText },
        "en",
      );
      expect(state.ok).toBe(false);
      expect(state.message).toMatch(why);
    }
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).toEqual(before);
    expect(await prisma.auditEvent.count()).toBe(audit);
    const zh = await runDefinition(
      actions.setOrganizationEmailDomains!,
      admin,
      { organizationSlug: org.slug, domains: "gmail.com" },
      "zh",
    );
    expect(zh.state.message).toBe("gmail.com 是免费邮箱服务：任何人都能在那里拥有地址。");
    const audited = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "organization.email-domains", entityId: org.id },
      orderBy: { at: "desc" },
    });
    expect(audited.after).toEqual({ emailDomains: [org.domain, "xjtu.edu.cn"] });
  });
});

describe("secretariat sign-up", () => {
  it("creates a pending account of the organization and of no institution, and mails a single-use link", async () => {
    const email = `li.${unique()}@${org.domain}`;
    const { state, token } = await signUp({ email: email.toUpperCase() });
    expect(state).toMatchObject({
      ok: true,
      message: "Check your inbox: we sent a mail to this address with what to do next.",
    });
    expect(await row(email)).toMatchObject({
      role: "STAFF",
      staffRole: null,
      institutionId: null,
      organizationId: org.id,
      disabledAt: null,
    });
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: email } });
    expect(mail.subject).toBe("Confirm your sign-up to Alliance Atlas");
    expect(mail.text).not.toContain(token!);
    // The link works once.
    const password = `secretariat-${unique()}`;
    const first = await runDefinition(actions.setPassword!, null, { token, password, confirm: password }, "en");
    expect(first.state.ok).toBe(true);
    const again = await runDefinition(actions.setPassword!, null, { token, password, confirm: password }, "en");
    expect(again.state.ok).toBe(false);
  });

  it.each([
    ["someone@gmail.com", /at the organization's secretariat: addresses of free mail services are not accepted/],
    ["student@link.cuhk.edu.hk", /students' or alumni's/],
    ["not-an-address@", /Enter a valid email address|not an email address/],
  ])("refuses %s, saying why, and creates nothing", async (email, why) => {
    const users = await prisma.user.count();
    const mails = await prisma.outboxMail.count();
    const limits = await prisma.rateLimit.findMany({ orderBy: { key: "asc" } });
    const { state, token } = await signUp({ email });
    expect(state.ok).toBe(false);
    expect(`${state.message} ${state.fieldErrors.email?.join(" ")}`).toMatch(why);
    expect(token).toBeNull();
    expect(await prisma.user.count()).toBe(users);
    expect(await prisma.outboxMail.count()).toBe(mails);
    expect(await prisma.rateLimit.findMany({ orderBy: { key: "asc" } })).toEqual(limits);
  });

  it("says why in Chinese, and refuses an organization that does not exist", async () => {
    const { state } = await signUp({ email: "someone@gmail.com", locale: "zh" });
    expect(state).toMatchObject({
      ok: false,
      message: "请使用您在该组织秘书处的工作邮箱注册：不接受免费邮箱服务的地址。",
    });
    const users = await prisma.user.count();
    const missing = await signUp({ email: `x.${unique()}@${org.domain}`, slug: "no-such-organization" });
    expect(missing.state.ok).toBe(false);
    expect(missing.state.message).toBe("No such organization.");
    expect(await prisma.user.count()).toBe(users);
  });

  it("a known address: the same answer, no second account, the owner told by mail", async () => {
    const email = `known.${unique()}@${org.domain}`;
    await verified(email);
    const users = await prisma.user.count();
    const { state, token } = await signUp({ email });
    expect(state).toMatchObject({
      ok: true,
      message: "Check your inbox: we sent a mail to this address with what to do next.",
    });
    expect(token).toBeNull();
    expect(await prisma.user.count()).toBe(users);
    const mails = await prisma.outboxMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
    expect(mails.at(-1)?.subject).toBe("Your Alliance Atlas account");
  });

  it("shares the university sign-up's limits: per address typed, across both forms", async () => {
    const email = `limits.${unique()}@xjtu.edu.cn`;
    const university = () =>
      consoleDuring(() => runDefinition(actions.requestSignup!, null, { email, name: "Li" }, "en", from()));
    expect((await university()).result.state.ok).toBe(true);
    expect((await signUp({ email })).state.ok).toBe(true);
    expect((await university()).result.state.ok).toBe(true);
    const users = await prisma.user.count();
    const over = await signUp({ email });
    expect(over.state).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many sign-up requests/) });
    expect(over.token).toBeNull();
    expect(await prisma.user.count()).toBe(users);
  });
});

describe("who approves whom", () => {
  let first: Actor;
  let second: Actor;
  let shared: Actor;
  let other: Actor;

  it("the first, at the organization's own domain, waits for an admin and becomes the manager", async () => {
    first = await verified(`first.${unique()}@${org.domain}`);
    const waiting = await getOwnPendingClaim(first, "en");
    expect(waiting).toMatchObject({ side: "organization", adminDecides: false });
    const claim = (await listClaims(admin, "en")).find((c) => c.id === first.id);
    expect(claim).toMatchObject({
      side: "organization",
      organization: { slug: org.slug },
      address: { kind: "own", domain: org.domain },
      hasManagers: false,
    });
    const approved = await runDefinition(actions.approveClaim!, admin, { userId: first.id }, "en");
    expect(approved.state).toMatchObject({
      ok: true,
      message: "Approved: the person is now their organization's secretariat manager.",
    });
    expect(await row(first.email)).toMatchObject({ staffRole: "MANAGER", domainVerified: true, institutionId: null });
    const mail = await prisma.outboxMail.findFirstOrThrow({
      where: { to: first.email, subject: "Your Alliance Atlas account is approved" },
    });
    expect(mail.text).toContain("your organization’s secretariat manager");
    first = await loadActor(prisma, first.email);
  });

  it("a later one at the own domain: the secretariat's manager sees and approves it, as editor", async () => {
    second = await verified(`second.${unique()}@mail.${org.domain}`);
    const mine = await listManagedClaims(first, "en");
    expect(mine.map((c) => c.id)).toContain(second.id);
    const approved = await runDefinition(actions.approveClaim!, first, { userId: second.id }, "zh");
    expect(approved.state).toMatchObject({ ok: true, message: "已批准：此人现为所在组织秘书处的编辑。" });
    expect(await row(second.email)).toMatchObject({ staffRole: "EDITOR", domainVerified: true });
    second = await loadActor(prisma, second.email);
  });

  it("at a member university's domain (xjtu.edu.cn): only an admin approves, and the list says why", async () => {
    shared = await verified(`shared.${unique()}@xjtu.edu.cn`);
    expect(await row(shared.email)).toMatchObject({ organizationId: org.id, institutionId: null });
    expect(await getOwnPendingClaim(shared, "en")).toMatchObject({ side: "organization", adminDecides: true });
    expect((await listManagedClaims(first, "en")).map((c) => c.id)).not.toContain(shared.id);
    const claim = (await listClaims(admin, "en")).find((c) => c.id === shared.id);
    expect(claim).toMatchObject({
      side: "organization",
      address: { kind: "shared", domain: "xjtu.edu.cn", institution: { slug: "xian-jiaotong-university" } },
      hasManagers: true,
    });
    const before = await usersOf(org.id);
    const byManager = await runDefinition(actions.approveClaim!, first, { userId: shared.id }, "en");
    expect(byManager.state).toMatchObject({
      ok: false,
      message: "Only an admin approves this sign-up: its address is not at one of your organization's own domains.",
    });
    const rejectByManager = await runDefinition(actions.rejectClaim!, first, { userId: shared.id }, "en");
    expect(rejectByManager.state.ok).toBe(false);
    expect(await usersOf(org.id)).toEqual(before);
    const byAdmin = await runDefinition(actions.approveClaim!, admin, { userId: shared.id }, "en");
    expect(byAdmin.state.ok, byAdmin.state.message ?? "").toBe(true);
    expect(await row(shared.email)).toMatchObject({ staffRole: "EDITOR", domainVerified: false, institutionId: null });
    shared = await loadActor(prisma, shared.email);
  });

  it("at no domain of the organization: an admin decides; the wrong deciders change nothing", async () => {
    other = await verified(`other.${unique()}@example.net`);
    const claim = (await listClaims(admin, "en")).find((c) => c.id === other.id);
    expect(claim).toMatchObject({ address: { kind: "other", domain: "example.net" } });
    const before = JSON.stringify(await usersOf(org.id));
    const audit = await prisma.auditEvent.count();
    // A university's manager, another organization's secretariat, an editor of this one, anonymous, the person.
    for (const actor of [nmuManager, otherSecretariat, second, null, other])
      for (const name of ["approveClaim", "rejectClaim"] as const) {
        const { state } = await runDefinition(actions[name]!, actor, { userId: other.id }, "en");
        expect(state.ok, `${name} by ${actor?.email ?? "anonymous"}`).toBe(false);
      }
    expect(JSON.stringify(await usersOf(org.id))).toBe(before);
    expect(await prisma.auditEvent.count()).toBe(audit);
    const rejected = await runDefinition(actions.rejectClaim!, admin, { userId: other.id }, "en");
    expect(rejected.state.ok).toBe(true);
    expect((await row(other.email)).disabledAt).not.toBeNull();
    const mail = await prisma.outboxMail.findFirstOrThrow({
      where: { to: other.email, subject: "Your Alliance Atlas sign-up was not approved" },
    });
    expect(mail.text).toContain("your organization’s secretariat");
  });

  it("a university's manager never sees a secretariat's claims, nor the other way round", async () => {
    const univ = await listManagedClaims(nmuManager, "en");
    expect(univ.every((c) => c.side === "institution")).toBe(true);
    const secretariat = await listManagedClaims(first, "en");
    expect(secretariat.every((c) => c.side === "organization" && c.organization.slug === org.slug)).toBe(true);
    const pendingUniversity = await prisma.user.create({
      data: {
        email: `pending.${unique()}@njmu.edu.cn`,
        name: "NMU Pending",
        role: "STAFF",
        institutionId: nmuManager.institutionId,
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
      },
    });
    const { state } = await runDefinition(actions.approveClaim!, first, { userId: pendingUniversity.id }, "en");
    expect(state).toMatchObject({ ok: false, message: "Nobody with this account waits for approval." });
    expect((await row(pendingUniversity.email)).staffRole).toBeNull();
  });

  describe("colleagues", () => {
    it("the secretariat's people see each other, and only each other", async () => {
      const list = await listColleagues(second);
      expect(list.side).toBe("organization");
      expect(list.canManage).toBe(false);
      expect(list.colleagues.map((c) => c.email).sort()).toEqual([first.email, second.email, shared.email].sort());
    });

    it("its manager sets a role and removes a colleague; both audited; the last manager stays", async () => {
      const promoted = await runDefinition(
        actions.setColleagueRole!,
        first,
        { userId: second.id, staffRole: "MANAGER" },
        "en",
      );
      expect(promoted.state.ok, promoted.state.message ?? "").toBe(true);
      expect((await row(second.email)).staffRole).toBe("MANAGER");
      const back = await runDefinition(
        actions.setColleagueRole!,
        first,
        { userId: second.id, staffRole: "EDITOR" },
        "en",
      );
      expect(back.state.ok).toBe(true);
      const self = await runDefinition(
        actions.setColleagueRole!,
        first,
        { userId: first.id, staffRole: "EDITOR" },
        "en",
      );
      expect(self.state).toMatchObject({
        ok: false,
        message: "Your organization's secretariat keeps at least one manager: make a colleague manager first.",
      });
      const removed = await runDefinition(actions.removeColleague!, first, { userId: shared.id }, "en");
      expect(removed.state).toMatchObject({
        ok: true,
        message: "Removed: the account is disabled and no longer your organization's.",
      });
      expect(await row(shared.email)).toMatchObject({ organizationId: null, staffRole: null });
      expect((await row(shared.email)).disabledAt).not.toBeNull();
    });

    it("never across sides: a university's manager, another secretariat, an editor change nothing", async () => {
      const before = JSON.stringify(await usersOf(org.id));
      const nmuBefore = await prisma.user.findMany({
        where: { institutionId: nmuManager.institutionId },
        orderBy: { id: "asc" },
      });
      const cases: [Actor | null, string][] = [
        [nmuManager, second.id],
        [otherSecretariat, second.id],
        [second, first.id],
        [null, second.id],
        // The secretariat's manager on a university's staff member.
        [first, nmuManager.id],
      ];
      for (const [actor, userId] of cases) {
        const role = await runDefinition(actions.setColleagueRole!, actor, { userId, staffRole: "MANAGER" }, "en");
        expect(role.state.ok).toBe(false);
        const remove = await runDefinition(actions.removeColleague!, actor, { userId }, "en");
        expect(remove.state.ok).toBe(false);
      }
      expect(JSON.stringify(await usersOf(org.id))).toBe(before);
      expect(
        await prisma.user.findMany({ where: { institutionId: nmuManager.institutionId }, orderBy: { id: "asc" } }),
      ).toEqual(nmuBefore);
    });
  });

  it("an admin sets a secretariat account's role: it keeps its organization and gets no institution", async () => {
    const { state } = await runDefinition(
      actions.updateUserAccess!,
      admin,
      { userId: second.id, role: "STAFF", staffRole: "MANAGER", institutionSlug: "", institution: "", disabled: "" },
      "en",
    );
    expect(state.ok, state.message ?? "").toBe(true);
    expect(await row(second.email)).toMatchObject({
      staffRole: "MANAGER",
      organizationId: org.id,
      institutionId: null,
    });
    const back = await runDefinition(
      actions.updateUserAccess!,
      admin,
      { userId: second.id, role: "STAFF", staffRole: "EDITOR", institutionSlug: "", institution: "", disabled: "" },
      "en",
    );
    expect(back.state.ok).toBe(true);
    second = await loadActor(prisma, second.email);
  });

  describe("the account's own pages", () => {
    it("the home names the organization and reads no university's data", async () => {
      const home = await getSecretariatHome(first, "en");
      expect(home.organization.slug).toBe(org.slug);
      expect(await listMyOrganizationRequests(first, "en")).toEqual([]);
      await expect(getStaffDashboard(first, "en")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getSecretariatHome(nmuManager, "en")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listMyOrganizationRequests(nmuManager, "en")).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("lists the organization's side's requests, none of a university's", async () => {
      const m = await prisma.membership.findFirstOrThrow({ where: { organizationId: org.id } });
      const request = await prisma.changeRequest.create({
        data: {
          kind: "MEMBERSHIP_UPDATE",
          side: "ORGANIZATION",
          institutionId: m.institutionId,
          organizationId: org.id,
          membershipId: m.id,
          baseVersion: m.version,
          before: {},
          proposed: {},
          proposedById: first.id,
        },
      });
      const rows = await listMyOrganizationRequests(first, "en");
      expect(rows.map((r) => r.id)).toEqual([request.id]);
      expect(rows[0]).toMatchObject({ status: "PENDING", proposedBy: first.name });
      await prisma.changeRequest.update({ where: { id: request.id }, data: { status: "WITHDRAWN" } });
    });
  });

  describe("the yearly address confirmation", () => {
    const overdue = (email: string) =>
      prisma.user.update({ where: { email }, data: { emailVerifiedAt: new Date(Date.now() - 400 * 86_400_000) } });

    async function linkFor(actor: Actor) {
      const { output } = await consoleDuring(() => requestAddressConfirmation(actor, "en"));
      const token = /confirm-address\/([\w-]{20,})/.exec(output)?.[1];
      expect(token).toBeTruthy();
      return token!;
    }

    it("a domain-verified account is asked, and confirms only while the domain is the organization's own", async () => {
      await overdue(first.email);
      const actor = await loadActor(prisma, first.email);
      const prompt = await getAddressPrompt(actor, "en");
      expect(prompt).toMatchObject({ email: first.email, standing: "overdue" });
      const organizationName = (await getSecretariatHome(actor, "en")).organization.name;
      expect(prompt?.institution).toBe(organizationName);
      const token = await linkFor(actor);
      // The organization's domain is gone: nothing changes, and the person is sent to an admin.
      await prisma.organization.update({ where: { id: org.id }, data: { emailDomains: ["xjtu.edu.cn"] } });
      const before = await prisma.user.findUniqueOrThrow({ where: { email: first.email } });
      await expect(confirmAddressWithToken(null, token)).rejects.toThrow(/no longer at one of your organization/);
      expect(await prisma.user.findUniqueOrThrow({ where: { email: first.email } })).toEqual(before);
      expect(await getAddressPrompt(await loadActor(prisma, first.email), "en")).toMatchObject({ standing: "overdue" });
      await prisma.organization.update({ where: { id: org.id }, data: { emailDomains: [org.domain, "xjtu.edu.cn"] } });
      await confirmAddressWithToken(null, token);
      expect(await getAddressPrompt(await loadActor(prisma, first.email), "en")).toBeNull();
    });

    it("an account an admin approved on other grounds proves its mailbox only", async () => {
      const email = `mailbox.${unique()}@example.org`;
      const person = await verified(email);
      await runDefinition(actions.approveClaim!, admin, { userId: person.id }, "en");
      expect((await row(email)).domainVerified).toBe(false);
      await overdue(email);
      const actor = await loadActor(prisma, email);
      const token = await linkFor(actor);
      await confirmAddressWithToken(actor, token);
      expect(await getAddressPrompt(await loadActor(prisma, email), "en")).toBeNull();
      // An overdue secretariat account writes nothing until it confirms (guards.ts), as a university's staff.
      await overdue(email);
      const late = await loadActor(prisma, email);
      const { state } = await runDefinition(
        actions.setColleagueRole!,
        late,
        { userId: first.id, staffRole: "MANAGER" },
        "en",
      );
      expect(state.ok).toBe(false);
    });
  });

  it("an editor leaves and deletes their account; the only manager names another first", async () => {
    const only = await runDefinition(actions.leaveAndDeleteAccount!, first, { confirmEmail: first.email }, "en");
    expect(only.state).toMatchObject({
      ok: false,
      message: "You are your organization's secretariat's only manager: make a colleague manager first.",
    });
    expect((await row(first.email)).disabledAt).toBeNull();
    const left = await runDefinition(actions.leaveAndDeleteAccount!, second, { confirmEmail: second.email }, "en");
    expect(left.state.ok, left.state.message ?? "").toBe(true);
    expect(
      await prisma.user.findUniqueOrThrow({ where: { id: second.id }, select: { organizationId: true, name: true } }),
    ).toEqual({ organizationId: null, name: "Former staff member" });
  });
});
