import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proposeOrganizationMember } from "@/lib/data/organization-side/propose-member";
import { proposeMembershipUpdate } from "@/lib/data/change-requests/propose";
import { approveChangeRequest, withdrawChangeRequest } from "@/lib/data/change-requests/decide";
import {
  proposeOrganizationMemberEnd,
  proposeOrganizationMemberFromDirectory,
  proposeOrganizationMemberUpdate,
} from "@/lib/data/organization-side/propose-member-change";
import { getDiscrepancyReport } from "@/lib/data/admin/discrepancies";
import { listApiMemberships } from "@/lib/data/open/api";
import { apiMembershipQuerySchema } from "@/lib/validation/api";
import { recordOrganizationConfirmation } from "@/lib/data/memberships/confirmations";
import { getOrganizationMemberList, listOrganizationDisagreements } from "@/lib/data/organization-side/member-sides";
import { getInstitutionBySlug } from "@/lib/data/institutions/profile";
import { getOrganizationBySlug } from "@/lib/data/organizations/profile";
import { getChangeRequest, listMyInstitutionRequests } from "@/lib/data/change-requests/queries";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/shared/errors";
import { membershipValuesSchema } from "@/lib/validation/memberships";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";
import { secretariatUser } from "../support/secretariats";

// The organization's side (issue 16): a secretariat states its organization's members through review, and neither
// side's pending statement stands in the other's way.

useWriteDatabase();
const prisma = testPrisma();
const UASR = "university-alliance-of-the-silk-road";
const CUHK = "chinese-university-of-hong-kong";

const values = (joined: string, quote: string) =>
  membershipValuesSchema.parse({
    role: "MEMBER",
    status: "ACTIVE",
    joined,
    ended: "",
    notes: "",
    sourceUrl: "https://uasr.example.org/members",
    sourceTitle: "UASR members",
    sourceQuote: quote,
  });

let cuhkId = "";
beforeAll(async () => {
  cuhkId = (await prisma.institution.findUniqueOrThrow({ where: { slug: CUHK } })).id;
  await secretariatUser(prisma, { email: "side-manager@uasr.test", organizationSlug: UASR });
});
afterAll(() => prisma.$disconnect());

describe("the organization's side of a membership", () => {
  it(`a secretariat's statement about an existing member is an organization-side request that only it and admins \
read`, async () => {
    const secretariat = await loadActor(prisma, "side-manager@uasr.test");
    const created = await proposeOrganizationMember(secretariat, {
      institutionId: cuhkId,
      reason: null,
      values: values("2016", "The Chinese University of Hong Kong (2016)"),
    });
    const row = await prisma.changeRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ side: "ORGANIZATION", kind: "MEMBERSHIP_UPDATE", institutionId: cuhkId });
    expect(row.membershipId).not.toBeNull();

    // CUHK's own staff do not see the secretariat's request as theirs; the secretariat does.
    const cuhkStaff = await loadActor(prisma, "staff@cuhk.test");
    await expect(getChangeRequest(cuhkStaff, created.id, "en")).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMyInstitutionRequests(cuhkStaff, "en")).some((r) => r.id === created.id)).toBe(false);

    // The organization's pending statement never blocks the university's own proposal about the same entry.
    const m = await prisma.membership.findUniqueOrThrow({ where: { id: row.membershipId! } });
    const own = await proposeMembershipUpdate(cuhkStaff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values: values("2016-05", "CUHK joined the UASR in May 2016"),
    });
    expect(own.status).toBe("PENDING");
  });

  it(`a university's staff, a visitor and a pending secretariat account cannot state the organization's \
side`, async () => {
    const before = await prisma.changeRequest.count({ where: { side: "ORGANIZATION" } });
    const input = { institutionId: cuhkId, reason: null, values: values("2017", "Listed") };
    await expect(proposeOrganizationMember(await loadActor(prisma, "staff@cuhk.test"), input)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(proposeOrganizationMember(null, input)).rejects.toThrow();
    await secretariatUser(prisma, { email: "side-pending@uasr.test", organizationSlug: UASR, staffRole: null });
    await expect(
      proposeOrganizationMember(await loadActor(prisma, "side-pending@uasr.test"), input),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.changeRequest.count({ where: { side: "ORGANIZATION" } })).toBe(before);
  });

  it(`a statement without the organization's source is refused with the field named, and nothing is \
stored`, async () => {
    const before = await prisma.changeRequest.count({ where: { side: "ORGANIZATION" } });
    const secretariat = await loadActor(prisma, "side-manager@uasr.test");
    const nmu = await prisma.institution.findUniqueOrThrow({ where: { slug: "nanjing-medical-university" } });
    const unsourced = { ...values("2018", "x"), sourceUrl: null };
    const error = await proposeOrganizationMember(secretariat, {
      institutionId: nmu.id,
      reason: null,
      values: unsourced,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toHaveProperty(["values.sourceUrl"]);
    expect(await prisma.changeRequest.count({ where: { side: "ORGANIZATION" } })).toBe(before);
  });

  it(`one account is on one side only: the database refuses an account of both an institution and an \
organization`, async () => {
    const uasr = await prisma.organization.findUniqueOrThrow({ where: { slug: UASR } });
    await expect(
      prisma.user.update({ where: { email: "side-manager@uasr.test" }, data: { institutionId: cuhkId } }),
    ).rejects.toThrow(/not both/);
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "side-manager@uasr.test" } })).organizationId).toBe(
      uasr.id,
    );
  });
});

