// Duplicate organizations (issue 13 §1): a proposed organization the registry already has is found by its
// names, acronym or former names; the same name is refused, a similar one goes through with a warning; an admin
// records such a proposal as a membership of the existing organization instead of creating a second one.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { db } from "@/lib/data/db";
import { findSimilarOrganizations } from "@/lib/data/organizations/similar-organizations";
import { proposeOrganizationCreate } from "@/lib/data/change-requests/propose";
import { mergeOrganizationProposal } from "@/lib/data/change-requests/merge";
import { getInstitutionBySlug } from "@/lib/data/institutions/profile";
import { getChangeRequest } from "@/lib/data/change-requests/queries";
import { listApiMemberships } from "@/lib/data/open/api";
import { organizationProposalSchema } from "@/lib/validation/organizations";
import { AlreadyDecidedError, ValidationError } from "@/lib/shared/errors";
import { loadActions } from "../support/actions";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const prisma = testPrisma();
const { actions, runDefinition } = await loadActions();
const EPU = "eurasia-pacific-uninet";
const NMU = "nanjing-medical-university";
const unique = () => randomBytes(3).toString("hex");
let admin: Actor;
let nmuStaff: Actor;
let nmuId: string;

const proposal = (over: Record<string, string> = {}) => ({
  nameEn: "Eurasia Pacific Uninet",
  nameZh: "",
  acronym: "",
  kind: "NETWORK",
  founded: "",
  website: "",
  introduction: "",
  role: "MEMBER",
  joined: "October 2009",
  sourceUrl: "https://example.org/nmu/international",
  sourceTitle: "",
  sourceQuote: "October 2009, Member",
  ...over,
});
const values = (over: Record<string, string> = {}) => organizationProposalSchema.parse(proposal(over));
const similar = (input: { nameEn?: string; nameZh?: string; acronym?: string }) =>
  findSimilarOrganizations(
    db(),
    {
      nameEn: input.nameEn ?? null,
      nameZh: input.nameZh ?? null,
      acronym: input.acronym ?? null,
      institutionId: nmuId,
    },
    5,
  );

/** Everything a merge could change, for "nothing changed". */
async function state() {
  const [organizations, memberships, requests, audit, notifications, mails] = await Promise.all([
    prisma.organization.count(),
    prisma.membership.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, role: true } }),
    prisma.changeRequest.findMany({
      orderBy: { id: "asc" },
      select: { id: true, status: true, organizationId: true, mergeOutcome: true },
    }),
    prisma.auditEvent.count(),
    prisma.notification.count(),
    prisma.outboxMail.count(),
  ]);
  return JSON.stringify({ organizations, memberships, requests, audit, notifications, mails });
}

/** The proposer's own notice of a request (admins are told of each new request too). */
async function proposerNote(changeRequestId: string) {
  const { proposedById } = await prisma.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
  return prisma.notification.findFirstOrThrow({ where: { changeRequestId, userId: proposedById } });
}

/** A university of its own with a staff account, so the merges below change no seeded institution's entries. */
async function freshStaff(): Promise<{ staff: Actor; institutionId: string; slug: string }> {
  const slug = `duplicates-test-college-${unique()}`;
  const institution = await prisma.institution.create({
    data: {
      slug,
      kind: "UNIVERSITY",
      country: "CN",
      names: { create: [{ locale: "en", name: `Duplicates Test College ${slug.slice(-6)}` }] },
    },
  });
  const email = `dup-${unique()}@example.org`;
  await prisma.user.create({
    data: { email, name: "Dup Tester", role: "STAFF", staffRole: "MANAGER", institutionId: institution.id },
  });
  return { staff: await loadActor(prisma, email), institutionId: institution.id, slug };
}

beforeAll(async () => {
  [admin, nmuStaff] = await Promise.all([loadActor(prisma, "admin@atlas.test"), loadActor(prisma, "staff@njmu.test")]);
  nmuId = (await prisma.institution.findUniqueOrThrow({ where: { slug: NMU } })).id;
});
afterAll(() => prisma.$disconnect());

