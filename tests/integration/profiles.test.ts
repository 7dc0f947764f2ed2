// Institution search and the organization and institution profiles, through lib/data against the seeded
// database.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { listInstitutions } from "@/lib/data/institutions/list";
import { getInstitutionBySlug } from "@/lib/data/institutions/profile";
import { getOrganizationBySlug } from "@/lib/data/organizations/profile";
import {
  institutionSearch,
  ANSO,
  BRIMEA,
  BY_NAME,
  EPU,
  FEDERATION,
  M9,
  MOU,
  PABSC,
  PROGRAMME,
  SINO_RUSSIAN,
  SOUTH_ASIA,
  UABR,
  UASR,
} from "../support/search";

afterAll(async () => {
  await db().$disconnect();
});

describe("getOrganizationBySlug", () => {
  it("M9: nine founders in the page's order, with the source", async () => {
    const o = await getOrganizationBySlug(M9, "en");
    expect(o).not.toBeNull();
    expect(o!.name).toBe(
      "International Collaboration Network of Medical Universities Jointly Built by Ministries and Provinces",
    );
    expect(o!.founders).toHaveLength(9);
    expect(o!.founders[0]).toMatchObject({
      roles: ["PROPOSER"],
      institution: { slug: "chongqing-medical-university", name: "Chongqing Medical University", country: "CN" },
    });
    expect(o!.founders.slice(1).every((f) => f.roles.join() === "CO_SPONSOR")).toBe(true);
    expect(o!.founders.map((f) => f.institution.name)).toContain("Nanjing Medical University");
    for (const f of o!.founders) expect(f.sources.map((s) => s.key)).toEqual(["nmu-international-organizations"]);
    expect(o!.members).toHaveLength(1);
    expect(o!.members[0]).toMatchObject({
      role: "FOUNDING_MEMBER",
      joined: { iso: "2021-07-09", precision: "DAY" },
      institution: { slug: "nanjing-medical-university" },
    });
  });

  it("UASR: the declared count, the founder and CUHK as a member since 2016, each with its source", async () => {
    const o = await getOrganizationBySlug(UASR, "en");
    expect(o!.declaredCounts).toEqual([
      expect.objectContaining({
        subject: "MEMBERS",
        qualifier: "OVER",
        value: 150,
        countryCount: 38,
        countries: [],
        asOf: null,
      }),
    ]);
    expect(o!.declaredCounts[0]!.source).toMatchObject({
      key: "cuhk-belt-and-road",
      quote: "the Alliance attracted members of over 150 universities from 38 countries and regions",
    });
    expect(o!.founders).toEqual([
      expect.objectContaining({
        roles: ["FOUNDER"],
        institution: expect.objectContaining({ slug: "xian-jiaotong-university" }),
      }),
    ]);
    expect(o!.founded).toEqual({ iso: "2015", precision: "YEAR" });
    expect(o!.foundedSource).toMatchObject({
      key: "cuhk-belt-and-road",
      quote: "Established in 2015 by Xi’an Jiaotong University, China",
    });
    expect(o!.members).toEqual([
      expect.objectContaining({
        role: "MEMBER",
        status: "ACTIVE",
        joined: { iso: "2016", precision: "YEAR" },
        ended: null,
        institution: expect.objectContaining({ slug: "chinese-university-of-hong-kong", country: "HK" }),
        source: expect.objectContaining({
          key: "cuhk-belt-and-road",
          quote: "CUHK joined the UASR in 2016",
          seenOn: "2026-11-23",
        }),
      }),
    ]);
  });

  it("UABR: both declared counts", async () => {
    const o = await getOrganizationBySlug(UABR, "en");
    const counts = Object.fromEntries(o!.declaredCounts.map((c) => [c.subject, c]));
    expect(counts.FOUNDING_MEMBERS).toMatchObject({
      value: 47,
      countryCount: 8,
      asOf: { iso: "2015-10", precision: "MONTH" },
    });
    expect(counts.MEMBERS).toMatchObject({ value: 126, asOf: null });
  });

  it("PABSC: the current and the former name with their dates", async () => {
    const o = await getOrganizationBySlug(PABSC, "en");
    expect(o!.name).toBe("Pan-Asian Biomedical Science Consortium");
    expect(o!.names).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "FORMER",
          name: "ASIA-International Biomedical Science Consortium",
          validUntil: { iso: "2018-12", precision: "MONTH" },
        }),
        expect.objectContaining({
          kind: "OFFICIAL",
          name: "Pan-Asian Biomedical Science Consortium",
          validFrom: { iso: "2018-12", precision: "MONTH" },
          validUntil: null,
        }),
      ]),
    );
    expect(o!.declaredCounts[0]).toMatchObject({ value: 18, previousValue: 11 });
  });

  it("the MOU has two signatory members and the programme as its child; the programme names it as parent", async () => {
    const mou = await getOrganizationBySlug(MOU, "en");
    expect(mou!.members.map((m) => [m.institution.slug, m.role]).sort()).toEqual([
      ["chinese-university-of-hong-kong", "SIGNATORY"],
      ["ningxia-medical-university", "SIGNATORY"],
    ]);
    expect(mou!.children).toEqual([
      {
        slug: PROGRAMME,
        kind: "PROGRAMME",
        name: "Belt and Road & Greater Bay Area Chinese Medicine Training Programme",
      },
    ]);
    const programme = await getOrganizationBySlug(PROGRAMME, "en");
    expect(programme!.parent).toEqual({ slug: MOU, name: "MOU between CUHK and Ningxia Medical University" });
  });

  it("the Federation names its President", async () => {
    const o = await getOrganizationBySlug(FEDERATION, "en");
    expect(o!.people).toEqual([
      expect.objectContaining({
        name: "Wang Changqing",
        role: "President",
        institution: { slug: "nanjing-medical-university", name: "Nanjing Medical University" },
      }),
    ]);
  });

  it("zh: Chinese names for the organization and its founders where known", async () => {
    const o = await getOrganizationBySlug(ANSO, "zh");
    expect(o!.name).toBe("一带一路国际科学组织联盟");
    expect(o!.originalName).toBe("Alliance of International Science Organizations");
    expect(o!.founders[0]!.institution.name).toBe("中国科学院");
    expect(o!.members[0]!.institution).toMatchObject({
      name: "香港中文大学",
      originalName: "The Chinese University of Hong Kong",
    });
  });

  it("every member row of every organization has a source", async () => {
    let members = 0;
    for (const slug of BY_NAME) {
      const o = await getOrganizationBySlug(slug, "en");
      for (const m of o!.members) {
        members++;
        expect(m.source, `${slug} / ${m.institution.slug}`).not.toBeNull();
        expect(m.source!.quote).toBeTruthy();
      }
      for (const f of o!.founders) expect(f.sources, `${slug} founder ${f.institution.slug}`).not.toHaveLength(0);
    }
    expect(members).toBe(13);
  });

  it("an unknown slug gives null", async () => {
    expect(await getOrganizationBySlug("no-such-organization", "en")).toBeNull();
    expect(await getOrganizationBySlug("", "zh")).toBeNull();
  });
});

