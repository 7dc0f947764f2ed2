// Staff re-confirm their address yearly (issue 15 §4): a verified address proves a mailbox, not a job. Within 30 days
// of the due date the account pages ask; once overdue the account reads but cannot write, until the link mailed to
// the address is used, once, by its owner (or signed out), while the address's domain is still the institution's.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { loadActions } from "../support/actions";
import { consoleDuring } from "../support/app-env";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const prisma = testPrisma();
const { actions, runDefinition } = await loadActions();
const { getAddressPrompt } = await import("@/lib/data/accounts/address-reverification");
const { listMyInstitutionRequests } = await import("@/lib/data/change-requests/queries");
const { getStaffDashboard } = await import("@/lib/data/accounts/dashboard");
const { listUsers } = await import("@/lib/data/accounts/user-admin");
const { REVERIFY_LIMITS } = await import("@/lib/data/accounts/address-reverification");

const DAY = 86_400_000;
const OVERDUE = "Confirm that your email address is still yours at your institution before you make changes";
const SPENT = "This confirmation link has expired or was already used. Ask for a new one on your account page.";
let nmuId = "";
let admin: Actor;

beforeAll(async () => {
  nmuId = (await prisma.institution.findUniqueOrThrow({ where: { slug: "nanjing-medical-university" } })).id;
  admin = await loadActor(prisma, "admin@atlas.test");
});
afterAll(() => prisma.$disconnect());

/** A staff member of NMU whose address was last confirmed `daysAgo` days ago, at a domain of NMU's unless told. */
async function staffConfirmed(daysAgo: number, options: { domain?: string; staffRole?: "MANAGER" | "EDITOR" } = {}) {
  const email = `reverify-${randomBytes(4).toString("hex")}@${options.domain ?? "njmu.edu.cn"}`;
  await prisma.user.create({
    data: {
      email,
      name: "Reverify Person",
      role: "STAFF",
      staffRole: options.staffRole ?? "EDITOR",
      institutionId: nmuId,
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
      emailVerifiedAt: new Date(Date.now() - daysAgo * DAY),
    },
  });
  return loadActor(prisma, email);
}

/** Ask for the link as the prompt's button does; the link printed on the console (no SMTP here) is the mailed one. */
async function requestLink(actor: Actor | null, locale: "en" | "zh" = "en") {
  const { result, output } = await consoleDuring(() =>
    runDefinition(actions.requestAddressConfirmation!, actor, {}, locale),
  );
  const token = /\/(?:en|zh)\/account\/confirm-address\/([\w-]{20,})/.exec(output)?.[1] ?? null;
  return { state: result.state, token, output };
}

const confirm = (actor: Actor | null, token: string, locale: "en" | "zh" = "en") =>
  runDefinition(actions.confirmAddress!, actor, { token }, locale).then((r) => r.state);

/** Everything a confirmation could change for the person: their row, their links, the audit trail about them. */
async function footprint(userId: string) {
  const [user, tokens, audit] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true, sessionVersion: true } }),
    prisma.userToken.findMany({ where: { userId }, select: { id: true, usedAt: true }, orderBy: { id: "asc" } }),
    prisma.auditEvent.count({ where: { entityId: userId } }),
  ]);
  return JSON.stringify({ user, tokens, audit });
}

async function anyMembershipOfNmu() {
  return prisma.membership.findFirstOrThrow({ where: { institutionId: nmuId }, orderBy: { id: "asc" } });
}

describe("the prompt", () => {
  it("is absent while confirmed, asks within 30 days of the due date, and says when it is overdue", async () => {
    const fresh = await staffConfirmed(10);
    expect(await getAddressPrompt(fresh, "en")).toBeNull();

    const due = await staffConfirmed(340);
    const prompt = await getAddressPrompt(due, "en");
    expect(prompt).toMatchObject({ email: due.email, institution: "Nanjing Medical University", standing: "due" });
    const dueAt = new Date(prompt!.dueAt).getTime();
    expect(Math.abs(dueAt - (Date.now() + 25 * DAY))).toBeLessThan(60_000);
    expect((await getAddressPrompt(due, "zh"))?.institution).toBe("南京医科大学");

    const overdue = await staffConfirmed(366);
    expect(await getAddressPrompt(overdue, "en")).toMatchObject({ standing: "overdue" });
  });

  it("never asks admins (their accounts come from the server's shell) or anonymous visitors", async () => {
    expect(admin.addressDueAt).toBeNull();
    expect(await getAddressPrompt(admin, "en")).toBeNull();
    expect(await getAddressPrompt(null, "en")).toBeNull();
  });
});

