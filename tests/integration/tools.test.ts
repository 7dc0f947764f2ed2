// Staff and admin tools: importing an existing page, yearly re-confirmation, the organization's own
// confirmation (corroboration), and the discrepancy report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { getImportDraft, previewImport } from "@/lib/data/import/drafts";
import { matchNames } from "@/lib/data/import/match-names";
import { submitImport } from "@/lib/data/import/submit";
import { confirmMembership, recordOrganizationConfirmation } from "@/lib/data/memberships/confirmations";
import { getDiscrepancyReport } from "@/lib/data/admin/discrepancies";
import { getStaffDashboard } from "@/lib/data/accounts/dashboard";
import { getInstitutionBySlug } from "@/lib/data/institutions/profile";
import { getOrganizationBySlug } from "@/lib/data/organizations/profile";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/shared/errors";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";
import { seedPages } from "../support/seed-pages";
import { unclosedParagraphs } from "../support/adversarial-pages";

useWriteDatabase();

const prisma = testPrisma();
let admin: Actor;
let nmuStaff: Actor;
let cuhkStaff: Actor;
const actor = (email: string) => loadActor(prisma, email);

beforeAll(async () => {
  [admin, nmuStaff, cuhkStaff] = await Promise.all([
    actor("admin@atlas.test"),
    actor("staff@njmu.test"),
    actor("staff@cuhk.test"),
  ]);
});
afterAll(() => prisma.$disconnect());

