import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { approveChangeRequest, rejectChangeRequest } from "@/lib/data/change-requests/decide";
import { getChangeRequest } from "@/lib/data/change-requests/queries";
import { proposeMembershipCreate, proposeMembershipUpdate } from "@/lib/data/change-requests/propose";
import { getInstitutionBySlug } from "@/lib/data/institutions/profile";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/shared/errors";
import { membershipValuesSchema } from "@/lib/validation/memberships";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const prisma = testPrisma();
let admin: Actor;
let nmuStaff: Actor;
let cuhkStaff: Actor;

const actor = (email: string) => loadActor(prisma, email);
const values = (over: Record<string, string>) =>
  membershipValuesSchema.parse({
    role: "MEMBER",
    status: "ACTIVE",
    joined: "",
    ended: "",
    notes: "",
    sourceUrl: "https://example.org/p",
    sourceTitle: "NMU page",
    // A changed fact quotes the passage of its new source (each proposal its own).
    sourceQuote: `As our page states (${Math.random().toString(36).slice(2)})`,
    ...over,
  });

async function nmuMembership(orgSlug: string) {
  return prisma.membership.findFirstOrThrow({
    where: { institution: { slug: "nanjing-medical-university" }, organization: { slug: orgSlug } },
  });
}

beforeAll(async () => {
  [admin, nmuStaff, cuhkStaff] = await Promise.all([
    actor("admin@atlas.test"),
    actor("staff@njmu.test"),
    actor("staff@cuhk.test"),
  ]);
});
afterAll(() => prisma.$disconnect());

