// The institutions counted by kind, country and coverage (migration institution_facet_counts): kept by triggers on
// "Institution" whoever writes, for one row or many in one statement, an upsert, a change of kind or country (and
// none for other columns), a deletion, a rollback, and the listed triggers' own updates when a directory institution
// gets its first membership or loses its last. A list filtered without text sums them for its total and facets: the
// same numbers as counting the institutions themselves.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { testDatabaseUrl, testPrisma, useWriteDatabase } from "../support/db";

// The run's seeded database as loaded, read only; everything below writes to the shared write copy.
const seeded = createPrismaClient(testDatabaseUrl(), 1);
useWriteDatabase();
const { db } = await import("@/lib/data/db");
const { listInstitutions } = await import("@/lib/data/institutions/list");
const { institutionSearch } = await import("../support/search");

const prisma = testPrisma();
const tag = randomBytes(4).toString("hex");
const slugPrefix = `facet-count-${tag}-`;
// Countries no seeded institution is in (the seed's directory has none), so the counters below start absent; and one
// that stays empty throughout.
const [A, B, EMPTY] = ["AQ", "TF", "PN"] as const;
const ids = { org: "", source: "" };

type Client = ReturnType<typeof testPrisma>;
type Counter = { kind: string; country: string; listed: boolean; n: number };

/** Counters that disagree with counting every institution, in one statement (one snapshot); a zero row disagrees. */
const disagreements = (client: Client = prisma) =>
  client.$queryRaw<{ kind: string; country: string; listed: boolean; live: number | null; kept: number | null }[]>`
    WITH live AS (SELECT kind, country, listed, count(*)::int AS n FROM "Institution" GROUP BY 1, 2, 3)
    SELECT kind::text, country::text, listed, live.n AS live, c.n AS kept
    FROM live FULL JOIN "InstitutionFacetCount" c USING (kind, country, listed)
    WHERE live.n IS DISTINCT FROM c.n`;

/** Every counter with the transaction that last wrote it: a write that touches no counter leaves this unchanged. */
const counters = () =>
  prisma.$queryRaw<(Counter & { xmin: string })[]>`
    SELECT kind::text, country::text, listed, n, xmin::text FROM "InstitutionFacetCount" ORDER BY 1, 2, 3`;

/** One counter's n, or null when it has no row. */
const counter = async (kind: string, country: string, listed: boolean) =>
  (
    await prisma.$queryRaw<{ n: number }[]>`SELECT n FROM "InstitutionFacetCount"
      WHERE kind = ${kind}::"InstitutionKind" AND country = ${country} AND listed = ${listed}`
  )[0]?.n ?? null;

const institution = (key: string, kind: "UNIVERSITY" | "SCHOOL" | "HOSPITAL", country: string, directory = false) => ({
  slug: `${slugPrefix}${key}`,
  kind,
  country,
  searchText: `Facet Count Institution ${key} ${tag}`,
  // A directory entry makes a new institution unlisted until it has something the registry lists.
  directoryId: directory ? `${key}.${tag}.facet-count.example` : null,
});
const idOf = async (key: string) =>
  (await prisma.institution.findUniqueOrThrow({ where: { slug: `${slugPrefix}${key}` }, select: { id: true } })).id;

async function removeFixtures() {
  await prisma.membership.deleteMany({ where: { organizationId: ids.org } });
  await prisma.institution.deleteMany({ where: { slug: { startsWith: slugPrefix } } });
  await prisma.organization.deleteMany({ where: { slug: `${slugPrefix}alliance` } });
}

let before: Counter[] = [];

beforeAll(async () => {
  ids.source = (await prisma.source.findFirstOrThrow({ select: { id: true } })).id;
  ids.org = (
    await prisma.organization.create({
      data: {
        slug: `${slugPrefix}alliance`,
        kind: "ALLIANCE",
        names: { create: [{ locale: "en", name: `Facet Count Alliance ${tag}` }] },
      },
    })
  ).id;
  before = (await counters()).map(({ xmin: _, ...c }) => c);
});
afterAll(async () => {
  await removeFixtures();
  await Promise.all([prisma.$disconnect(), seeded.$disconnect(), db().$disconnect()]);
});