describe("import from an existing page", () => {
  // What the seed pages state, as the seed stores it (prisma/seed-data/memberships.json).
  const expected = {
    nmu: [
      ["belt-and-road-federation-for-health-promotion", "2019-11-11", "FOUNDING_MEMBER"],
      ["association-of-sino-russian-medical-universities", null, null],
      ["belt-and-road-international-medical-education-alliance", "2018-05", "FOUNDING_MEMBER"],
      ["m9-collaboration-network", "2021-07-09", "FOUNDING_MEMBER"],
      ["eurasia-pacific-uninet", "2009-10", "MEMBER"],
      ["south-and-southeast-asia-medical-education-and-service-alliance", null, null],
    ],
    cuhk: [
      ["alliance-of-international-science-organizations", "2018-11", "FOUNDING_MEMBER"],
      ["mou-cuhk-ningxia-medical-university", "2019-08", "SIGNATORY"],
      ["belt-and-road-greater-bay-area-chinese-medicine-training-programme", "2019", "ORGANIZER"],
      ["pan-asian-biomedical-science-consortium", "2012", "MEMBER"],
      ["university-alliance-of-belt-and-road", "2016", "MEMBER"],
      ["university-alliance-of-the-silk-road", "2016", "MEMBER"],
    ],
  };

  it("NMU's page: recovers its six organizations, dates at their precision and roles; all already listed", async () => {
    const r = await previewImport(nmuStaff, {
      text: seedPages["nmu-international-organizations"]!,
      sourceUrl: "https://www.njmu.edu.cn/io",
      sourceTitle: null,
    });
    const draft = await getImportDraft(nmuStaff, r.id, "en");
    expect(draft.rows.map((x) => [x.match?.slug ?? null, x.joined?.iso ?? null, x.role])).toEqual(expected.nmu);
    // Already listed (other tests running beside this one may have changed a date since the seed).
    expect(draft.rows.every((x) => x.action === "UNCHANGED" || x.action === "UPDATE")).toBe(true);
  });

  it(`CUHK's page: recovers its six organizations (one named only inside another's text), \
dates and roles`, async () => {
    const r = await previewImport(cuhkStaff, {
      text: seedPages["cuhk-belt-and-road"]!,
      sourceUrl: null,
      sourceTitle: "CUHK Belt and Road page",
    });
    const draft = await getImportDraft(cuhkStaff, r.id, "en");
    expect(draft.rows.map((x) => [x.match?.slug ?? null, x.joined?.iso ?? null, x.role])).toEqual(expected.cuhk);
    expect(draft.rows.find((x) => x.match?.slug === "pan-asian-biomedical-science-consortium")!.passage).toBe(
      "CUHK joined the ASIA-International Biomedical Science Consortium (the Consortium) in 2012.",
    );
  });

  it(`fuzzy: a page with different spellings and a former name still finds the organizations, \
and proposes what differs`, async () => {
    // Harbin Medical University: no other test writes its entries. It is listed in EPU since 2009.
    const harbin = await prisma.institution.findUniqueOrThrow({ where: { slug: "harbin-medical-university" } });
    const staff = await prisma.user.create({
      data: {
        email: "staff@hrbmu.test",
        name: "Harbin staff",
        role: "STAFF",
        staffRole: "MANAGER",
        institutionId: harbin.id,
      },
      select: { id: true, email: true, name: true, role: true, institutionId: true, staffRole: true },
    });
    const epu = await prisma.organization.findUniqueOrThrow({ where: { slug: "eurasia-pacific-uninet" } });
    await prisma.membership.create({
      data: {
        institutionId: harbin.id,
        organizationId: epu.id,
        role: "MEMBER",
        joinedOn: new Date("2009-01-01T00:00:00Z"),
        joinedPrecision: "YEAR",
        sourceId: (await prisma.source.findFirstOrThrow()).id,
      },
    });
    const page = [
      "Our memberships",
      "",
      "Eurasia Pacific UniNet (EPU)",
      "",
      "Austrian ministry",
      "",
      "An academic exchange system. ".repeat(10),
      "",
      "2010, Member",
      "",
      "ASIA-International Biomedical Science Consortium",
      "",
      "Several institutes",
      "",
      "A consortium of biomedical science institutes. ".repeat(6),
      "",
      "Harbin Medical University joined in March 2015.",
      "",
      "Danube Medical Schools Network",
      "",
      "Founders",
      "",
      "A network of medical schools along the Danube. ".repeat(6),
      "",
      "June 2020, Member",
    ].join("\n");
    const r = await previewImport(staff, { text: page, sourceUrl: "https://example.org/hrbmu", sourceTitle: null });
    const draft = await getImportDraft(staff, r.id, "en");
    expect(draft.rows.map((x) => [x.match?.slug ?? null, x.action, x.joined?.iso ?? null, x.role])).toEqual([
      ["eurasia-pacific-uninet", "UPDATE", "2010", "MEMBER"],
      ["pan-asian-biomedical-science-consortium", "CREATE", "2015-03", "MEMBER"],
      [null, "NEW_ORGANIZATION", "2020-06", "MEMBER"],
    ]);

    // Sending: the reviewed rows become change requests; a new organization is left to its own form.
    const before = await prisma.changeRequest.count({ where: { institutionId: harbin.id } });
    await expect(
      submitImport(staff, { draftId: r.id, rows: { "2": { include: "on", role: "MEMBER", joined: "June 2020" } } }),
    ).rejects.toThrow(ValidationError);
    await expect(
      submitImport(staff, { draftId: r.id, rows: { "0": { include: "on", role: "MEMBER", joined: "Feb 30, 2010" } } }),
    ).rejects.toThrow(ValidationError);
    await expect(
      submitImport(cuhkStaff, { draftId: r.id, rows: { "0": { include: "on", role: "MEMBER", joined: "2010" } } }),
    ).rejects.toThrow(NotFoundError);
    expect(await prisma.changeRequest.count({ where: { institutionId: harbin.id } })).toBe(before);
    const sent = await submitImport(staff, {
      draftId: r.id,
      rows: {
        "0": { include: "on", role: "MEMBER", joined: "2010" },
        "1": { include: "on", role: "MEMBER", joined: "March 2015" },
        "2": { role: "MEMBER", joined: "" },
      },
    });
    expect(sent.requests).toBe(2);
    const requests = await prisma.changeRequest.findMany({
      where: { institutionId: harbin.id },
      select: { kind: true, proposed: true, reason: true },
    });
    expect(requests.map((q) => q.kind).sort()).toEqual(["MEMBERSHIP_CREATE", "MEMBERSHIP_UPDATE"]);
    expect(requests.every((q) => q.reason === "Imported from https://example.org/hrbmu")).toBe(true);
    expect(requests.find((q) => q.kind === "MEMBERSHIP_CREATE")!.proposed).toMatchObject({
      joined: { iso: "2015-03", precision: "MONTH" },
      sourceQuote: "Harbin Medical University joined in March 2015.",
    });
    await expect(
      submitImport(staff, { draftId: r.id, rows: { "0": { include: "on", role: "MEMBER", joined: "2010" } } }),
    ).rejects.toThrow(/already sent/);
  });

  it(`the 200 KB page of unclosed <p of the issue is read at once: no organization in it, \
nothing written`, async () => {
    const drafts = await prisma.importDraft.count();
    await expect(
      previewImport(cuhkStaff, { text: unclosedParagraphs, sourceUrl: "https://example.org", sourceTitle: null }),
    ).rejects.toThrow(/No organizations/);
    expect(await prisma.importDraft.count()).toBe(drafts);
  });

  it("NMU's page as HTML, followed by 190 KB of markup never closed, still gives its six rows", async () => {
    const html = `<table>${seedPages["nmu-international-organizations"]!.split(/\n\s*\n/)
      .map((cell) => `<tr><td>${cell.replace(/&/g, "&amp;")}</td></tr>`)
      .join("\n")}</table>`;
    const text = html + "<a <script <!-- <p ".repeat(Math.floor((199_000 - html.length) / 19));
    expect(text.length).toBeGreaterThan(195_000);
    const r = await previewImport(nmuStaff, { text, sourceUrl: "https://www.njmu.edu.cn/io", sourceTitle: null });
    const draft = await getImportDraft(nmuStaff, r.id, "en");
    expect(draft.rows.map((x) => [x.match?.slug ?? null, x.joined?.iso ?? null, x.role])).toEqual(expected.nmu);
  });

  it("looks names up at the reader's own threshold: a weak likeness is no match, a close one is", async () => {
    // similarity() 0.57 and 0.58 to "Eurasia-Pacific Uninet": below the 0.6 a row needs. pg_trgm's default
    // (0.3) returned them, and a CSV row took such a weak likeness for the organization.
    const found = await matchNames([
      "Eurasia Pacific Network",
      "Uninet of Eurasia",
      "Eurasia-Pacific Uninet alumni",
      "EPU",
    ]);
    expect(found.has("Eurasia Pacific Network")).toBe(false);
    expect(found.has("Uninet of Eurasia")).toBe(false);
    expect(found.get("Eurasia-Pacific Uninet alumni")).toMatchObject({ slug: "eurasia-pacific-uninet" });
    expect(found.get("Eurasia-Pacific Uninet alumni")!.score).toBeGreaterThanOrEqual(0.6);
    expect(found.get("EPU")).toMatchObject({ slug: "eurasia-pacific-uninet", score: 1 });
  });

  it("a lookup that would hold the database too long stops with a message, not a stuck request", async () => {
    const names = Array.from({ length: 2000 }, (_, i) => `Network number ${i} of universities`);
    const refused = await matchNames(names, 1).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).message).toMatch(/more organizations than can be looked up at once/);
    // The connection it used is fine afterwards: the next lookup, with the normal bound, answers.
    expect((await matchNames(["EPU"])).get("EPU")?.slug).toBe("eurasia-pacific-uninet");
  });

  it("refuses admins and text with no organization in it", async () => {
    await expect(
      previewImport(admin, {
        text: seedPages["cuhk-belt-and-road"]!,
        sourceUrl: "https://example.org",
        sourceTitle: null,
      }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      previewImport(cuhkStaff, {
        text: "Welcome to our website.\n\nNews and events.",
        sourceUrl: "https://example.org",
        sourceTitle: null,
      }),
    ).rejects.toThrow(/No organizations/);
  });
});