describe("an overdue account reads but does not write", () => {
  it("its proposals, confirmations and comments are refused with the reason, and nothing changes", async () => {
    const overdue = await staffConfirmed(400);
    const m = await anyMembershipOfNmu();
    const before = await prisma.membership.findUniqueOrThrow({ where: { id: m.id } });
    const refused = await runDefinition(actions.confirmMembership!, overdue, { membershipId: m.id }, "en");
    expect(refused.state.ok).toBe(false);
    expect(refused.state.message).toContain(OVERDUE);
    expect(await prisma.membership.findUniqueOrThrow({ where: { id: m.id } })).toEqual(before);

    const requests = await prisma.changeRequest.count({ where: { institutionId: nmuId } });
    const org = await prisma.organization.findFirstOrThrow({
      where: { memberships: { none: { institutionId: nmuId } } },
      orderBy: { slug: "asc" },
    });
    const values = {
      role: "MEMBER",
      status: "ACTIVE",
      joined: "2020",
      ended: "",
      notes: "",
      sourceUrl: "https://example.org/source",
      sourceTitle: "Source",
      sourceQuote: "Joined in 2020",
    };
    const propose = await runDefinition(
      actions.proposeMembershipCreate!,
      overdue,
      { organizationSlug: org.slug, reason: "", values },
      "en",
    );
    expect(propose.state).toMatchObject({ ok: false });
    expect(propose.state.message).toContain(OVERDUE);
    expect(await prisma.changeRequest.count({ where: { institutionId: nmuId } })).toBe(requests);

    // A request of their institution's (taken back, so no other test's queue sees it) to comment on.
    const request = await prisma.changeRequest.create({
      data: {
        kind: "MEMBERSHIP_UPDATE",
        status: "WITHDRAWN",
        institutionId: nmuId,
        organizationId: m.organizationId,
        membershipId: m.id,
        baseVersion: m.version,
        before: {},
        proposed: {},
        proposedById: overdue.id,
      },
    });
    const comments = await prisma.changeComment.count();
    const comment = await runDefinition(
      actions.commentOnChangeRequest!,
      overdue,
      { changeRequestId: request.id, body: "x" },
      "en",
    );
    expect(comment.state.message).toContain(OVERDUE);
    expect(await prisma.changeComment.count()).toBe(comments);
  });

  it("the refusal is in Chinese on /zh", async () => {
    const overdue = await staffConfirmed(400);
    const m = await anyMembershipOfNmu();
    const { state } = await runDefinition(actions.confirmMembership!, overdue, { membershipId: m.id }, "zh");
    expect(state.message).toContain("请先确认您的电子邮箱地址");
  });

  it("an overdue manager can neither approve a sign-up nor change a colleague's role", async () => {
    const manager = await staffConfirmed(400, { staffRole: "MANAGER" });
    const claim = await prisma.user.create({
      data: {
        email: `reverify-claim-${randomBytes(4).toString("hex")}@njmu.edu.cn`,
        name: "Waiting",
        role: "STAFF",
        staffRole: null,
        institutionId: nmuId,
        passwordHash: "x",
      },
    });
    const approve = await runDefinition(actions.approveClaim!, manager, { userId: claim.id }, "en");
    expect(approve.state.message).toContain(OVERDUE);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: claim.id } })).staffRole).toBeNull();

    const colleague = await staffConfirmed(10);
    const role = await runDefinition(
      actions.setColleagueRole!,
      manager,
      { userId: colleague.id, staffRole: "MANAGER" },
      "en",
    );
    expect(role.state.message).toContain(OVERDUE);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: colleague.id } })).staffRole).toBe("EDITOR");
  });

  it("reads still work: its dashboard and its institution's requests", async () => {
    const overdue = await staffConfirmed(400);
    await expect(getStaffDashboard(overdue, "en")).resolves.toBeTruthy();
    await expect(listMyInstitutionRequests(overdue, "en")).resolves.toBeInstanceOf(Array);
  });

  it("an account due soon (not yet overdue) still writes", async () => {
    const due = await staffConfirmed(350);
    const m = await anyMembershipOfNmu();
    const { state } = await runDefinition(actions.confirmMembership!, due, { membershipId: m.id }, "en");
    expect(state).toMatchObject({ ok: true });
  });
});