describe("similar organizations", () => {
  it("finds Eurasia-Pacific Uninet for “Eurasia Pacific Uninet”, saying NMU already belongs to it", async () => {
    const [first] = await similar({ nameEn: "Eurasia Pacific Uninet" });
    expect(first).toMatchObject({ slug: EPU, matched: "name", matchedText: "Eurasia-Pacific Uninet", score: 1 });
    expect(first!.sameName).toBe(false);
    expect(first!.membership).toMatchObject({ role: "MEMBER", joined: { iso: "2009-10", precision: "MONTH" } });
    // "The", "&" and punctuation are set aside too.
    expect((await similar({ nameEn: "The Eurasia–Pacific UNINET" }))[0]?.slug).toBe(EPU);
  });

  it("finds it by its acronym, without case, and by its Chinese name", async () => {
    const [byAcronym] = await similar({ nameEn: "Nordic Marine Biology Consortium", acronym: "epu" });
    expect(byAcronym).toMatchObject({ slug: EPU, matched: "acronym", matchedText: "EPU", score: 1 });
    expect((await similar({ nameEn: "Some Network", nameZh: "欧亚太平洋学术联盟" }))[0]?.slug).toBe(EPU);
  });

  it("finds an organization by its former name", async () => {
    const [first] = await similar({ nameEn: "Asia International Biomedical Science Consortium" });
    expect(first).toMatchObject({
      slug: "pan-asian-biomedical-science-consortium",
      matched: "formerName",
      matchedText: "ASIA-International Biomedical Science Consortium",
    });
    // NMU is not a member of it.
    expect(first!.membership).toBeNull();
  });

  it("finds nothing for an unrelated name, nor for names alike only in their generic words", async () => {
    expect(await similar({ nameEn: "Nordic Marine Biology Consortium" })).toEqual([]);
    const silk = await similar({ nameEn: "Silk Road University Alliance" });
    expect(silk.map((s) => s.slug)).toEqual(["university-alliance-of-the-silk-road"]);
  });
});

describe("proposing an organization the registry may have", () => {
  it("a similar one is accepted, with the similar organizations named to the proposer", async () => {
    const r = await proposeOrganizationCreate(nmuStaff, { reason: null, values: values() });
    expect(r.status).toBe("PENDING");
    expect(r.similar[0]).toMatchObject({ slug: EPU, membership: { role: "MEMBER" } });
    await prisma.changeRequest.update({ where: { id: r.id }, data: { status: "WITHDRAWN" } });

    const { state: sent } = await runDefinition(
      actions.proposeOrganizationCreate!,
      nmuStaff,
      { reason: "", values: proposal() },
      "zh",
    );
    expect(sent).toMatchObject({ ok: true });
    expect(sent.message).toBe("新组织已提交审核。登记库中已有相似的组织：Eurasia-Pacific Uninet。");
    // Acting in Chinese made it the staff member's language: back to the seed's for the tests that follow.
    await prisma.user.update({ where: { id: nmuStaff.id }, data: { locale: "en" } });
    await prisma.changeRequest.updateMany({
      where: { institutionId: nmuId, kind: "ORGANIZATION_CREATE", status: "PENDING" },
      data: { status: "WITHDRAWN" },
    });
  });

  it("the same name but for case and spacing is refused, pointing at the existing organization", async () => {
    const before = await state();
    const { state: refused } = await runDefinition(
      actions.proposeOrganizationCreate!,
      nmuStaff,
      { reason: "", values: proposal({ nameEn: "  eurasia-pacific   UNINET " }) },
      "en",
    );
    expect(refused).toMatchObject({
      ok: false,
      message: "This organization is already in the registry: add a membership to it instead.",
    });
    expect(refused.fieldErrors["values.nameEn"]).toEqual([
      `Already in the registry as Eurasia-Pacific Uninet (/organizations/${EPU}).`,
    ]);
    const { state: zh } = await runDefinition(
      actions.proposeOrganizationCreate!,
      nmuStaff,
      { reason: "", values: proposal({ nameEn: "Eurasian Academic Society", nameZh: "欧亚太平洋学术协会" }) },
      "zh",
    );
    expect(zh.ok).toBe(false);
    expect(zh.fieldErrors["values.nameZh"]).toEqual([
      `登记库中已有：Eurasia-Pacific Uninet（/organizations/${EPU}）。`,
    ]);
    expect(await state()).toBe(before);
  });
});