describe("re-confirmation and corroboration", () => {
  it(`entries not confirmed for a year are flagged; 'still accurate' confirms without a change request, \
audited and public`, async () => {
    const m = await prisma.membership.findFirstOrThrow({
      where: {
        institutionId: cuhkStaff.institutionId!,
        organization: { slug: "university-alliance-of-belt-and-road" },
      },
      include: { organization: true },
    });
    await prisma.membership.update({ where: { id: m.id }, data: { confirmedAt: new Date("2025-01-10T00:00:00Z") } });
    let dashboard = await getStaffDashboard(cuhkStaff, "en");
    expect(dashboard.memberships.find((x) => x.id === m.id)).toMatchObject({
      needsConfirmation: true,
      confirmedOn: "2025-01-10",
    });
    expect(dashboard.memberships.filter((x) => x.needsConfirmation)).toHaveLength(1);

    await expect(confirmMembership(nmuStaff, m.id)).rejects.toThrow(NotFoundError);
    await expect(confirmMembership(admin, m.id)).rejects.toThrow(ForbiddenError);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: m.id } })).confirmedAt!.toISOString()).toBe(
      "2025-01-10T00:00:00.000Z",
    );

    const r = await confirmMembership(cuhkStaff, m.id);
    expect(r.tags).toContain("organization:university-alliance-of-belt-and-road");
    const after = await prisma.membership.findUniqueOrThrow({ where: { id: m.id } });
    expect(after.version).toBe(m.version);
    expect(after.confirmedById).toBe(cuhkStaff.id);
    expect(await prisma.auditEvent.count({ where: { entityId: m.id, action: "membership.confirm" } })).toBe(1);
    dashboard = await getStaffDashboard(cuhkStaff, "en");
    expect(dashboard.memberships.find((x) => x.id === m.id)!.needsConfirmation).toBe(false);
  });

  it("the organization's own confirmation makes the membership corroborated on both public pages", async () => {
    const m = await prisma.membership.findFirstOrThrow({
      where: {
        institutionId: cuhkStaff.institutionId!,
        organization: { slug: "university-alliance-of-the-silk-road" },
      },
    });
    await expect(
      recordOrganizationConfirmation(cuhkStaff, {
        membershipId: m.id,
        sourceUrl: "https://uasr.example.org/members",
        sourceTitle: null,
        sourceQuote: null,
      }),
    ).rejects.toThrow(ForbiddenError);
    await recordOrganizationConfirmation(admin, {
      membershipId: m.id,
      sourceUrl: "https://uasr.example.org/members",
      sourceTitle: "UASR members",
      sourceQuote: "The Chinese University of Hong Kong",
    });
    const o = await getOrganizationBySlug("university-alliance-of-the-silk-road", "en");
    const row = o!.members.find((x) => x.institution.slug === "chinese-university-of-hong-kong")!;
    expect(row.confirmation).toMatchObject({
      corroborated: true,
      institutionConfirmedOn: "2026-11-23",
      organizationSource: {
        url: "https://uasr.example.org/members",
        publisher: "University Alliance of the Silk Road",
      },
    });
    const i = await getInstitutionBySlug("chinese-university-of-hong-kong", "en");
    const corroborated = i!.participations.filter((p) => p.confirmation.corroborated).map((p) => p.organization.slug);
    expect(corroborated).toContain("university-alliance-of-the-silk-road");
    const source = await prisma.source.findFirstOrThrow({ where: { url: "https://uasr.example.org/members" } });
    expect(source.organizationId).toBe(m.organizationId);
    await expect(
      recordOrganizationConfirmation(admin, {
        membershipId: "nope",
        sourceUrl: "https://x.org",
        sourceTitle: null,
        sourceQuote: null,
      }),
    ).rejects.toThrow(NotFoundError);
  });
});

