// The derived search columns (search-columns migration): names and sort names kept by triggers whatever
// writes the names, CJK character pairs through the full-text index, and typo matches only as a fallback.
import { afterAll, describe, expect, it } from "vitest";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();
const { db } = await import("@/lib/db");
const { listOrganizations } = await import("@/lib/data/organizations");
const { listInstitutions } = await import("@/lib/data/institutions");
const { adminUpdateOrganization, getOrganizationProfile } = await import("@/lib/data/admin-records");
const { cjkBigramQuery } = await import("@/lib/data/search-pattern");
const { adminUpdateOrganizationSchema } = await import("@/lib/validation/membership");

const prisma = testPrisma();
const EPU = "eurasia-pacific-uninet";
const search = (q: string, locale = "en") => listOrganizations({ q, sort: "relevance", page: 1, pageSize: 20 } as Parameters<typeof listOrganizations>[0], locale);
const columns = (slug: string) =>
  prisma.$queryRaw<{ searchNames: string; sortNameEn: string; sortNameZh: string }[]>`
    SELECT "searchNames", "sortNameEn", "sortNameZh" FROM "Organization" WHERE slug = ${slug}`.then((r) => r[0]!);

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

describe("derived search columns", () => {
  it("the seed fills every organization's and institution's names and sort names", async () => {
    const [o] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Organization" WHERE "searchNames" = '' OR "sortNameEn" = '' OR "sortNameZh" = ''`;
    const [i] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Institution" WHERE "sortNameEn" = '' OR "sortNameZh" = ''`;
    expect(o!.n).toBe(0);
    expect(i!.n).toBe(0);
    const epu = await columns(EPU);
    expect(epu.searchNames.split("\n")).toContain("EPU");
    expect(epu.sortNameEn).toBe("Eurasia-Pacific Uninet");
  });

  it("renaming an organization updates its search names and sort names, so search finds the new name only", async () => {
    const admin = await loadActor(prisma, "admin@atlas.test");
    const p = await getOrganizationProfile(admin, EPU);
    const v = p.values;
    const form = adminUpdateOrganizationSchema.parse({
      organizationSlug: EPU, baseVersion: String(p.version),
      values: { nameEn: "Quokka Polytechnic Circle", nameZh: "袋鼠理工圈", acronym: "QPC", kind: v.kind, founded: v.founded?.iso ?? "", website: v.website ?? "", introduction: v.introduction ?? "" },
    });
    await adminUpdateOrganization(admin, form);
    const after = await columns(EPU);
    expect(after.sortNameEn).toBe("Quokka Polytechnic Circle");
    expect(after.sortNameZh).toBe("袋鼠理工圈");
    expect(after.searchNames).toContain("QPC");
    expect(after.searchNames).not.toContain("EPU");
    expect((await search("Quokka Poly")).items.map((i) => i.slug)).toEqual([EPU]);
    expect((await search("QPC")).items[0]?.slug).toBe(EPU);
    expect((await search("理工")).items.map((i) => i.slug)).toEqual([EPU]);
  });

  it("an institution renamed through its names keeps its sort names current", async () => {
    const i = await prisma.institution.findFirstOrThrow({ select: { id: true, slug: true } });
    await prisma.institutionName.deleteMany({ where: { institutionId: i.id, kind: "OFFICIAL", locale: "en" } });
    await prisma.institutionName.create({ data: { institutionId: i.id, locale: "en", name: "Aardvark Institute of Testing", kind: "OFFICIAL" } });
    const [row] = await prisma.$queryRaw<{ sortNameEn: string }[]>`SELECT "sortNameEn" FROM "Institution" WHERE id = ${i.id}`;
    expect(row!.sortNameEn).toBe("Aardvark Institute of Testing");
    const list = await listInstitutions({ q: undefined, sort: "name", page: 1, pageSize: 20 }, "en");
    expect(list.items[0]?.slug).toBe(i.slug);
  });
});

describe("CJK pairs and typo fallback", () => {
  it("splits a CJK query into neighbouring pairs, and nothing else", () => {
    expect(cjkBigramQuery("联盟")).toBe("'联盟'");
    expect(cjkBigramQuery("大学联盟")).toBe("'大学' & '学联' & '联盟'");
    expect(cjkBigramQuery("盟")).toBeNull();
    expect(cjkBigramQuery("silk road")).toBeNull();
  });

  it("two Chinese characters find exactly the organizations whose text holds them", async () => {
    const expected = await prisma.$queryRaw<{ slug: string }[]>`SELECT slug FROM "Organization" WHERE "searchText" LIKE '%联盟%' ORDER BY slug`;
    expect(expected.length).toBeGreaterThan(1);
    const r = await search("联盟", "zh");
    expect(r.total).toBe(expected.length);
    expect(r.items.map((i) => i.slug).sort()).toEqual(expected.map((e) => e.slug));
  });

  it("a misspelling finds names by similarity only while the exact matches are fewer than a page", async () => {
    expect((await search("Silk Raod")).items.map((i) => i.slug)).toContain("university-alliance-of-the-silk-road");
    // With twenty or more exact hits the similarity half is skipped: 25 organizations named "Silk Raod …".
    const ids: string[] = [];
    for (let n = 0; n < 25; n++) {
      const o = await prisma.organization.create({
        data: { slug: `silk-raod-test-${n}`, kind: "NETWORK", searchText: `Silk Raod Test ${n}`, names: { create: [{ locale: "en", name: `Silk Raod Test ${n}` }] } },
        select: { id: true },
      });
      ids.push(o.id);
    }
    try {
      // Another spelling of the same query: listOrganizations caches by its arguments.
      const r = await search("silk raod");
      expect(r.items.map((i) => i.slug)).not.toContain("university-alliance-of-the-silk-road");
      expect(r.total).toBe(25);
    } finally {
      await prisma.organization.deleteMany({ where: { id: { in: ids } } });
    }
  });
});