describe("the institution facet counters", () => {
  it("agree with the institutions of the seeded database as loaded, and of the write copy", async () => {
    expect(await disagreements(seeded)).toEqual([]);
    const [row] = await seeded.$queryRaw<{ rows: number; n: number }[]>`
      SELECT count(*)::int AS rows, coalesce(sum(n), 0)::int AS n FROM "InstitutionFacetCount"`;
    expect(row!.rows).toBeGreaterThan(10);
    expect(row!.n).toBe(await seeded.institution.count());
    expect(await disagreements()).toEqual([]);
  });

  it("follow institutions inserted one at a time, many in one statement, and upserted", async () => {
    await prisma.institution.create({ data: institution("one", "UNIVERSITY", A) });
    expect(await counter("UNIVERSITY", A, true)).toBe(1);
    await prisma.institution.createMany({
      data: [
        institution("two", "SCHOOL", A),
        institution("three", "SCHOOL", A),
        institution("dir", "UNIVERSITY", B, true),
        institution("dir2", "UNIVERSITY", B, true),
      ],
    });
    expect(await counter("SCHOOL", A, true)).toBe(2);
    expect(await counter("UNIVERSITY", B, false)).toBe(2);
    expect(await counter("UNIVERSITY", B, true)).toBeNull();
    expect(await disagreements()).toEqual([]);

    // One statement that inserts one row and updates another (its kind): both the INSERT and UPDATE triggers fire.
    const one = await idOf("one");
    await prisma.$executeRaw`
      INSERT INTO "Institution" (id, slug, kind, country, "updatedAt")
      VALUES (${one}, ${`${slugPrefix}one`}, 'HOSPITAL', ${A}, now()),
             (${`${slugPrefix}upserted`}, ${`${slugPrefix}upserted`}, 'HOSPITAL', ${A}, now())
      ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind`;
    expect(await counter("UNIVERSITY", A, true)).toBeNull();
    expect(await counter("HOSPITAL", A, true)).toBe(2);
    expect(await disagreements()).toEqual([]);
  });

  it("move with a change of kind or country, and are untouched by a change of anything else", async () => {
    await prisma.institution.update({ where: { slug: `${slugPrefix}two` }, data: { kind: "UNIVERSITY" } });
    expect([await counter("SCHOOL", A, true), await counter("UNIVERSITY", A, true)]).toEqual([1, 1]);
    await prisma.institution.updateMany({
      where: { slug: { in: [`${slugPrefix}two`, `${slugPrefix}three`] } },
      data: { country: B },
    });
    expect(await counter("SCHOOL", A, true)).toBeNull();
    expect(await counter("UNIVERSITY", A, true)).toBeNull();
    expect([await counter("SCHOOL", B, true), await counter("UNIVERSITY", B, true)]).toEqual([1, 1]);
    expect(await disagreements()).toEqual([]);

    const untouched = await counters();
    await prisma.institution.updateMany({
      where: { slug: { startsWith: slugPrefix } },
      data: { website: "https://facet-count.example", city: "Elsewhere", searchText: `Renamed ${tag}` },
    });
    // Rewriting kind and country to what they were moves no institution either: it nets to nothing.
    await prisma.$executeRaw`UPDATE "Institution" SET kind = kind, country = country
      WHERE slug LIKE ${`${slugPrefix}%`}`;
    expect(await counters()).toEqual(untouched);
  });

  it("fall with deletions, and a rolled-back insert and update leave them as they were", async () => {
    await prisma.institution.delete({ where: { slug: `${slugPrefix}upserted` } });
    expect(await counter("HOSPITAL", A, true)).toBe(1);
    await prisma.institution.deleteMany({ where: { slug: { in: [`${slugPrefix}one`, `${slugPrefix}three`] } } });
    expect(await counter("HOSPITAL", A, true)).toBeNull();
    expect(await counter("SCHOOL", B, true)).toBeNull();
    expect(await disagreements()).toEqual([]);

    const kept = await counters();
    const rolledBack = prisma.$transaction(async (tx) => {
      await tx.institution.create({ data: institution("rolled-back", "SCHOOL", A) });
      await tx.institution.updateMany({ where: { slug: `${slugPrefix}two` }, data: { kind: "HOSPITAL", country: A } });
      expect(
        (
          await tx.institutionFacetCount.findUnique({
            where: { kind_country_listed: { kind: "SCHOOL", country: A, listed: true } },
          })
        )?.n,
      ).toBe(1);
      throw new Error("rolled back");
    });
    await expect(rolledBack).rejects.toThrow("rolled back");
    expect(await counters()).toEqual(kept);
    expect(await disagreements()).toEqual([]);
  });

  it("move a directory institution to listed when it gets a membership, and back when it loses it", async () => {
    const dir = await idOf("dir");
    const listed = async () =>
      (await prisma.institution.findUniqueOrThrow({ where: { id: dir }, select: { listed: true } })).listed;
    expect(await listed()).toBe(false);
    await prisma.membership.create({ data: { institutionId: dir, organizationId: ids.org, sourceId: ids.source } });
    expect(await listed()).toBe(true);
    expect([await counter("UNIVERSITY", B, false), await counter("UNIVERSITY", B, true)]).toEqual([1, 2]);
    expect(await disagreements()).toEqual([]);

    await prisma.membership.deleteMany({ where: { institutionId: dir } });
    expect(await listed()).toBe(false);
    expect([await counter("UNIVERSITY", B, false), await counter("UNIVERSITY", B, true)]).toEqual([2, 1]);
    expect(await disagreements()).toEqual([]);
  });
});