describe("discrepancy report", () => {
  it(`finds declared counts above the members listed, joins before founding, \
one-sided claims and look-alike records`, async () => {
    // A membership dated before its organization's founding (UABR was founded in October 2015) and a look-alike
    // institution.
    const uabr = await prisma.organization.findUniqueOrThrow({
      where: { slug: "university-alliance-of-belt-and-road" },
    });
    const ningxia = await prisma.institution.findUniqueOrThrow({ where: { slug: "ningxia-medical-university" } });
    const source = await prisma.source.findFirstOrThrow();
    await prisma.membership.create({
      data: {
        institutionId: ningxia.id,
        organizationId: uabr.id,
        role: "MEMBER",
        joinedOn: new Date("2014-01-01T00:00:00Z"),
        joinedPrecision: "YEAR",
        sourceId: source.id,
      },
    });
    await prisma.institution.create({
      data: {
        slug: "the-nanjing-medical-university",
        kind: "UNIVERSITY",
        country: "CN",
        names: { create: [{ locale: "en", name: "The Nanjing Medical University" }] },
      },
    });

    const report = await getDiscrepancyReport(admin);
    expect(report.counts.rows.map((r) => r.organization.slug)).toContain("university-alliance-of-belt-and-road");
    const uabrCount = report.counts.rows.find((r) => r.organization.slug === "university-alliance-of-belt-and-road")!;
    expect(uabrCount).toMatchObject({ declared: 126, qualifier: "EXACTLY" });
    expect(report.joinedBeforeFounded.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          organization: expect.objectContaining({ slug: "university-alliance-of-belt-and-road" }),
          institution: expect.objectContaining({ slug: "ningxia-medical-university" }),
          joined: { iso: "2014", precision: "YEAR" },
        }),
      ]),
    );
    // The seed's memberships come from the universities' own pages; none from an organization's. Other files
    // sharing this database (the authorization matrix) may have recorded organizations' confirmations first.
    const oneSided = await prisma.membership.count({
      where: { confirmedAt: { not: null }, organizationConfirmedAt: null },
    });
    expect(oneSided).toBeGreaterThanOrEqual(8);
    expect(report.onlyInstitution.total).toBe(oneSided);
    expect(report.onlyOrganization.rows).toContainEqual(
      expect.objectContaining({
        reason: "FOUNDER_NOT_MEMBER",
        organization: expect.objectContaining({ slug: "m9-collaboration-network" }),
        institution: expect.objectContaining({ slug: "harbin-medical-university" }),
      }),
    );
    expect(report.duplicateInstitutions.rows.map((r) => [r.a.slug, r.b.slug].sort())).toContainEqual([
      "nanjing-medical-university",
      "the-nanjing-medical-university",
    ]);
    // "X Medical University" and "Y Medical University" are different universities.
    expect(
      report.duplicateInstitutions.rows.some((r) => [r.a.slug, r.b.slug].includes("tianjin-medical-university")),
    ).toBe(false);
    await expect(getDiscrepancyReport(nmuStaff)).rejects.toThrow(ForbiddenError);
  });
});