// Applying the organization's side (issue 16, "Two sides"): an approval fills the organization's columns only, the
// two sides are compared at the coarser precision, a disagreement is listed and both sides are told.
describe("withdrawing an organization's statement", () => {
  it(`its own secretariat withdraws it; the member university's staff and another organization's secretariat \
cannot, and it stays pending`, async () => {
    const nmu = await prisma.institution.findUniqueOrThrow({ where: { slug: "nanjing-medical-university" } });
    await prisma.changeRequest.updateMany({
      where: { institutionId: nmu.id, side: "ORGANIZATION", status: "PENDING" },
      data: { status: "WITHDRAWN" },
    });
    const secretariat = await loadActor(prisma, "side-manager@uasr.test");
    const created = await proposeOrganizationMember(secretariat, {
      institutionId: nmu.id,
      reason: null,
      values: values("2019", "Nanjing Medical University (2019)"),
    });
    await secretariatUser(prisma, {
      email: "side-other@uabr.test",
      organizationSlug: "university-alliance-of-belt-and-road",
    });
    for (const other of [await loadActor(prisma, "staff@njmu.test"), await loadActor(prisma, "side-other@uabr.test")])
      await expect(withdrawChangeRequest(other, created.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("PENDING");
    await withdrawChangeRequest(secretariat, created.id);
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("WITHDRAWN");
  });
});

describe("the two sides of a membership, once approved", () => {
  // The write database is shared with later files: CUHK's UASR membership and CUHK's domains are left as found.
  let found: Awaited<ReturnType<typeof prisma.membership.findFirstOrThrow>> | null = null;
  let domains: string[] = [];
  beforeAll(async () => {
    domains = (await prisma.institution.findUniqueOrThrow({ where: { id: cuhkId } })).emailDomains;
    found = await prisma.membership.findFirstOrThrow({
      where: { institutionId: cuhkId, organization: { slug: UASR } },
    });
  });
  afterAll(async () => {
    if (!found) return;
    const { id, version: _version, createdAt: _c, updatedAt: _u, ...row } = found;
    await prisma.membership.update({ where: { id }, data: row });
    await prisma.institution.update({ where: { id: cuhkId }, data: { emailDomains: domains } });
  });

  const approve = async (id: string) => approveChangeRequest(await loadActor(prisma, "admin@atlas.test"), id, null);
  const cuhkUasr = async () =>
    prisma.membership.findFirstOrThrow({ where: { institutionId: cuhkId, organization: { slug: UASR } } });
  const universitySide = (m: Awaited<ReturnType<typeof cuhkUasr>>) => ({
    role: m.role,
    status: m.status,
    joinedOn: m.joinedOn,
    joinedPrecision: m.joinedPrecision,
    endedOn: m.endedOn,
    sourceId: m.sourceId,
    quote: m.quote,
    confirmedAt: m.confirmedAt,
    confirmedById: m.confirmedById,
    notes: m.notes,
  });
  const publicRow = async () => {
    const o = await getOrganizationBySlug(UASR, "en");
    return o!.members.find((x) => x.institution.slug === CUHK)!;
  };
  const pendingOfSide = async (side: "INSTITUTION" | "ORGANIZATION") =>
    prisma.changeRequest.findFirstOrThrow({
      where: { institutionId: cuhkId, organization: { slug: UASR }, side, status: "PENDING" },
    });
  const sideNotices = () => prisma.notification.findMany({ where: { message: { contains: "two sides" } } });
  const stateBy = async (email: string, values: ReturnType<typeof valuesFor>) => {
    const m = await cuhkUasr();
    return proposeOrganizationMemberUpdate(await loadActor(prisma, email), {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values,
    });
  };
  const valuesFor = (joined: string, quote: string) => values(joined, quote);

  it(`approving the organization's statement fills the organization's side and never the university's: the row \
is confirmed by both sides, with both sources`, async () => {
    const before = await cuhkUasr();
    expect(before.confirmedAt).not.toBeNull();
    const request = await pendingOfSide("ORGANIZATION");
    await approve(request.id);
    const after = await cuhkUasr();
    expect(universitySide(after)).toEqual(universitySide(before));
    expect(after.version).toBe(before.version);
    const uasr = await prisma.organization.findUniqueOrThrow({ where: { slug: UASR } });
    expect(after).toMatchObject({
      organizationRole: "MEMBER",
      organizationStatus: "ACTIVE",
      organizationJoinedPrecision: "YEAR",
      organizationQuote: "The Chinese University of Hong Kong (2016)",
      organizationStatedByMember: false,
    });
    expect(after.organizationConfirmedAt).not.toBeNull();
    expect(after.organizationStatedById).toBe(request.proposedById);
    const source = await prisma.source.findUniqueOrThrow({ where: { id: after.organizationSourceId! } });
    expect(source).toMatchObject({ organizationId: uasr.id, url: "https://uasr.example.org/members" });
    const row = await publicRow();
    expect(row.confirmation).toMatchObject({ state: "BOTH", corroborated: true, differences: [] });
    expect(row.confirmation.organizationSource?.url).toBe("https://uasr.example.org/members");
    expect(row.source?.key).not.toBe(row.confirmation.organizationSource?.key);
    const i = await getInstitutionBySlug(CUHK, "en");
    expect(i!.participations.find((p) => p.organization.slug === UASR)!.confirmation.state).toBe("BOTH");
    const audited = { entityId: after.id, action: "membership.corroborate", changeRequestId: request.id };
    expect(await prisma.auditEvent.count({ where: audited })).toBe(1);
  });

  it(`a date agrees at the coarser of the two precisions: the university's "May 2016" and the organization's \
"2016" still agree, and nobody is told of a disagreement`, async () => {
    await approve((await pendingOfSide("INSTITUTION")).id);
    const m = await cuhkUasr();
    expect(m.joinedPrecision).toBe("MONTH");
    expect((await publicRow()).confirmation.state).toBe("BOTH");
    expect(await sideNotices()).toHaveLength(0);
  });

  it(`a different joining year makes the sides disagree: the public row says what each says, the discrepancy \
report lists both values with both sources, both sides are told, and they are told again when they agree`, async () => {
    await secretariatUser(prisma, { email: "side-editor@uasr.test", organizationSlug: UASR, staffRole: "EDITOR" });
    const sent = await stateBy("side-editor@uasr.test", valuesFor("2017", "CUHK (since 2017)"));
    expect(sent.kind).toBe("MEMBERSHIP_UPDATE");
    await approve(sent.id);
    const row = await publicRow();
    expect(row.confirmation.state).toBe("DISAGREE");
    expect(row.confirmation.corroborated).toBe(false);
    expect(row.confirmation.differences).toEqual([
      {
        field: "joined",
        organization: { iso: "2017", precision: "YEAR" },
        institution: { iso: "2016-05", precision: "MONTH" },
      },
    ]);
    // The open API gives both sides too, with the organization's statement and its source.
    const api = await listApiMemberships(apiMembershipQuerySchema.parse({ organization: UASR, institution: CUHK }));
    expect(api.data[0]!.sides).toMatchObject({
      state: "DISAGREE",
      organization: { joined: { iso: "2017", precision: "YEAR" }, statedByMember: false },
    });
    expect(api.data[0]!.sides.organization?.source?.url).toBeTruthy();
    const report = await getDiscrepancyReport(await loadActor(prisma, "admin@atlas.test"));
    const listed = report.sidesDisagree.rows.find((r) => r.institution.slug === CUHK && r.organization.slug === UASR);
    expect(listed?.differences[0]).toMatchObject({ field: "joined", organization: { iso: "2017" } });
    expect(listed?.organizationSource?.quote).toBe("CUHK (since 2017)");
    expect(listed?.institutionSource?.quote).toBe("CUHK joined the UASR in May 2016");
    expect(report.entries.some((e) => e.kind === "SIDES_DISAGREE")).toBe(true);

    // CUHK's managers and UASR's secretariat managers (not its editor), in the app and by mail.
    const told = await sideNotices();
    const people = await prisma.user.findMany({ where: { id: { in: told.map((n) => n.userId) } } });
    const uasr = await prisma.organization.findUniqueOrThrow({ where: { slug: UASR } });
    expect(people.map((p) => p.email)).toEqual(expect.arrayContaining(["staff@cuhk.test", "side-manager@uasr.test"]));
    expect(people.map((p) => p.email)).not.toContain("side-editor@uasr.test");
    for (const p of people) {
      expect(p.staffRole).toBe("MANAGER");
      expect(p.institutionId === cuhkId || p.organizationId === uasr.id).toBe(true);
    }
    expect(told.find((n) => n.userId === people.find((p) => p.email === "staff@cuhk.test")!.id)!.message).toContain(
      "the organization says joined 2017, the university May 2016",
    );
    const mails = await prisma.outboxMail.findMany({ where: { subject: { startsWith: "The two sides disagree" } } });
    expect(mails.map((x) => x.to).sort()).toEqual(people.map((p) => p.email).sort());
    const disagreements = await listOrganizationDisagreements(await loadActor(prisma, "staff@cuhk.test"), "en");
    expect(disagreements.map((d) => d.organization.slug)).toEqual([UASR]);
    const list = await getOrganizationMemberList(await loadActor(prisma, "side-editor@uasr.test"), "en");
    expect(list.members.find((x) => x.institution.slug === CUHK)?.confirmation.state).toBe("DISAGREE");

    // Agreeing again is news too.
    await approve((await stateBy("side-editor@uasr.test", valuesFor("2016", "CUHK (2016)"))).id);
    expect((await publicRow()).confirmation.state).toBe("BOTH");
    const again = await prisma.notification.findMany({ where: { message: { contains: "agree again" } } });
    expect(again).toHaveLength(told.length);
  });

  it(`a statement made from an address of the member itself never corroborates it: one university cannot make \
both sides`, async () => {
    await prisma.institution.update({
      where: { id: cuhkId },
      data: { emailDomains: [...new Set([...domains, "cuhk.edu.hk"])] },
    });
    await secretariatUser(prisma, { email: "secretariat@sec.cuhk.edu.hk", organizationSlug: UASR });
    await approve((await stateBy("secretariat@sec.cuhk.edu.hk", valuesFor("2016", "CUHK, a member since 2016"))).id);
    const m = await cuhkUasr();
    expect(m.organizationStatedByMember).toBe(true);
    const row = await publicRow();
    expect(row.confirmation).toMatchObject({
      state: "INSTITUTION_ONLY",
      corroborated: false,
      organizationStatedByMember: true,
    });
    const report = await getDiscrepancyReport(await loadActor(prisma, "admin@atlas.test"));
    expect(report.onlyInstitution.rows.some((r) => r.membershipId === m.id)).toBe(true);
    // Stated again from the secretariat's own address, it corroborates.
    await approve((await stateBy("side-manager@uasr.test", valuesFor("2016", "CUHK (2016)."))).id);
    expect((await publicRow()).confirmation.state).toBe("BOTH");
  });

  it(`a statement based on a version the university changed since is a conflict, recorded on the request, and \
nothing of the organization's side changes`, async () => {
    const sent = await stateBy("side-manager@uasr.test", valuesFor("2018", "CUHK (2018)"));
    const m = await cuhkUasr();
    const own = await proposeMembershipUpdate(await loadActor(prisma, "staff@cuhk.test"), {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values: values("2016", "CUHK joined the UASR in 2016"),
    });
    await approve(own.id);
    const before = await cuhkUasr();
    await expect(approve(sent.id)).rejects.toBeInstanceOf(ConflictError);
    const after = await cuhkUasr();
    expect(after.organizationJoinedOn).toEqual(before.organizationJoinedOn);
    const request = await prisma.changeRequest.findUniqueOrThrow({ where: { id: sent.id } });
    expect(request.status).toBe("PENDING");
    expect(request.conflict).toMatch(/changed after this request was made/);
    await prisma.changeRequest.update({ where: { id: sent.id }, data: { status: "WITHDRAWN" } });
  });

  it(`a new member the organization states is made with the organization's facts and source, unconfirmed by the \
university: stated by the organization only`, async () => {
    const nxmu = await prisma.institution.findUniqueOrThrow({ where: { slug: "ningxia-medical-university" } });
    const secretariat = await loadActor(prisma, "side-manager@uasr.test");
    const sent = await proposeOrganizationMemberFromDirectory(
      secretariat,
      { institutionSlug: nxmu.slug, institution: "", reason: null, values: values("2019-08", "Ningxia (Aug 2019)") },
      "en",
    );
    expect(sent.kind).toBe("MEMBERSHIP_CREATE");
    await approve(sent.id);
    const m = await prisma.membership.findFirstOrThrow({
      where: { institutionId: nxmu.id, organization: { slug: UASR } },
    });
    expect(m).toMatchObject({ confirmedAt: null, role: "MEMBER", joinedPrecision: "MONTH" });
    expect(m.sourceId).toBe(m.organizationSourceId);
    expect(m.organizationJoinedOn).toEqual(m.joinedOn);
    const o = await getOrganizationBySlug(UASR, "en");
    const row = o!.members.find((x) => x.institution.slug === nxmu.slug)!;
    expect(row.confirmation.state).toBe("ORGANIZATION_ONLY");
    expect(
      await prisma.auditEvent.count({
        where: { entityId: m.id, action: "membership.create", changeRequestId: sent.id },
      }),
    ).toBe(1);
  });

  it(`the secretariat ends a membership: the organization's side says withdrawn, the university's still says \
active, and the sides disagree on the status`, async () => {
    const m = await cuhkUasr();
    const sent = await proposeOrganizationMemberEnd(await loadActor(prisma, "side-manager@uasr.test"), {
      membershipId: m.id,
      baseVersion: m.version,
      reason: "Left in 2021",
      ended: { iso: "2021", precision: "YEAR" },
      source: {
        sourceUrl: "https://uasr.example.org/former",
        sourceTitle: null,
        sourceQuote: "CUHK (to 2021)",
        sourceSeenOn: "2026-11-30",
      },
    });
    expect(sent.kind).toBe("MEMBERSHIP_END");
    await approve(sent.id);
    const after = await cuhkUasr();
    expect(after).toMatchObject({
      status: "ACTIVE",
      organizationStatus: "WITHDRAWN",
      organizationEndedPrecision: "YEAR",
    });
    expect(after.endedOn).toBeNull();
    const row = await publicRow();
    expect(row.confirmation.differences.map((d) => d.field)).toEqual(["status"]);
    await expect(
      proposeOrganizationMemberEnd(await loadActor(prisma, "side-manager@uasr.test"), {
        membershipId: m.id,
        baseVersion: after.version,
        reason: null,
        ended: { iso: "2022", precision: "YEAR" },
        source: {
          sourceUrl: "https://uasr.example.org/x",
          sourceTitle: null,
          sourceQuote: null,
          sourceSeenOn: "2026-11-30",
        },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    // An admin recording the organization's own confirmation of the entry as listed replaces the facts it stated.
    await recordOrganizationConfirmation(await loadActor(prisma, "admin@atlas.test"), {
      membershipId: m.id,
      sourceUrl: "https://uasr.example.org/members-2026",
      sourceTitle: null,
      sourceQuote: "The Chinese University of Hong Kong",
    });
    expect((await cuhkUasr()).organizationStatus).toBeNull();
    expect((await publicRow()).confirmation.state).toBe("BOTH");
  });

  it(`nobody but the organization's own secretariat states its side: a university's staff, another organization's \
secretariat, a pending account and a visitor are refused, and nothing is stored`, async () => {
    await secretariatUser(prisma, {
      email: "side-editor@uabr.test",
      organizationSlug: "university-alliance-of-belt-and-road",
      staffRole: "EDITOR",
    });
    const m = await cuhkUasr();
    const requests = await prisma.changeRequest.count();
    const facts = JSON.stringify(await cuhkUasr());
    const update = { membershipId: m.id, baseVersion: m.version, reason: null, values: values("2015", "x") };
    const end = {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      ended: { iso: "2022", precision: "YEAR" as const },
      source: { sourceUrl: "https://x.example", sourceTitle: null, sourceQuote: null, sourceSeenOn: "2026-11-30" },
    };
    const add = { institutionSlug: CUHK, institution: "", reason: null, values: values("2015", "x") };
    for (const [email, error] of [
      ["staff@cuhk.test", ForbiddenError],
      ["admin@atlas.test", ForbiddenError],
      ["side-pending@uasr.test", ForbiddenError],
      ["side-editor@uabr.test", NotFoundError],
    ] as const) {
      const actor = await loadActor(prisma, email);
      await expect(proposeOrganizationMemberUpdate(actor, update), email).rejects.toBeInstanceOf(error);
      await expect(proposeOrganizationMemberEnd(actor, end), email).rejects.toBeInstanceOf(error);
    }
    for (const actor of [null, await loadActor(prisma, "staff@cuhk.test")]) {
      await expect(proposeOrganizationMemberUpdate(actor, update)).rejects.toThrow();
      await expect(proposeOrganizationMemberFromDirectory(actor, add, "en")).rejects.toThrow();
    }
    // A secretariat never approves its own statement.
    const own = await stateBy("side-manager@uasr.test", valuesFor("2016", "CUHK (2016), again"));
    await expect(
      approveChangeRequest(await loadActor(prisma, "side-manager@uasr.test"), own.id, null),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await prisma.changeRequest.delete({ where: { id: own.id } });
    expect(await prisma.changeRequest.count()).toBe(requests);
    expect(JSON.stringify(await cuhkUasr())).toBe(facts);
  });
});