type Filters = { kind?: string; country?: string; coverage?: "listed" | "directory" };
type FacetValue = { value: string; count: number };

/**
 * The total and facets as the list defines them, counted over the institutions themselves: each facet with the other
 * filters applied and its own left out. A null parameter is no filter.
 */
async function countedDirectly(f: Filters) {
  const listed = f.coverage === undefined ? null : f.coverage === "listed";
  const count = async (group: string, kind: string | null, country: string | null, isListed: boolean | null) =>
    (
      await prisma.$queryRawUnsafe<{ value: string; n: number }[]>(
        `SELECT ${group} AS value, count(*)::int AS n FROM "Institution"
         WHERE ($1::text IS NULL OR kind::text = $1) AND ($2::text IS NULL OR country = $2)
           AND ($3::boolean IS NULL OR listed = $3)
         GROUP BY 1`,
        kind,
        country,
        isListed,
      )
    ).map((r): FacetValue => ({ value: r.value, count: r.n }));
  const [total, kind, country, coverage] = await Promise.all([
    count("''", f.kind ?? null, f.country ?? null, listed),
    count("kind::text", null, f.country ?? null, listed),
    count("country::text", f.kind ?? null, null, listed),
    count("CASE WHEN listed THEN 'listed' ELSE 'directory' END", f.kind ?? null, f.country ?? null, null),
  ]);
  return { total: total[0]?.count ?? 0, facets: { kind, country, coverage } };
}

const byValue = (facet: FacetValue[]) => [...facet].sort((a, b) => (a.value < b.value ? -1 : 1));

describe("an institution list filtered without text", () => {
  it.each<[string, Filters]>([
    ["no filter", {}],
    ["a country", { country: "CN" }],
    ["the directory's institutions", { coverage: "directory" }],
    ["listed universities", { coverage: "listed", kind: "UNIVERSITY" }],
    ["kind, country and coverage", { kind: "UNIVERSITY", country: "CN", coverage: "listed" }],
    ["this file's directory universities", { kind: "UNIVERSITY", country: B, coverage: "directory" }],
  ])("counts its total and facets as the institutions themselves: %s", async (_, filters) => {
    const list = await listInstitutions(institutionSearch(filters), "en");
    const direct = await countedDirectly(filters);
    expect(list.total).toBe(direct.total);
    expect(list.total).toBeGreaterThan(0);
    for (const key of ["kind", "country", "coverage"] as const)
      expect({ [key]: byValue(list.facets[key]) }).toEqual({ [key]: byValue(direct.facets[key]) });
    expect(list.estimated).toEqual({ total: false, facets: false, atLeast: false });
    expect(list.items).toHaveLength(Math.min(20, direct.total));
    expect(list.pageCount).toBe(Math.max(1, Math.ceil(direct.total / 20)));
  });

  it("counts nothing in a country without institutions, while its country facet still offers the others", async () => {
    const list = await listInstitutions(institutionSearch({ country: EMPTY }), "en");
    const direct = await countedDirectly({ country: EMPTY });
    expect(list.total).toBe(0);
    expect(list.items).toEqual([]);
    expect(list.facets.kind).toEqual([]);
    expect(list.facets.coverage).toEqual([]);
    // The country facet leaves its own filter out: every country, none of them the empty one.
    expect(byValue(list.facets.country)).toEqual(byValue(direct.facets.country));
    expect(list.facets.country.map((f) => f.value)).not.toContain(EMPTY);
    expect(list.estimated).toEqual({ total: false, facets: false, atLeast: false });
  });
});

describe("this file's institutions removed", () => {
  it("leave the counters as they were before it", async () => {
    await removeFixtures();
    expect((await counters()).map(({ xmin: _, ...c }) => c)).toEqual(before);
    expect(await disagreements()).toEqual([]);
  });
});