describe("listInstitutions", () => {
  it("lists all nineteen by name, with facets", async () => {
    const r = await listInstitutions(institutionSearch({ coverage: "listed" }), "en");
    expect(r.total).toBe(19);
    expect(r.items).toHaveLength(19);
    expect(r.facets.kind.reduce((n, f) => n + f.count, 0)).toBe(19);
    expect(r.facets.kind[0]).toEqual({ value: "UNIVERSITY", count: 14 });
    expect(r.facets.country).toEqual([
      { value: "CN", count: 15 },
      { value: "AT", count: 2 },
      { value: "HK", count: 1 },
      { value: "RU", count: 1 },
    ]);
  });

  it("counts the directory's universities apart from the registry's listed ones", async () => {
    const all = await listInstitutions(institutionSearch(), "en");
    const directoryOnly = await db().institution.count({
      where: { directoryId: { not: null }, memberships: { none: {} }, founded: { none: {} }, people: { none: {} } },
    });
    expect(all.facets.coverage).toEqual([
      { value: "directory", count: directoryOnly },
      { value: "listed", count: 19 },
    ]);
    expect(all.total).toBe(19 + directoryOnly);
    const onlyDirectory = await listInstitutions(institutionSearch({ coverage: "directory", country: "HK" }), "en");
    expect(onlyDirectory.items.map((i) => i.slug)).toContain("university-of-hong-kong");
    expect(onlyDirectory.items.map((i) => i.slug)).not.toContain("chinese-university-of-hong-kong");
    expect(onlyDirectory.items.every((i) => i.membershipCount === 0)).toBe(true);
  });

  it.each([
    ["CUHK", "chinese-university-of-hong-kong"],
    ["香港中文", "chinese-university-of-hong-kong"],
    ["Moscow", "first-moscow-state-medical-university"],
    ["1st Moscow", "first-moscow-state-medical-university"],
    ["Jiaotong School of Medicine", "shanghai-jiao-tong-university-school-of-medicine"],
    ["Yinchuan", "ningxia-medical-university"],
  ])("%j finds %s", async (q, slug) => {
    const r = await listInstitutions(institutionSearch({ q }), "en");
    expect(r.items.map((i) => i.slug)).toContain(slug);
  });

  it("country=HK and kind filters, with the kind facet ignoring its own filter", async () => {
    const hk = await listInstitutions(institutionSearch({ country: "HK", coverage: "listed" }), "en");
    expect(hk.items.map((i) => i.slug)).toEqual(["chinese-university-of-hong-kong"]);
    const academies = await listInstitutions(institutionSearch({ kind: "ACADEMY", coverage: "listed" }), "en");
    expect(academies.items.map((i) => i.slug).sort()).toEqual([
      "chinese-academy-of-engineering",
      "chinese-academy-of-sciences",
    ]);
    expect(academies.facets.kind.length).toBeGreaterThan(1);
  });

  it("sorts by number of memberships", async () => {
    const r = await listInstitutions(institutionSearch({ sort: "memberships" }), "en");
    expect(r.items.slice(0, 3).map((i) => [i.slug, i.membershipCount])).toEqual([
      ["nanjing-medical-university", 6],
      ["chinese-university-of-hong-kong", 6],
      ["ningxia-medical-university", 1],
    ]);
  });

  it("pages in the database", async () => {
    const p1 = await listInstitutions(institutionSearch({ coverage: "listed" }, { pageSize: 10 }), "en");
    const p2 = await listInstitutions(institutionSearch({ coverage: "listed", page: "2" }, { pageSize: 10 }), "en");
    expect(p1.items).toHaveLength(10);
    expect(p2.items).toHaveLength(9);
    expect(p1.pageCount).toBe(2);
    expect(p2.total).toBe(19);
    expect(p1.items.filter((i) => p2.items.some((j) => j.slug === i.slug))).toEqual([]);
  });

  it("zh shows Chinese names with the English original", async () => {
    const r = await listInstitutions(institutionSearch({ q: "Nanjing", coverage: "listed" }), "zh");
    expect(r.items[0]).toMatchObject({
      slug: "nanjing-medical-university",
      name: "南京医科大学",
      originalName: "Nanjing Medical University",
      country: "CN",
      city: "Nanjing",
    });
  });
});