describe("the mailed link", () => {
  it("confirms the address once: the prompt goes, writing works again, and it is audited", async () => {
    const overdue = await staffConfirmed(400);
    const { state, token, output } = await requestLink(overdue);
    expect(state).toMatchObject({ ok: true, message: `A confirmation link is on its way to ${overdue.email}.` });
    expect(token).toBeTruthy();
    expect(output).toContain("7 days");
    const row = await prisma.userToken.findFirstOrThrow({ where: { userId: overdue.id, purpose: "REVERIFY" } });
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - 7 * DAY)).toBeLessThan(60_000);

    const done = await confirm(overdue, token!);
    expect(done).toMatchObject({ ok: true, message: "Thank you: your address is confirmed for another year." });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: overdue.id } });
    expect(Date.now() - after.emailVerifiedAt!.getTime()).toBeLessThan(60_000);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: overdue.id, action: "user.address-reverify" },
    });
    expect(audit.actorId).toBe(overdue.id);

    const renewed = await loadActor(prisma, overdue.email);
    expect(await getAddressPrompt(renewed, "en")).toBeNull();
    const m = await anyMembershipOfNmu();
    const write = await runDefinition(actions.confirmMembership!, renewed, { membershipId: m.id }, "en");
    expect(write.state).toMatchObject({ ok: true });

    // Single use: the second time, the same answer as an expired link, and nothing changes.
    const before = await footprint(overdue.id);
    const again = await confirm(renewed, token!);
    expect(again).toMatchObject({ ok: false, message: SPENT });
    expect(await footprint(overdue.id)).toBe(before);
  });

  it("works signed out: the token is the proof", async () => {
    const overdue = await staffConfirmed(400);
    const { token } = await requestLink(overdue);
    expect(await confirm(null, token!)).toMatchObject({ ok: true });
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: overdue.id } })).emailVerifiedAt!.getTime(),
    ).toBeGreaterThan(Date.now() - 60_000);
  });

  it("an expired link is refused and changes nothing", async () => {
    const overdue = await staffConfirmed(400);
    const { token } = await requestLink(overdue);
    await prisma.userToken.updateMany({
      where: { userId: overdue.id, purpose: "REVERIFY" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const before = await footprint(overdue.id);
    expect(await confirm(overdue, token!)).toMatchObject({ ok: false, message: SPENT });
    expect(await footprint(overdue.id)).toBe(before);
  });

  it("another signed-in account cannot use someone's link, and nothing changes for either", async () => {
    const owner = await staffConfirmed(400);
    const other = await staffConfirmed(400);
    const { token } = await requestLink(owner);
    const [ownerBefore, otherBefore] = [await footprint(owner.id), await footprint(other.id)];
    for (const actor of [other, admin]) {
      const state = await confirm(actor, token!);
      expect(state).toMatchObject({ ok: false });
      expect(state.message).toContain("This link confirms another account's address.");
    }
    expect(await footprint(owner.id)).toBe(ownerBefore);
    expect(await footprint(other.id)).toBe(otherBefore);
    // The link is still the owner's to use.
    expect(await confirm(owner, token!)).toMatchObject({ ok: true });
  });

  it("anonymous visitors with a made-up or a password link confirm nothing", async () => {
    const overdue = await staffConfirmed(400);
    const before = await footprint(overdue.id);
    expect(await confirm(null, randomBytes(32).toString("base64url"))).toMatchObject({ ok: false, message: SPENT });
    const reset = randomBytes(32).toString("base64url");
    await prisma.userToken.create({
      data: {
        userId: overdue.id,
        purpose: "PASSWORD_RESET",
        tokenHash: createHash("sha256").update(reset).digest("hex"),
        expiresAt: new Date(Date.now() + 600_000),
      },
    });
    const withReset = await footprint(overdue.id);
    expect(await confirm(null, reset)).toMatchObject({ ok: false, message: SPENT });
    expect(await footprint(overdue.id)).toBe(withReset);
    expect(withReset).not.toBe(before);
  });

  it("a confirmation link never sets a password", async () => {
    const overdue = await staffConfirmed(400);
    const { token } = await requestLink(overdue);
    const hash = (await prisma.user.findUniqueOrThrow({ where: { id: overdue.id } })).passwordHash;
    const password = "a confirmation is not a reset";
    const { state } = await runDefinition(actions.setPassword!, null, { token, password, confirm: password }, "en");
    expect(state.ok).toBe(false);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: overdue.id } })).passwordHash).toBe(hash);
    expect(await confirm(overdue, token!)).toMatchObject({ ok: true });
  });

  it("an address whose domain is no longer the institution's is not confirmed: an admin is named", async () => {
    const moved = await staffConfirmed(400, { domain: "example.org" });
    const { token } = await requestLink(moved);
    const before = await footprint(moved.id);
    for (const locale of ["en", "zh"] as const) {
      const state = await confirm(moved, token!, locale);
      expect(state.ok).toBe(false);
      expect(state.message).toContain(
        locale === "en" ? "Please contact the portal's administrators." : "请联系门户管理员",
      );
    }
    expect(await footprint(moved.id)).toBe(before);
  });

  it("is asked for by approved staff only, at most a few times an hour", async () => {
    const pending = await prisma.user.create({
      data: {
        email: `reverify-pending-${randomBytes(4).toString("hex")}@njmu.edu.cn`,
        name: "Pending",
        role: "STAFF",
        institutionId: nmuId,
        passwordHash: "x",
      },
    });
    for (const actor of [null, admin, await loadActor(prisma, pending.email)]) {
      const { state, token } = await requestLink(actor);
      expect(state.ok).toBe(false);
      expect(token).toBeNull();
    }
    const person = await staffConfirmed(400);
    for (let i = 0; i < REVERIFY_LIMITS.perAccount; i++) expect((await requestLink(person)).state.ok).toBe(true);
    const over = await requestLink(person);
    expect(over.state.ok).toBe(false);
    expect(over.state.message).toContain("Too many confirmation mails were asked for. Nothing was sent");
    expect(over.token).toBeNull();
    expect(await prisma.userToken.count({ where: { userId: person.id, purpose: "REVERIFY" } })).toBe(
      REVERIFY_LIMITS.perAccount,
    );
  });

  it("the mail is in the page's language", async () => {
    const person = await staffConfirmed(400);
    const { output } = await requestLink(person, "zh");
    expect(output).toContain("确认您在 Alliance Atlas 的邮箱地址");
    expect(output).toContain("/zh/account/confirm-address/");
  });
});

