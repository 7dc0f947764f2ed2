// The derived search columns (search-columns migration): names and sort names kept by triggers whatever
// writes the names, CJK character pairs through the full-text index, and typo matches only as a fallback.
import type { Locale } from "@/i18n/routing";
import { afterAll, describe, expect, it } from "vitest";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();
const { db } = await import("@/lib/data/db");
const { listOrganizations } = await import("@/lib/data/organizations/list");
const { adminUpdateOrganization, getOrganizationProfile } = await import("@/lib/data/admin/records");
const { cjkBigramQuery } = await import("@/lib/data/search/patterns");
const { adminUpdateOrganizationSchema } = await import("@/lib/validation/organizations");

const prisma = testPrisma();
const search = (q: string, locale: Locale = "en") =>
  listOrganizations({ q, sort: "relevance", page: 1, pageSize: 20 } as Parameters<typeof listOrganizations>[0], locale);
const columns = (slug: string) =>
  prisma.$queryRaw<{ searchNames: string; sortNameEn: string; sortNameZh: string }[]>`
    SELECT "searchNames", "sortNameEn", "sortNameZh" FROM "Organization" WHERE slug = ${slug}`.then((r) => r[0]!);

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

describe("derived search columns", () => {
  it("the seed fills every organization's and institution's names and sort names", async () => {
    const [o] = await prisma.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM "Organization" WHERE "searchNames" = '' OR "sortNameEn" = '' OR "sortNameZh" = ''`;
    const [i] = await prisma.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM "Institution" WHERE "sortNameEn" = '' OR "sortNameZh" = ''`;
    expect(o!.n).toBe(0);
    expect(i!.n).toBe(0);
    const epu = await columns("eurasia-pacific-uninet");
    expect(epu.searchNames.split("\n")).toContain("EPU");
    expect(epu.sortNameEn).toBe("Eurasia-Pacific Uninet");
  });

  // Fresh records, deleted afterwards: other files read the seeded ones from this database at the same time.
  it(`renaming an organization updates its search names and sort names, \
so search finds the new name only`, async () => {
    const admin = await loadActor(prisma, "admin@atlas.test");
    const slug = "temporary-wombat-network";
    await prisma.organization.create({
      data: {
        slug,
        kind: "NETWORK",
        acronym: "TWN",
        searchText: "Temporary Wombat Network TWN",
        names: { create: [{ locale: "en", name: "Temporary Wombat Network", acronym: "TWN" }] },
      },
    });
    try {
      const before = await columns(slug);
      expect(before).toEqual({
        searchNames: "TWN\nTemporary Wombat Network",
        sortNameEn: "Temporary Wombat Network",
        sortNameZh: "Temporary Wombat Network",
      });
      const p = await getOrganizationProfile(admin, slug);
      const form = adminUpdateOrganizationSchema.parse({
        organizationSlug: slug,
        baseVersion: String(p.version),
        values: {
          nameEn: "Quokka Polytechnic Circle",
          nameZh: "袋鼠理工圈",
          acronym: "QPC",
          kind: "NETWORK",
          founded: "",
          website: "",
          introduction: "",
        },
      });
      await adminUpdateOrganization(admin, form);
      const after = await columns(slug);
      expect(after.sortNameEn).toBe("Quokka Polytechnic Circle");
      expect(after.sortNameZh).toBe("袋鼠理工圈");
      expect(after.searchNames.split("\n").sort()).toEqual(["QPC", "Quokka Polytechnic Circle", "袋鼠理工圈"]);
      expect((await search("Quokka Poly")).items.map((i) => i.slug)).toEqual([slug]);
      expect((await search("QPC")).items[0]?.slug).toBe(slug);
      expect((await search("袋鼠")).items.map((i) => i.slug)).toEqual([slug]);
      expect((await search("Wombat")).items.map((i) => i.slug)).toEqual([]);
    } finally {
      await prisma.organization.deleteMany({ where: { slug } });
    }
  });

  // The substring test reads a stored lower-case copy of the names with LIKE (the folded-names migration), not ILIKE.
  it("part of a word with accented capitals is found in either case, through the names in lower case", async () => {
    const slug = "temporary-oecumenical-network";
    await prisma.organization.create({
      data: {
        slug,
        kind: "NETWORK",
        acronym: "RÉŒ",
        searchText: "Réseau Œcuménique des Écoles RÉŒ",
        names: { create: [{ locale: "en", name: "Réseau Œcuménique des Écoles", acronym: "RÉŒ" }] },
      },
    });
    try {
      const [row] = await prisma.$queryRaw<{ names: string; folded: string }[]>`
        SELECT "searchNames" AS names, "searchNamesFolded" AS folded FROM "Organization" WHERE slug = ${slug}`;
      expect(row!.folded).toBe(row!.names.toLowerCase());
      // Parts of words: only the substring test finds them (the full text holds whole words).
      for (const q of ["CUMÉNIQ", "cuméniq", "CuMéNiQ", "ÉCOL", "seau œc"])
        expect(
          (await search(q)).items.map((i) => i.slug),
          q,
        ).toEqual([slug]);
      // An acronym in another case still comes first.
      expect((await search("réœ")).items[0]?.slug).toBe(slug);
    } finally {
      await prisma.organization.deleteMany({ where: { slug } });
    }
  });

  it("an institution renamed through its names keeps its sort names current", async () => {
    const i = await prisma.institution.create({
      data: {
        slug: "temporary-aardvark-institute",
        kind: "UNIVERSITY",
        country: "AU",
        names: { create: [{ locale: "en", name: "Temporary Aardvark Institute", kind: "OFFICIAL" }] },
      },
      select: { id: true },
    });
    const sortNames = async () =>
      (
        await prisma.$queryRaw<
          { en: string; zh: string }[]
        >`SELECT "sortNameEn" AS en, "sortNameZh" AS zh FROM "Institution" WHERE id = ${i.id}`
      )[0];
    try {
      expect(await sortNames()).toEqual({ en: "Temporary Aardvark Institute", zh: "Temporary Aardvark Institute" });
      await prisma.institutionName.create({
        data: { institutionId: i.id, locale: "zh", name: "临时土豚学院", kind: "OFFICIAL" },
      });
      await prisma.institutionName.updateMany({
        where: { institutionId: i.id, locale: "en" },
        data: { name: "Renamed Aardvark Institute" },
      });
      expect(await sortNames()).toEqual({ en: "Renamed Aardvark Institute", zh: "临时土豚学院" });
    } finally {
      await prisma.institution.delete({ where: { id: i.id } });
    }
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
    const expected = await prisma.$queryRaw<
      { slug: string }[]
    >`SELECT slug FROM "Organization" WHERE "searchText" LIKE '%联盟%' ORDER BY slug`;
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
        data: {
          slug: `silk-raod-test-${n}`,
          kind: "NETWORK",
          searchText: `Silk Raod Test ${n}`,
          names: { create: [{ locale: "en", name: `Silk Raod Test ${n}` }] },
        },
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