describe("recording a proposal as a membership of the existing organization", () => {
  it(`NMU's "Eurasia Pacific Uninet": no organization is created, NMU stays listed once in Eurasia-Pacific Uninet \
(nothing differs), the request points at it, audited, the proposer told`, async () => {
    const r = await proposeOrganizationCreate(nmuStaff, { reason: null, values: values() });
    // The review page's possible duplicates, recomputed as it renders, for the admin and the proposer alike.
    const review = await getChangeRequest(admin, r.id, "zh");
    expect(review.similar[0]).toMatchObject({ slug: EPU, name: "欧亚太平洋学术协会", matched: "name" });
    expect(review.similar[0]!.membership).not.toBeNull();
    expect((await getChangeRequest(nmuStaff, r.id, "en")).similar[0]?.slug).toBe(EPU);
    const organizations = await prisma.organization.count();
    const epuMembership = await prisma.membership.findFirstOrThrow({
      where: { institutionId: nmuId, organization: { slug: EPU } },
    });
    const merged = await mergeOrganizationProposal(admin, {
      changeRequestId: r.id,
      organizationSlug: EPU,
      comment: null,
    });
    expect(merged).toMatchObject({ outcome: "NOTHING_TO_CHANGE", membershipId: epuMembership.id });
    expect(merged.tags).toEqual(expect.arrayContaining([`institution:${NMU}`, `organization:${EPU}`]));
    expect(await prisma.organization.count()).toBe(organizations);
    expect(await prisma.organization.count({ where: { slug: { startsWith: `${EPU}-` } } })).toBe(0);
    expect(await prisma.membership.findUniqueOrThrow({ where: { id: epuMembership.id } })).toMatchObject({
      version: epuMembership.version,
    });
    const request = await prisma.changeRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(request).toMatchObject({
      status: "APPROVED",
      kind: "ORGANIZATION_CREATE",
      mergeOutcome: "NOTHING_TO_CHANGE",
      organizationId: epuMembership.organizationId,
      membershipId: epuMembership.id,
      decidedById: admin.id,
    });

    const afterMerge = await getChangeRequest(admin, r.id, "en");
    expect(afterMerge).toMatchObject({
      similar: [],
      mergeOutcome: "NOTHING_TO_CHANGE",
      proposedName: "Eurasia Pacific Uninet",
      organization: { slug: EPU, name: "Eurasia-Pacific Uninet" },
    });
    const page = await getInstitutionBySlug(NMU, "en");
    expect(page!.participations.filter((p) => p.organization.slug.startsWith(EPU))).toHaveLength(1);
    const api = await listApiMemberships({ institution: NMU, limit: 100 } as never);
    expect(api.data.filter((m) => m.organization.slug.startsWith(EPU))).toHaveLength(1);

    const audit = await prisma.auditEvent.findMany({ where: { changeRequestId: r.id } });
    expect(audit.map((a) => a.action)).toEqual(["change.merge"]);
    expect(audit[0]!.after).toMatchObject({ organization: EPU, outcome: "NOTHING_TO_CHANGE" });
    const note = await proposerNote(r.id);
    expect(note.message).toBe(
      "Your proposed organization Eurasia Pacific Uninet was recorded as Nanjing Medical University’s membership " +
        "in Eurasia-Pacific Uninet, which is already in the registry: the existing entry already said the same, " +
        "so nothing changed.",
    );
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: nmuStaff.email }, orderBy: { id: "desc" } });
    expect(mail.subject).toContain("Recorded in Eurasia-Pacific Uninet");
    expect(mail.text).toContain(`/en/institutions/${NMU}`);
  });

  it(`an institution not listed yet gets the membership (no organization created); proposed again with another \
role, its membership is updated, version-guarded, the proposer told in Chinese`, async () => {
    const { staff, institutionId } = await freshStaff();
    const first = await proposeOrganizationCreate(staff, { reason: null, values: values({ role: "MEMBER" }) });
    const organizations = await prisma.organization.count();
    const created = await mergeOrganizationProposal(admin, {
      changeRequestId: first.id,
      organizationSlug: EPU,
      comment: "Already listed.",
    });
    expect(created.outcome).toBe("MEMBERSHIP_CREATED");
    expect(await prisma.organization.count()).toBe(organizations);
    const membership = await prisma.membership.findUniqueOrThrow({ where: { id: created.membershipId } });
    expect(membership).toMatchObject({ institutionId, role: "MEMBER", joinedPrecision: "MONTH", version: 1 });
    expect(membership.quote).toBe("October 2009, Member");
    expect(
      (await prisma.auditEvent.findMany({ where: { changeRequestId: first.id }, orderBy: { id: "asc" } }))
        .map((a) => a.action)
        .sort(),
    ).toEqual(["change.merge", "membership.create"]);

    await prisma.user.update({ where: { id: staff.id }, data: { locale: "zh" } });
    const second = await proposeOrganizationCreate(staff, {
      reason: null,
      values: values({ role: "FOUNDING_MEMBER", joined: "2000" }),
    });
    expect(second.similar[0]).toMatchObject({ slug: EPU, membership: { id: membership.id } });
    const { state: done } = await runDefinition(
      actions.mergeOrganizationProposal!,
      admin,
      { changeRequestId: second.id, target: EPU, otherSlug: "", comment: "" },
      "en",
    );
    expect(done).toMatchObject({
      ok: true,
      message:
        "Recorded as a membership of Eurasia-Pacific Uninet: the existing membership was updated with the proposed " +
        "values; no new organization was created.",
    });
    expect(await prisma.membership.count({ where: { institutionId } })).toBe(1);
    expect(await prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })).toMatchObject({
      role: "FOUNDING_MEMBER",
      joinedPrecision: "YEAR",
      version: 2,
    });
    const update = await prisma.auditEvent.findFirstOrThrow({
      where: { changeRequestId: second.id, action: "membership.update" },
    });
    expect(update.before).toMatchObject({ role: "MEMBER", joined: { iso: "2009-10", precision: "MONTH" } });
    expect(update.after).toMatchObject({
      role: "FOUNDING_MEMBER",
      status: "ACTIVE",
      joined: { iso: "2000", precision: "YEAR" },
      sourceUrl: "https://example.org/nmu/international",
    });
    const note = await proposerNote(second.id);
    expect(note.message).toContain("已按您提交的内容更新现有条目");
  });

  it("an organization given by its address (any organization, not only the candidates) is used", async () => {
    const { staff, institutionId } = await freshStaff();
    const r = await proposeOrganizationCreate(staff, { reason: null, values: values({ nameEn: "Silk Road Network" }) });
    const { state: done } = await runDefinition(
      actions.mergeOrganizationProposal!,
      admin,
      {
        changeRequestId: r.id,
        target: "other",
        otherSlug: "https://atlas.example/en/organizations/university-alliance-of-the-silk-road",
        comment: "",
      },
      "en",
    );
    expect(done.ok).toBe(true);
    const m = await prisma.membership.findFirstOrThrow({ where: { institutionId }, include: { organization: true } });
    expect(m.organization.slug).toBe("university-alliance-of-the-silk-road");
  });

  it(`refused, nothing changed: a request not pending, one of another kind, an unknown organization, none chosen, \
staff`, async () => {
    const { staff } = await freshStaff();
    const r = await proposeOrganizationCreate(staff, { reason: null, values: values() });
    await mergeOrganizationProposal(admin, { changeRequestId: r.id, organizationSlug: EPU, comment: null });
    const before = await state();
    await expect(
      mergeOrganizationProposal(admin, { changeRequestId: r.id, organizationSlug: EPU, comment: null }),
    ).rejects.toBeInstanceOf(AlreadyDecidedError);

    const m = await prisma.membership.findFirstOrThrow({ where: { institutionId: staff.institutionId! } });
    const update = await prisma.changeRequest.create({
      data: {
        kind: "MEMBERSHIP_UPDATE",
        institutionId: staff.institutionId!,
        organizationId: m.organizationId,
        membershipId: m.id,
        baseVersion: m.version,
        before: {},
        proposed: {},
        proposedById: staff.id,
      },
    });
    const afterCreate = await state();
    await expect(
      mergeOrganizationProposal(admin, { changeRequestId: update.id, organizationSlug: EPU, comment: null }),
    ).rejects.toThrow("Only a proposed new organization can be recorded as a membership of an existing one.");

    const pending = await proposeOrganizationCreate(staff, { reason: null, values: values({ role: "PARTNER" }) });
    const withPending = await state();
    await expect(
      mergeOrganizationProposal(admin, { changeRequestId: pending.id, organizationSlug: "no-such-org", comment: null }),
    ).rejects.toBeInstanceOf(ValidationError);
    const run = (actor: Actor | null, raw: Record<string, string>) =>
      runDefinition(
        actions.mergeOrganizationProposal!,
        actor,
        { changeRequestId: pending.id, comment: "", ...raw },
        "zh",
      );
    const none = await run(admin, { target: "other", otherSlug: "  " });
    expect(none.state.ok).toBe(false);
    expect(none.state.fieldErrors.otherSlug).toEqual(["请选择组织，或填写其地址。"]);
    expect((await run(staff, { target: EPU })).state.ok).toBe(false);
    expect((await run(null, { target: EPU })).state.ok).toBe(false);
    expect(await state()).toBe(withPending);
    expect(afterCreate).not.toBe(before);
  });
});
