// The unfiltered facets (facet-counts migration): counters kept by triggers on "Organization" agree with
// counting every organization, after the seed and after creating, changing and deleting one.
import { afterAll, describe, expect, it } from "vitest";
import { testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();
const { db } = await import("@/lib/data/db");
const { listOrganizations } = await import("@/lib/data/organizations/list");

const prisma = testPrisma();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

// Counters that disagree with a count over every organization, in one statement (one snapshot: other
// files write organizations to this database at the same time).
async function disagreements() {
  const rows = await prisma.$queryRaw<{ facet: string; value: string; live: number | null; kept: number | null }[]>`
    WITH live AS (
      SELECT 'total' AS facet, '' AS value, count(*)::int AS n FROM "Organization"
      UNION ALL SELECT 'kind', kind::text, count(*)::int FROM "Organization" GROUP BY 2
      UNION ALL SELECT 'field', f::text, count(*)::int FROM "Organization", unnest(fields) AS f GROUP BY 2
      UNION ALL SELECT 'country', c, count(*)::int FROM "Organization", unnest(countries) AS c GROUP BY 2
      UNION ALL SELECT 'year', date_part('year', "foundedOn")::int::text, count(*)::int FROM "Organization"
        WHERE "foundedOn" IS NOT NULL GROUP BY 2)
    SELECT facet, value, live.n AS live, c.count AS kept
    FROM live FULL JOIN "OrganizationFacetCount" c USING (facet, value)
    WHERE live.n IS DISTINCT FROM c.count`;
  return rows;
}

const kept = (facet: string, value: string) =>
  prisma.organizationFacetCount
    .findUnique({ where: { facet_value: { facet, value } }, select: { count: true } })
    .then((r) => r?.count ?? 0);

describe("facet counters", () => {
  it("agree with the seeded organizations, and the unfiltered list reads them", async () => {
    expect(await disagreements()).toEqual([]);
    const list = await listOrganizations(
      { sort: "name", page: 1, pageSize: 20 } as Parameters<typeof listOrganizations>[0],
      "en",
    );
    const n = (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Organization"`)[0]!.n;
    expect(list.total).toBe(n);
    expect(list.facets.kind.reduce((sum, f) => sum + f.count, 0)).toBe(n);
    expect(list.facets.country.length).toBeGreaterThan(3);
  });

  it("follow an organization created, changed (facets or not) and deleted", async () => {
    const slug = "facet-counter-test-network";
    await prisma.organization.create({
      data: {
        slug,
        kind: "NETWORK",
        fields: ["MEDICINE", "TECHNOLOGY"],
        countries: ["AQ", "CN"],
        foundedOn: new Date("1801-06-01"),
        foundedPrecision: "MONTH",
        searchText: "Facet counter test",
      },
    });
    try {
      expect(await kept("year", "1801")).toBe(1);
      expect(await kept("country", "AQ")).toBe(1);
      expect(await disagreements()).toEqual([]);

      await prisma.organization.update({
        where: { slug },
        data: {
          kind: "CONSORTIUM",
          fields: ["MEDICINE"],
          countries: ["BV"],
          foundedOn: new Date("1802-01-01"),
          foundedPrecision: "YEAR",
        },
      });
      expect(await kept("year", "1801")).toBe(0);
      expect(await kept("year", "1802")).toBe(1);
      expect(await kept("country", "AQ")).toBe(0);
      expect(await kept("country", "BV")).toBe(1);
      expect(await disagreements()).toEqual([]);

      // A change to no facet (the member count) leaves its counters as they were.
      await prisma.organization.update({ where: { slug }, data: { memberCount: 7 } });
      expect(await kept("year", "1802")).toBe(1);
      expect(await kept("country", "BV")).toBe(1);
      expect(await disagreements()).toEqual([]);
    } finally {
      await prisma.organization.delete({ where: { slug } });
    }
    expect(await kept("year", "1802")).toBe(0);
    expect(await kept("country", "BV")).toBe(0);
    expect(await disagreements()).toEqual([]);
  });
});