describe("change requests", () => {
  it(`staff propose a corrected entrance date; nothing public changes until an admin approves it, then it does, \
with an audit row`, async () => {
    const m = await nmuMembership("association-of-sino-russian-medical-universities");
    const request = await proposeMembershipUpdate(nmuStaff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: "From our archive",
      // The seed states no role for this entry (its source's cell is blank): the proposal keeps that.
      values: values({ role: "NOT_STATED", joined: "March 2016", sourceQuote: "joined in March 2016" }),
    });
    expect((await nmuMembership("association-of-sino-russian-medical-universities")).joinedOn).toBeNull();

    const detail = await getChangeRequest(admin, request.id, "en");
    const joined = detail.diff.find((d) => d.field === "joined")!;
    expect(joined).toMatchObject({ before: null, after: { iso: "2016-03", precision: "MONTH" }, changed: true });
    expect(detail.diff.find((d) => d.field === "role")!.changed).toBe(false);

    const auditBefore = await prisma.auditEvent.count({ where: { changeRequestId: request.id } });
    const { tags } = await approveChangeRequest(admin, request.id, "Thanks");
    // The two pages it is about expire at once; the lists too; every other page refreshes in the background.
    expect(tags).toEqual(
      expect.arrayContaining([
        "institution:nanjing-medical-university",
        "organization:association-of-sino-russian-medical-universities",
        "organizations",
        "institutions",
        "pages",
      ]),
    );
    const after = await nmuMembership("association-of-sino-russian-medical-universities");
    expect(after.joinedOn?.toISOString().slice(0, 10)).toBe("2016-03-01");
    expect(after.joinedPrecision).toBe("MONTH");
    expect(after.version).toBe(m.version + 1);
    expect(await prisma.auditEvent.count({ where: { changeRequestId: request.id } })).toBe(auditBefore + 1);
    const page = await getInstitutionBySlug("nanjing-medical-university", "en");
    expect(
      page!.participations.find((p) => p.organization.slug === "association-of-sino-russian-medical-universities")!
        .joined,
    ).toEqual({ iso: "2016-03", precision: "MONTH" });
    const note = await prisma.notification.findFirst({ where: { userId: nmuStaff.id, changeRequestId: request.id } });
    expect(note?.message).toMatch(/approved/);
  });

  it(`approval fails with a clear conflict when the record changed since the request was made, \
and the request says so`, async () => {
    const m = await nmuMembership("eurasia-pacific-uninet");
    const request = await proposeMembershipUpdate(nmuStaff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values: values({ joined: "October 2009", notes: "first" }),
    });
    await prisma.membership.update({
      where: { id: m.id },
      data: { version: { increment: 1 }, notes: "changed meanwhile" },
    });
    await expect(approveChangeRequest(admin, request.id, null)).rejects.toBeInstanceOf(ConflictError);
    const stored = await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.status).toBe("PENDING");
    expect(stored.conflict).toMatch(/changed after this request/);
    expect((await nmuMembership("eurasia-pacific-uninet")).notes).toBe("changed meanwhile");
    expect(await prisma.auditEvent.count({ where: { changeRequestId: request.id } })).toBe(0);
  });

  it("a stale form (old version) is refused when proposing", async () => {
    const m = await nmuMembership("m9-collaboration-network");
    await expect(
      proposeMembershipUpdate(nmuStaff, {
        membershipId: m.id,
        baseVersion: m.version - 1 || 999,
        reason: null,
        values: values({ notes: "x" }),
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("staff cannot reach another institution's membership, even by id", async () => {
    const m = await nmuMembership("m9-collaboration-network");
    const before = await prisma.changeRequest.count();
    await expect(
      proposeMembershipUpdate(cuhkStaff, {
        membershipId: m.id,
        baseVersion: m.version,
        reason: null,
        values: values({ notes: "hijack" }),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      proposeMembershipUpdate(admin, {
        membershipId: m.id,
        baseVersion: m.version,
        reason: null,
        values: values({ notes: "x" }),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.changeRequest.count()).toBe(before);
  });

  it("two admins approving the same request at the same moment: exactly one applies, one audit row", async () => {
    const request = await proposeMembershipCreate(nmuStaff, {
      organizationSlug: "university-alliance-of-the-silk-road",
      reason: null,
      values: values({ joined: "2018" }),
    });
    const results = await Promise.allSettled([
      approveChangeRequest(admin, request.id, null),
      approveChangeRequest(admin, request.id, null),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect(await prisma.auditEvent.count({ where: { changeRequestId: request.id } })).toBe(1);
    expect(
      await prisma.membership.count({
        where: {
          institutionId: nmuStaff.institutionId!,
          organization: { slug: "university-alliance-of-the-silk-road" },
        },
      }),
    ).toBe(1);
  });

  it("rejecting keeps the public data and tells the proposer why", async () => {
    const m = await nmuMembership("belt-and-road-federation-for-health-promotion");
    // Other files (the authorization matrix) may have left a request waiting on it; files run in any order.
    await prisma.changeRequest.updateMany({
      where: { membershipId: m.id, status: "PENDING" },
      data: { status: "WITHDRAWN" },
    });
    const request = await proposeMembershipUpdate(nmuStaff, {
      membershipId: m.id,
      baseVersion: m.version,
      reason: null,
      values: values({ role: "PRESIDENT", joined: "Nov 11, 2019" }),
    });
    await rejectChangeRequest(admin, request.id, "The page names the President, not the university");
    const after = await nmuMembership("belt-and-road-federation-for-health-promotion");
    expect(after.role).toBe("FOUNDING_MEMBER");
    expect(after.version).toBe(m.version);
    const told = await prisma.notification.findFirstOrThrow({
      where: { changeRequestId: request.id, userId: nmuStaff.id },
    });
    expect(told.message).toMatch(/names the President/);
    await expect(rejectChangeRequest(admin, request.id, "again")).rejects.toBeInstanceOf(ConflictError);
  });

  it("the audit history is append-only: the database refuses UPDATE and DELETE", async () => {
    const row = await prisma.auditEvent.findFirstOrThrow();
    await expect(prisma.auditEvent.update({ where: { id: row.id }, data: { action: "tampered" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).action).toBe(row.action);
  });

  it("invalid proposals get every field's error and change nothing", () => {
    const result = membershipValuesSchema.safeParse({
      role: "KING",
      status: "ACTIVE",
      joined: "Feb 30, 2020",
      ended: "2010",
      notes: "",
      sourceUrl: "javascript:alert(1)",
      sourceTitle: "",
      sourceQuote: "",
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["role", "joined", "sourceUrl"]));
  });
});

describe("history", () => {
  it("admins see who proposed and who approved each change, with its diff; others cannot", async () => {
    const { getAdminHistory } = await import("@/lib/data/history");
    const entries = await getAdminHistory(admin, { institution: "nanjing-medical-university" });
    const applied = entries.find(
      (e) => e.action === "membership.update" && e.diff?.some((d) => d.field === "joined" && d.changed),
    );
    expect(applied?.proposer).toMatch(/staff@njmu.test/);
    expect(applied?.actor).toMatch(/admin@atlas.test/);
    await expect(getAdminHistory(nmuStaff, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getAdminHistory(null, {})).rejects.toThrow(/sign in/i);
  });

  it("the public history of an institution lists approved changes by date and names no one", async () => {
    const { getPublicHistory } = await import("@/lib/data/history");
    const entries = await getPublicHistory({ institution: "nanjing-medical-university" }, "en");
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]).toEqual({
      at: expect.any(String),
      action: expect.stringMatching(/^membership\./),
      institution: expect.objectContaining({ slug: "nanjing-medical-university" }),
      organization: expect.objectContaining({ slug: expect.any(String) }),
      // The values on each side of a change with their sources (fact-sources.test.ts), or null.
      before: entries[0]!.before,
      after: entries[0]!.after,
    });
    expect(JSON.stringify(entries)).not.toMatch(/staff@|admin@|Demo/);
  });
});

describe("profiles and new organizations", () => {
  it("an approved profile change updates the institution (version-guarded) with an audit row", async () => {
    const { proposeInstitutionUpdate } = await import("@/lib/data/change-requests/propose");
    const { getInstitutionProfile } = await import("@/lib/data/institutions/editable-profile");
    const { institutionProfileSchema } = await import("@/lib/validation/institutions");
    const profile = await getInstitutionProfile(nmuStaff, null);
    const values = institutionProfileSchema.parse({
      ...profile.values,
      nameZh: profile.values.nameZh ?? "",
      city: "Nanjing",
      website: "https://www.njmu.edu.cn",
      rorId: "https://ror.org/059gcgy73",
      wikidataId: "q1433545",
    });
    expect(values).toMatchObject({ rorId: "059gcgy73", wikidataId: "Q1433545" });
    const source = {
      sourceUrl: "https://www.njmu.edu.cn/about",
      sourceTitle: null,
      sourceQuote: "Nanjing Medical University, www.njmu.edu.cn",
      sourceSeenOn: null,
    };
    const r = await proposeInstitutionUpdate(nmuStaff, { baseVersion: profile.version, reason: null, values, source });
    await approveChangeRequest(admin, r.id, null);
    const i = await prisma.institution.findUniqueOrThrow({ where: { slug: "nanjing-medical-university" } });
    expect(i).toMatchObject({
      website: "https://www.njmu.edu.cn",
      rorId: "059gcgy73",
      wikidataId: "Q1433545",
      version: profile.version + 1,
    });
    expect(await prisma.auditEvent.count({ where: { changeRequestId: r.id, action: "institution.update" } })).toBe(1);
    expect(
      institutionProfileSchema
        .safeParse({
          ...profile.values,
          nameZh: "",
          city: "",
          website: "https://x.org",
          rorId: "not-a-ror",
          wikidataId: "P31",
        })
        .error?.issues.map((x) => x.path[0]),
    ).toEqual(["rorId", "wikidataId"]);
  });

  it("an approved new organization is created with its names and the proposer's membership", async () => {
    const { proposeOrganizationCreate } = await import("@/lib/data/change-requests/propose");
    const { organizationProposalSchema } = await import("@/lib/validation/organizations");
    const values = organizationProposalSchema.parse({
      nameEn: "Yangtze River Delta Medical Universities Alliance",
      nameZh: "长三角医学教育联盟",
      acronym: "",
      kind: "ALLIANCE",
      founded: "Dec 2019",
      website: "",
      introduction: "A regional alliance.",
      role: "FOUNDING_MEMBER",
      joined: "Dec 2019",
      sourceUrl: "",
      sourceTitle: "NMU news, Dec 2019",
      sourceQuote: "",
    });
    const r = await proposeOrganizationCreate(nmuStaff, { reason: null, values });
    await approveChangeRequest(admin, r.id, null);
    const o = await prisma.organization.findUniqueOrThrow({
      where: { slug: "yangtze-river-delta-medical-universities-alliance" },
      include: { names: true, memberships: true },
    });
    expect(o.foundedPrecision).toBe("MONTH");
    expect(o.names.map((n) => n.name).sort()).toEqual(
      ["Yangtze River Delta Medical Universities Alliance", "长三角医学教育联盟"].sort(),
    );
    expect(o.memberships).toHaveLength(1);
    expect(o.memberships[0]).toMatchObject({ role: "FOUNDING_MEMBER", institutionId: nmuStaff.institutionId });
    await expect(proposeOrganizationCreate(nmuStaff, { reason: null, values })).rejects.toThrow(
      /already in the registry/,
    );
  });

  it(`admins add an organization directly: published with its cited source and an audit row; \
a name already listed is refused and changes nothing`, async () => {
    const { adminCreateOrganization } = await import("@/lib/data/admin/records");
    const { adminCreateOrganizationSchema } = await import("@/lib/validation/organizations");
    const { values } = adminCreateOrganizationSchema.parse({
      values: {
        nameEn: "Silk Road Universities Network",
        nameZh: "丝绸之路大学联盟",
        acronym: "SUN",
        kind: "NETWORK",
        founded: "2015",
        website: "https://example.org/sun",
        introduction: "A network of universities along the Silk Road.",
        sourceUrl: "https://example.org/sun/about",
        sourceTitle: "",
        sourceQuote: "founded in 2015",
      },
    });
    const audits = await prisma.auditEvent.count();
    const r = await adminCreateOrganization(admin, { values });
    expect(r.tags).toContain(`organization:${r.slug}`);
    const o = await prisma.organization.findUniqueOrThrow({
      where: { slug: r.slug },
      include: { names: true, foundedSource: true },
    });
    expect(o).toMatchObject({ kind: "NETWORK", acronym: "SUN", foundedPrecision: "YEAR", memberCount: 0 });
    expect(o.foundedSource).toMatchObject({
      url: "https://example.org/sun/about",
      publisher: "Alliance Atlas editors",
    });
    expect(o.names.map((n) => n.name).sort()).toEqual(["Silk Road Universities Network", "丝绸之路大学联盟"].sort());
    expect(
      await prisma.auditEvent.count({ where: { entityId: o.id, action: "organization.create", actorId: admin.id } }),
    ).toBe(1);

    const organizations = await prisma.organization.count();
    await expect(
      adminCreateOrganization(admin, { values: { ...values, nameEn: "silk road universities network" } }),
    ).rejects.toThrow(ConflictError);
    await expect(
      adminCreateOrganization(nmuStaff, { values: { ...values, nameEn: "Another Network" } }),
    ).rejects.toThrow(ForbiddenError);
    expect(await prisma.organization.count()).toBe(organizations);
    expect(await prisma.auditEvent.count()).toBe(audits + 1);
    expect(
      adminCreateOrganizationSchema
        .safeParse({ values: { ...values, founded: "", website: "", sourceUrl: "", sourceTitle: "", sourceQuote: "" } })
        .error?.issues.map((x) => x.path.join(".")),
    ).toEqual(["values.sourceUrl"]);
  });
});
