// The pictures' figures, aggregated in SQL, checked against the seed data files they were loaded from.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { getInstitutionNetwork, getOrganizationCharts, getRegistryCharts } from "@/lib/data/organizations/charts";
import institutions from "../../prisma/seed-data/institutions.json";
import memberships from "../../prisma/seed-data/memberships.json";
import organizations from "../../prisma/seed-data/organizations.json";

afterAll(async () => {
  await db().$disconnect();
});

const countryOf = new Map(institutions.map((i) => [i.slug, i.country]));

/** Who takes part in each organization according to the seed: its listed members and its founders. */
function participants(): Map<string, Set<string>> {
  const byOrg = new Map<string, Set<string>>();
  const add = (org: string, inst: string) => byOrg.set(org, (byOrg.get(org) ?? new Set()).add(inst));
  for (const m of memberships) add(m.organization, m.institution);
  for (const o of organizations)
    for (const f of (o as { founders?: { institution: string }[] }).founders ?? []) add(o.slug, f.institution);
  return byOrg;
}

describe("getOrganizationCharts", () => {
  it("counts every organization's members per country exactly as the seed lists them", async () => {
    for (const o of organizations) {
      const charts = await getOrganizationCharts(o.slug);
      const expected = new Map<string, number>();
      for (const m of memberships.filter((m) => m.organization === o.slug)) {
        const c = countryOf.get(m.institution)!;
        expected.set(c, (expected.get(c) ?? 0) + 1);
      }
      expect(new Map(charts!.memberCountries.map((c) => [c.code, c.count])), o.slug).toEqual(expected);
      const timeline = charts!.timeline;
      expect(timeline.dated + timeline.unknown, o.slug).toBe(
        memberships.filter((m) => m.organization === o.slug).length,
      );
      expect(timeline.buckets.at(-1)?.cumulative ?? 0, o.slug).toBe(timeline.dated);
    }
  });

  it(`EPU: NMU's membership in China, the countries the source names beside it, \
and a join in October 2009`, async () => {
    const charts = await getOrganizationCharts("eurasia-pacific-uninet");
    expect(charts!.memberCountries).toEqual([{ code: "CN", count: 1 }]);
    expect(charts!.namedOnly.sort()).toEqual(["AT", "BT", "IN", "KP", "KR", "KZ", "MN", "NP", "RU"]);
    expect(charts!.timeline).toEqual({
      buckets: [{ iso: "2009-10", precision: "MONTH", joined: 1, cumulative: 1 }],
      dated: 1,
      unknown: 0,
    });
  });

  it("a year-precision join stays a year: CUHK joined UASR in 2016", async () => {
    const charts = await getOrganizationCharts("university-alliance-of-the-silk-road");
    expect(charts!.memberCountries).toEqual([{ code: "HK", count: 1 }]);
    expect(charts!.timeline.buckets).toEqual([{ iso: "2016", precision: "YEAR", joined: 1, cumulative: 1 }]);
  });

  it(`the MOU: two signatories in two regions, both in August 2019; the Sino-Russian association: \
date unknown`, async () => {
    const mou = await getOrganizationCharts("mou-cuhk-ningxia-medical-university");
    expect(mou!.memberCountries).toEqual([
      { code: "CN", count: 1 },
      { code: "HK", count: 1 },
    ]);
    expect(mou!.timeline.buckets).toEqual([{ iso: "2019-08", precision: "MONTH", joined: 2, cumulative: 2 }]);
    const asrmu = await getOrganizationCharts("association-of-sino-russian-medical-universities");
    expect(asrmu!.timeline).toEqual({ buckets: [], dated: 0, unknown: 1 });
    expect(asrmu!.namedOnly).toEqual(["RU"]);
  });

  it("answers null for an organization that does not exist", async () => {
    expect(await getOrganizationCharts("no-such-organization")).toBeNull();
  });
});