describe("where the year counts from", () => {
  it("an invitation or sign-up link sets the confirmation date; a reset link does not", async () => {
    const email = `reverify-invite-${randomBytes(4).toString("hex")}@njmu.edu.cn`;
    const user = await prisma.user.create({
      data: { email, name: "Invited", role: "STAFF", staffRole: "EDITOR", institutionId: nmuId },
    });
    const link = async (purpose: "INVITE" | "PASSWORD_RESET") => {
      const token = randomBytes(32).toString("base64url");
      await prisma.userToken.create({
        data: {
          userId: user.id,
          purpose,
          tokenHash: createHash("sha256").update(token).digest("hex"),
          expiresAt: new Date(Date.now() + 600_000),
        },
      });
      const password = "a fresh passphrase here";
      return runDefinition(actions.setPassword!, null, { token, password, confirm: password }, "en");
    };
    await prisma.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date(Date.now() - 400 * DAY) } });
    expect((await link("PASSWORD_RESET")).state.ok).toBe(true);
    const afterReset = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(Date.now() - afterReset.emailVerifiedAt!.getTime()).toBeGreaterThan(399 * DAY);
    expect((await link("INVITE")).state.ok).toBe(true);
    const afterInvite = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(Date.now() - afterInvite.emailVerifiedAt!.getTime()).toBeLessThan(60_000);
  });

  it("the admins' list of accounts says when each staff address was confirmed, and which are overdue", async () => {
    const overdue = await staffConfirmed(400);
    const fresh = await staffConfirmed(5);
    const users = await listUsers(admin, "en");
    const row = (id: string) => users.find((u) => u.id === id)!;
    expect(row(overdue.id)).toMatchObject({ addressOverdue: true });
    expect(row(fresh.id)).toMatchObject({ addressOverdue: false });
    expect(new Date(row(fresh.id).addressConfirmedAt!).getTime()).toBeLessThan(Date.now() - 4 * DAY);
    expect(row(admin.id)).toMatchObject({ addressOverdue: false, addressConfirmedAt: null });
  });
});
