// A text query matching more institutions than facets are counted exactly for (EXACT_FACETS_UP_TO) is counted in a
// sample and says so: its facets and total are estimates, rounded to two figures, near the exact counts; its page of
// hits is still exact (read in the list's order), its total exact again when the filters narrow it to few; and a
// narrow query is counted exactly as before. The seed's directory gives "university" thousands of matches.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPrisma, useWriteDatabase } from "../support/db";

// The organizations below are this file's own, in the shared write copy, and removed again afterwards.
useWriteDatabase();

const { db } = await import("@/lib/data/db");
const { listInstitutions } = await import("@/lib/data/institutions/list");
const { EXACT_FACETS_UP_TO, roundEstimate } = await import("@/lib/data/search/estimate");
const { listOrganizations } = await import("@/lib/data/organizations/list");
const { institutionSearch, orgSearch } = await import("../support/search");

const prisma = testPrisma();
const match = `("searchVector" @@ websearch_to_tsquery('simple', $1) OR "searchText" ILIKE '%' || $1 || '%')`;

async function exactCount(q: string, extra = "", params: unknown[] = []) {
  const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM "Institution" WHERE ${match} ${extra}`,
    q,
    ...params,
  );
  return Number(row!.n);
}

// More organizations than facets are counted exactly for, all named with one made-up word: half networks, a third in
// Malta (MT) and the rest in Iceland (IS).
const WORD = "zyxestimate";
const MANY = EXACT_FACETS_UP_TO + 400;

beforeAll(async () => {
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Organization" (id, slug, kind, countries, "updatedAt")
     SELECT 'est' || n, '${WORD}-' || n, (CASE WHEN n % 2 = 0 THEN 'NETWORK' ELSE 'CONSORTIUM' END)::"OrganizationKind",
            ARRAY[CASE WHEN n % 3 = 0 THEN 'MT' ELSE 'IS' END], now()
     FROM generate_series(1, ${MANY}) n`,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "OrganizationName" (id, "organizationId", locale, name)
     SELECT 'estn' || n, 'est' || n, 'en', 'Consortium ${WORD} ' || n FROM generate_series(1, ${MANY}) n`,
  );
  // The choice between exact and estimated counts reads the planner's statistics: as a deployment has them.
  await prisma.$executeRawUnsafe(`ANALYZE "Institution"`);
  await prisma.$executeRawUnsafe(`ANALYZE "Organization"`);
});
afterAll(async () => {
  await prisma.$executeRawUnsafe(`DELETE FROM "OrganizationName" WHERE "organizationId" LIKE 'est%'`);
  await prisma.$executeRawUnsafe(`DELETE FROM "Organization" WHERE id LIKE 'est%' AND slug LIKE '${WORD}-%'`);
  await prisma.$disconnect();
  await db().$disconnect();
});

/** Two significant figures, as roundEstimate writes a count. */
const twoFigures = (n: number) => n === roundEstimate(n);

describe("a broad text query", () => {
  it("estimates its total and facets from a sample, near the exact counts, and says so", async () => {
    const exact = await exactCount("university");
    expect(exact).toBeGreaterThan(EXACT_FACETS_UP_TO);
    const r = await listInstitutions(institutionSearch({ q: "university" }), "en");
    expect(r.estimated).toEqual({ total: true, facets: true, atLeast: false });
    expect(twoFigures(r.total)).toBe(true);
    expect(Math.abs(r.total - exact) / exact).toBeLessThan(0.25);
    const listedExact = await exactCount("university", "AND listed");
    const directoryExact = exact - listedExact;
    const coverage = new Map(r.facets.coverage.map((f) => [f.value, f.count]));
    expect(Math.abs(coverage.get("directory")! - directoryExact) / directoryExact).toBeLessThan(0.25);
    for (const facet of [r.facets.kind, r.facets.country, r.facets.coverage])
      for (const f of facet) expect(twoFigures(f.count) && f.count > 0).toBe(true);
    expect(r.pageCount).toBe(Math.ceil(r.total / 20));
  });

  it("still lists exact hits in name order, page after page", async () => {
    const first = await listInstitutions(institutionSearch({ q: "university" }), "en");
    const second = await listInstitutions(institutionSearch({ q: "university", page: "2" }), "en");
    expect(first.items).toHaveLength(20);
    expect(second.items).toHaveLength(20);
    const names = [...first.items, ...second.items].map((i) => i.slug);
    expect(new Set(names).size).toBe(40);
    const rows = await prisma.$queryRawUnsafe<{ slug: string }[]>(
      `SELECT slug FROM "Institution" WHERE ${match} ORDER BY "sortNameEn", slug LIMIT 40`,
      "university",
    );
    expect(names).toEqual(rows.map((r) => r.slug));
  });

  it("gives the exact total when its filters narrow it to few, the facets still estimated", async () => {
    const [few] = await prisma.$queryRawUnsafe<{ country: string; n: bigint }[]>(
      `SELECT country, count(*) AS n FROM "Institution" WHERE ${match}
       GROUP BY country HAVING count(*) BETWEEN 3 AND 200 ORDER BY count(*) DESC, country LIMIT 1`,
      "university",
    );
    const r = await listInstitutions(institutionSearch({ q: "university", country: few!.country.trim() }), "en");
    expect(r.estimated).toEqual({ total: false, facets: true, atLeast: false });
    expect(r.total).toBe(Number(few!.n));
    expect(r.items.every((i) => i.country === few!.country.trim())).toBe(true);
  });
});

describe("a narrow text query", () => {
  it("is counted exactly, as before", async () => {
    const r = await listInstitutions(institutionSearch({ q: "Chinese University of Hong Kong" }), "en");
    expect(r.estimated).toEqual({ total: false, facets: false, atLeast: false });
    expect(r.items.map((i) => i.slug)).toContain("chinese-university-of-hong-kong");
    expect(r.facets.coverage.reduce((n, f) => n + f.count, 0)).toBe(r.total);
  });
});

describe("organizations", () => {
  it("a broad text query: estimated facets and total, near the exact counts; exact hits", async () => {
    const r = await listOrganizations(orgSearch({ q: WORD }), "en");
    expect(r.estimated).toEqual({ total: true, facets: true, atLeast: false });
    expect(Math.abs(r.total - MANY) / MANY).toBeLessThan(0.25);
    const kinds = new Map(r.facets.kind.map((f) => [f.value, f.count]));
    expect(Math.abs(kinds.get("NETWORK")! - MANY / 2) / (MANY / 2)).toBeLessThan(0.3);
    const countries = new Map(r.facets.country.map((f) => [f.value, f.count]));
    expect(Math.abs(countries.get("MT")! - MANY / 3) / (MANY / 3)).toBeLessThan(0.35);
    for (const f of [...r.facets.kind, ...r.facets.country]) expect(f.count).toBe(roundEstimate(f.count));
    expect(r.items).toHaveLength(20);
    expect(r.items.every((o) => o.slug.startsWith(`${WORD}-`))).toBe(true);
  });

  it("filters without text: the total exact, the facets estimated", async () => {
    // One filter: its facets count every organization (each facet leaves out its own filter).
    const r = await listOrganizations(orgSearch({ kind: "NETWORK" }), "en");
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "Organization" WHERE kind = 'NETWORK'`,
    );
    expect(r.total).toBe(Number(row!.n));
    expect(r.estimated).toEqual({ total: false, facets: true, atLeast: false });
  });

  it("a misspelling close to thousands of names: at most the limit, said to be at least", async () => {
    // No name holds "zyxestlmate" nor has it inside: every hit is a close spelling of the made-up word.
    const r = await listOrganizations(orgSearch({ q: "zyxestlmate" }), "en");
    expect(r.estimated).toEqual({ total: false, facets: true, atLeast: true });
    expect(r.total).toBe(EXACT_FACETS_UP_TO + 1);
    expect(r.items).toHaveLength(20);
    expect(r.items.every((o) => o.slug.startsWith(`${WORD}-`))).toBe(true);
    const { searchRegistry } = await import("@/lib/data/search/search-registry");
    expect((await searchRegistry("zyxestlmate", "en")).organizations).toMatchObject({ wording: "AtLeast" });
    // The API's total stays exact: every close spelling.
    const { listApiOrganizations } = await import("@/lib/data/open/api");
    const { apiOrganizationQuerySchema } = await import("@/lib/validation/api");
    const api = await listApiOrganizations(apiOrganizationQuerySchema.parse({ q: "zyxestlmate", limit: "5" }));
    expect(api.total).toBeGreaterThanOrEqual(MANY);
  });

  it("a narrow query is counted exactly", async () => {
    const r = await listOrganizations(orgSearch({ q: `${WORD} 17` }), "en");
    expect(r.estimated).toEqual({ total: false, facets: false, atLeast: false });
    expect(r.items.map((o) => o.slug)).toContain(`${WORD}-17`);
  });
});