describe("getInstitutionNetwork", () => {
  const expectedNetwork = (slug: string) => {
    const shared = new Map<string, number>();
    for (const members of participants().values()) {
      if (!members.has(slug)) continue;
      for (const other of members) if (other !== slug) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    return shared;
  };

  it("NMU: the institutions it shares organizations with, as members or founders, weighted by how many", async () => {
    const network = await getInstitutionNetwork("nanjing-medical-university", "en");
    const expected = expectedNetwork("nanjing-medical-university");
    expect(network!.center).toEqual({
      slug: "nanjing-medical-university",
      name: "Nanjing Medical University",
      country: "CN",
    });
    expect(new Map(network!.nodes.map((n) => [n.slug, n.shared.length]))).toEqual(expected);
    expect(network!.total).toBe(expected.size);
    // Harbin co-sponsored M9 with NMU and initiated the Sino-Russian association NMU belongs to.
    const harbin = network!.nodes.find((n) => n.slug === "harbin-medical-university")!;
    expect(harbin.shared.map((o) => o.slug).sort()).toEqual([
      "association-of-sino-russian-medical-universities",
      "m9-collaboration-network",
    ]);
    expect(network!.nodes.map((n) => n.slug)).toEqual(
      expect.arrayContaining([
        "chongqing-medical-university",
        "first-moscow-state-medical-university",
        "kunming-medical-university",
        "oead-gmbh",
      ]),
    );
    // Most shared first.
    const weights = network!.nodes.map((n) => n.shared.length);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });

  it("links the shown institutions to each other by the organizations they share", async () => {
    const network = await getInstitutionNetwork("nanjing-medical-university", "en");
    const link = (a: string, b: string) =>
      network!.links.find((l) => (l.source === a && l.target === b) || (l.source === b && l.target === a));
    expect(link("nanjing-medical-university", "harbin-medical-university")?.weight).toBe(2);
    expect(link("chongqing-medical-university", "capital-medical-university")?.weight).toBe(1);
    expect(link("oead-gmbh", "chongqing-medical-university")).toBeUndefined();
  });

  it("CUHK: Ningxia through the MOU, and the founders of the alliances it joined; names in Chinese", async () => {
    const network = await getInstitutionNetwork("chinese-university-of-hong-kong", "zh");
    expect(new Map(network!.nodes.map((n) => [n.slug, n.shared.length]))).toEqual(
      expectedNetwork("chinese-university-of-hong-kong"),
    );
    expect(network!.nodes.find((n) => n.slug === "ningxia-medical-university")).toMatchObject({
      name: "宁夏医科大学",
      country: "CN",
    });
    expect(network!.center.name).toBe("香港中文大学");
  });

  it("answers null for an institution that does not exist", async () => {
    expect(await getInstitutionNetwork("no-such-institution", "en")).toBeNull();
  });
});

describe("getRegistryCharts", () => {
  it("organizations founded per year and memberships per country, as in the seed", async () => {
    const charts = await getRegistryCharts();
    const founded = new Map<number, number>();
    for (const o of organizations)
      if (o.founded) founded.set(Number(o.founded.slice(0, 4)), (founded.get(Number(o.founded.slice(0, 4))) ?? 0) + 1);
    expect(new Map(charts.foundedPerYear.filter((y) => y.count).map((y) => [y.year, y.count]))).toEqual(founded);
    expect(charts.foundedPerYear[0]!.year).toBe(Math.min(...founded.keys()));
    expect(charts.foundedUnknown).toBe(organizations.filter((o) => !o.founded).length);
    const byCountry = new Map<string, number>();
    for (const m of memberships)
      byCountry.set(countryOf.get(m.institution)!, (byCountry.get(countryOf.get(m.institution)!) ?? 0) + 1);
    expect(new Map(charts.membersByCountry.map((c) => [c.code, c.count]))).toEqual(byCountry);
    expect(charts.membersByCountry[0]).toMatchObject({ code: "CN", count: 7, institutions: 2 });
    expect(charts.countryTotal).toBe(byCountry.size);
  });
});