describe("getInstitutionBySlug", () => {
  it("Nanjing Medical University: six participations, dated first (newest first), each with its founders", async () => {
    const i = await getInstitutionBySlug("nanjing-medical-university", "en");
    expect(i).not.toBeNull();
    expect(i!.membershipCount).toBe(6);
    expect(i!.participations.map((p) => [p.organization.slug, p.role, p.joined])).toEqual([
      [M9, "FOUNDING_MEMBER", { iso: "2021-07-09", precision: "DAY" }],
      [FEDERATION, "FOUNDING_MEMBER", { iso: "2019-11-11", precision: "DAY" }],
      [BRIMEA, "FOUNDING_MEMBER", { iso: "2018-05", precision: "MONTH" }],
      [EPU, "MEMBER", { iso: "2009-10", precision: "MONTH" }],
      [SINO_RUSSIAN, "NOT_STATED", null],
      [SOUTH_ASIA, "NOT_STATED", null],
    ]);
    const founders = Object.fromEntries(
      i!.participations.map((p) => [p.organization.slug, p.foundedBy.map((f) => f.name)]),
    );
    expect(founders[FEDERATION]).toEqual(["Nanjing Medical University"]);
    expect(founders[SINO_RUSSIAN]).toEqual(["Harbin Medical University", "First Moscow State Medical University"]);
    expect(founders[BRIMEA]).toEqual(["China Medical University"]);
    expect(founders[M9]).toHaveLength(9);
    expect(founders[M9]![0]).toBe("Chongqing Medical University");
    expect(founders[SOUTH_ASIA]).toEqual([
      "Shanghai Jiao Tong University School of Medicine",
      "Kunming Medical University",
    ]);
    expect(founders[EPU]).toEqual(
      expect.arrayContaining(["Austrian Federal Ministry for Science and Research", "OeAD-GmbH"]),
    );
    for (const p of i!.participations) expect(p.source?.key).toBe("nmu-international-organizations");
    // NMU founded the Federation and co-sponsored M9.
    expect(i!.founded.map((f) => [f.organization.slug, f.roles.join()]).sort()).toEqual([
      [FEDERATION, "FOUNDER"],
      [M9, "CO_SPONSOR"],
    ]);
  });

  it("CUHK: six participations and what it signed and organizes", async () => {
    const i = await getInstitutionBySlug("chinese-university-of-hong-kong", "en");
    expect(i!.country).toBe("HK");
    expect(i!.participations).toHaveLength(6);
    const anso = i!.participations.find((p) => p.organization.slug === ANSO);
    expect(anso).toMatchObject({
      role: "FOUNDING_MEMBER",
      joined: { iso: "2018-11", precision: "MONTH" },
      notes: "The only institution from Hong Kong among the 36 founding members.",
    });
    expect(i!.founded.map((f) => [f.organization.slug, f.roles.join()]).sort()).toEqual([
      [PROGRAMME, "ORGANIZER"],
      [MOU, "SIGNATORY"],
    ]);
  });

  it("zh: the Chinese name with the English original", async () => {
    const i = await getInstitutionBySlug("nanjing-medical-university", "zh");
    expect(i).toMatchObject({ name: "南京医科大学", originalName: "Nanjing Medical University" });
    expect(i!.participations.find((p) => p.organization.slug === EPU)?.organization).toMatchObject({
      name: "欧亚太平洋学术协会",
      originalName: "Eurasia-Pacific Uninet",
    });
  });

  it("an unknown slug gives null", async () => {
    expect(await getInstitutionBySlug("no-such-university", "en")).toBeNull();
  });
});

// Regressions found by these tests.
describe("fixed defects", () => {
  it("listInstitutions still reports the total on a page past the end", async () => {
    // 19 listed institutions, 20 a page
    const r = await listInstitutions(institutionSearch({ coverage: "listed", page: "2" }), "en");
    expect(r.items).toEqual([]);
    expect(r.total).toBe(19);
  });

  it("foundedBy lists EPU's two founders once each, as the NMU page does", async () => {
    const i = await getInstitutionBySlug("nanjing-medical-university", "en");
    const epu = i!.participations.find((p) => p.organization.slug === EPU);
    expect(epu!.foundedBy.map((f) => f.slug)).toEqual([
      "austrian-federal-ministry-for-science-and-research",
      "oead-gmbh",
    ]);
    // …each with all its roles: the ministry is founder and supporter.
    expect(epu!.foundedBy[0]?.roles).toEqual(["FOUNDER", "SUPPORTER"]);
  });
});
