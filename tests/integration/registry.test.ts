// The home page's figures, through lib/data against the seeded database.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { getRegistryOverview } from "@/lib/data/open/overview";

afterAll(async () => {
  await db().$disconnect();
});

describe("getRegistryOverview", () => {
  it("counts what the two pages give", async () => {
    const { counts } = await getRegistryOverview("en");
    // Institutions: those with something listed, not the directory's 10,000; sources: the two pages, the editorial
    // Chinese names and the directory.
    expect(counts).toMatchObject({ organizations: 12, institutions: 19, memberships: 13, sources: 4 });
  });

  it("counts the countries and regions of institutions and of the lists the sources name", async () => {
    const { counts } = await getRegistryOverview("en");
    // Institutions: CN, HK, RU, AT. Named by sources besides: BRIMEA's initiators (UA, KG, EE, AZ, PK, PH),
    // EPU's members (MN, KR, KP, KZ, NP, BT, IN) and PABSC's (TH, MY, VN).
    expect(counts.countries).toBe(20);
  });

  it("lists the five most recently founded organizations, newest first, at their precision", async () => {
    const { newest } = await getRegistryOverview("en");
    expect(newest.map((o) => [o.slug, o.founded])).toEqual([
      ["mou-cuhk-ningxia-medical-university", { iso: "2019-08", precision: "MONTH" }],
      ["belt-and-road-greater-bay-area-chinese-medicine-training-programme", { iso: "2019", precision: "YEAR" }],
      ["alliance-of-international-science-organizations", { iso: "2018-11", precision: "MONTH" }],
      ["university-alliance-of-belt-and-road", { iso: "2015-10", precision: "MONTH" }],
      ["university-alliance-of-the-silk-road", { iso: "2015", precision: "YEAR" }],
    ]);
  });

  it("names things in the locale", async () => {
    const { newest, recentlyUpdated } = await getRegistryOverview("zh");
    expect(newest.find((o) => o.slug === "university-alliance-of-the-silk-road")?.name).toBe("丝绸之路大学联盟");
    expect(recentlyUpdated).toHaveLength(6);
    const times = recentlyUpdated.map((r) => Date.parse(r.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const r of recentlyUpdated) expect(r.institution.name).toMatch(/[\u4e00-\u9fff]|^First Moscow/);
  });
});
