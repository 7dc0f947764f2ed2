// The synthetic world generator (npm run data:world) at a thousandth of its size, in a database of its own.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateWorld, parseArgs } from "../../scripts/world";
import {
  institutionRows,
  organizationRows,
  planWorld,
  type OrganizationExtras,
  type Row,
} from "../../scripts/world/generate";
import { refreshOrganizationDerived } from "@/lib/data/organizations/derived";
import { buildSearchText } from "@/lib/shared/search-text";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { testDatabaseUrl } from "../support/db";

const root = path.resolve(import.meta.dirname, "..", "..");
const seeded = testDatabaseUrl();
const name = `${new URL(seeded).pathname.slice(1)}_world`;
const url = (() => {
  const u = new URL(seeded);
  u.pathname = `/${name}`;
  return u.toString();
})();
const admin = new pg.Client({
  connectionString: (() => {
    const u = new URL(seeded);
    u.pathname = "/postgres";
    return u.toString();
  })(),
});
const client = new pg.Client({ connectionString: url });
const quiet = () => {};
let loaded: Awaited<ReturnType<typeof generateWorld>>;

beforeAll(async () => {
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const migrate = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/migrate.ts", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`Migrating the world database failed: ${migrate.stderr}`);
  loaded = await generateWorld(url, { scale: 0.001, seed: 7, force: false }, quiet);
  await client.connect();
  // lib/data reads DATABASE_URL once, on first use: point it at the world for this file.
  process.env.DATABASE_URL = url;
}, 120_000);

afterAll(async () => {
  await client.end().catch(() => {});
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  await admin.end();
});

// Every statement, Prisma's included, goes through pg.Client#query: count the calls there.
let counted: number | null = null;
const originalQuery = pg.Client.prototype.query;
(pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (
  this: pg.Client,
  ...args: unknown[]
) {
  if (counted !== null) counted++;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
};
async function countQueries(render: () => Promise<unknown>) {
  counted = 0;
  try {
    await render();
    return counted;
  } finally {
    counted = null;
  }
}

const one = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows[0] as T;

describe("npm run data:world at scale 0.001", () => {
  it("loads the counts the scale asks for", async () => {
    const counts = await one<
      Record<string, number>
    >(`SELECT (SELECT count(*)::int FROM "Organization") AS organizations,
      (SELECT count(*)::int FROM "Institution") AS institutions,
      (SELECT count(*)::int FROM "Membership") AS memberships`);
    expect(counts).toEqual({ organizations: 75, institutions: 110, memberships: 1000 });
    expect(loaded.counts.Membership).toBe(1000);
  });

  // Before the load ran a plain VACUUM after its VACUUM FULL, "Organization" had no all-visible page, so the exact
  // total of a filter-only search read the whole table instead of the facet index alone (44 ms instead of 6 at
  // world scale).
  it("leaves every page of the tables it rewrote all-visible, so counts can be index-only scans", async () => {
    const tables = await client.query<{ relname: string; relpages: number; relallvisible: number }>(
      `SELECT relname, relpages, relallvisible FROM pg_class
        WHERE relname IN ('Organization', 'Institution', 'Membership') ORDER BY relname`,
    );
    expect(tables.rows.map((t) => t.relname)).toEqual(["Institution", "Membership", "Organization"]);
    for (const t of tables.rows) {
      expect(t.relpages, t.relname).toBeGreaterThan(0);
      expect(t.relallvisible, t.relname).toBe(t.relpages);
    }
  });

  it("is skewed: one big organization, most small", async () => {
    const s = await one<{ max: number; median: number; small: number }>(`SELECT max("memberCount") AS max,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY "memberCount") AS median,
      count(*) FILTER (WHERE "memberCount" <= 10)::int AS small FROM "Organization"`);
    expect(s.max).toBeGreaterThanOrEqual(50); // of 110 institutions
    expect(s.max).toBeGreaterThanOrEqual(5 * s.median);
    expect(s.small).toBeGreaterThan(75 / 2);
  });

  it("gives dates at every precision, stored with the parts below the precision at 1", async () => {
    const founded = await client.query<{ p: string | null }>(
      `SELECT DISTINCT "foundedPrecision"::text AS p FROM "Organization"`,
    );
    expect(founded.rows.map((r) => r.p).sort()).toEqual(["DAY", "MONTH", "YEAR", null]);
    const joined = await client.query<{ p: string | null }>(
      `SELECT DISTINCT "joinedPrecision"::text AS p FROM "Membership"`,
    );
    expect(joined.rows.map((r) => r.p).sort()).toEqual(["DAY", "MONTH", "YEAR", null]);
    const bad = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Membership" WHERE
      ("joinedPrecision" = 'YEAR' AND to_char("joinedOn", 'MM-DD') <> '01-01')
      OR ("joinedPrecision" = 'MONTH' AND to_char("joinedOn", 'DD') <> '01')
      OR ("joinedOn" IS NULL) <> ("joinedPrecision" IS NULL) OR ("endedOn" IS NULL) <> ("endedPrecision" IS NULL)
      OR "endedOn" < "joinedOn"`);
    expect(bad.n).toBe(0);
  });

  it("names things in several languages and scripts, with former names and their periods", async () => {
    const locales = await client.query<{ locale: string }>(
      `SELECT DISTINCT locale FROM "OrganizationName" UNION SELECT DISTINCT locale FROM "InstitutionName"`,
    );
    expect(locales.rows.length).toBeGreaterThanOrEqual(4);
    const scripts = await one<{
      han: number;
      latin: number;
      other: number;
    }>(`SELECT count(*) FILTER (WHERE name ~ '[一-龥]')::int AS han,
      count(*) FILTER (WHERE name ~ '^[A-Za-z]')::int AS latin,
      count(*) FILTER (WHERE name ~ '[Ѐ-ӿ가-힣぀-ヿ؀-ۿ]')::int AS other FROM "InstitutionName"`);
    expect(scripts.han).toBeGreaterThan(0);
    expect(scripts.latin).toBeGreaterThan(0);
    expect(scripts.other).toBeGreaterThan(0);
    const former = await one<{
      n: number;
      bad: number;
    }>(`SELECT count(*)::int AS n,
      count(*) FILTER (WHERE "validUntil" IS NULL OR "validUntilPrecision" IS NULL)::int AS bad
      FROM "OrganizationName" WHERE kind = 'FORMER'`);
    expect(former.n).toBeGreaterThan(0);
    expect(former.bad).toBe(0);
  });

  it("keeps the derived columns as the data layer computes them", async () => {
    const before = (await client.query(`SELECT id, countries, "memberCount" FROM "Organization" ORDER BY id`)).rows;
    const prisma = createPrismaClient(url, 2);
    try {
      await refreshOrganizationDerived(prisma);
    } finally {
      await prisma.$disconnect();
    }
    const after = (await client.query(`SELECT id, countries, "memberCount" FROM "Organization" ORDER BY id`)).rows;
    expect(after).toEqual(before);
    expect(before.some((r: { countries: string[] }) => r.countries.length > 1)).toBe(true);
  });

  it("builds searchText from every name, acronym and introduction, like the seed", async () => {
    const orgs = (
      await client.query<{ id: string; acronym: string | null; introduction: string | null; searchText: string }>(
        `SELECT id, acronym, introduction, "searchText" FROM "Organization"`,
      )
    ).rows;
    const names = (
      await client.query<{ organizationId: string; name: string; acronym: string | null }>(
        `SELECT "organizationId", name, acronym FROM "OrganizationName" ORDER BY id`,
      )
    ).rows;
    for (const o of orgs) {
      const own = names.filter((n) => n.organizationId === o.id);
      expect(o.searchText).toBe(
        buildSearchText([...own.flatMap((n) => [n.name, n.acronym]), o.acronym, o.introduction]),
      );
    }
    const institutions = (
      await client.query<{ searchText: string; city: string; names: string[] }>(
        `SELECT i."searchText", i.city, array_agg(n.name ORDER BY n.id) AS names
         FROM "Institution" i JOIN "InstitutionName" n ON n."institutionId" = i.id GROUP BY i.id`,
      )
    ).rows;
    expect(institutions).toHaveLength(110);
    for (const i of institutions) expect(i.searchText).toBe(buildSearchText([...i.names, i.city]));
  });

  it("rebuilds every index and foreign key it dropped for the load", async () => {
    const reference = new pg.Client({ connectionString: seeded });
    await reference.connect();
    const shape = `SELECT
      (SELECT array_agg(indexname::text ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public') AS indexes,
      (SELECT array_agg(conname::text ORDER BY conname) FROM pg_constraint WHERE contype = 'f') AS fks`;
    const expected = (await reference.query(shape)).rows[0];
    await reference.end();
    expect((await client.query(shape)).rows[0]).toEqual(expected);
    expect(expected.indexes).toContain("Organization_searchVector_idx");
  });

  it("is deterministic: the same seed gives the same rows, another seed others", () => {
    const rows = (scale: number, seed: number) => {
      const world = planWorld(scale, seed);
      const extra: OrganizationExtras = { names: [], founders: [], counts: [], people: [], foundedYears: new Map() };
      const all: Row[] = [...institutionRows(world, []), ...organizationRows(world, extra), ...extra.names];
      return JSON.stringify(all);
    };
    expect(rows(0.001, 3)).toBe(rows(0.001, 3));
    expect(rows(0.001, 3)).not.toBe(rows(0.001, 4));
  });

  it("refuses a database holding the demo seed, changing nothing", async () => {
    const reference = new pg.Client({ connectionString: seeded });
    await reference.connect();
    const count = async () =>
      (await reference.query(`SELECT count(*)::int AS n FROM "Organization"`)).rows[0].n as number;
    const before = await count();
    await expect(generateWorld(seeded, { scale: 0.001, seed: 1, force: false }, quiet)).rejects.toThrow(
      /demo seed.*--force/,
    );
    expect(await count()).toBe(before);
    await reference.end();
  });

  it("pages a big organization's members by keyset, in order, each member once", async () => {
    const big = await one<{ id: string; slug: string; memberCount: number }>(
      `SELECT id, slug, "memberCount" FROM "Organization" ORDER BY "memberCount" DESC LIMIT 1`,
    );
    const expected = (
      await client.query<{ slug: string }>(
        `SELECT i.slug FROM "Membership" m JOIN "Institution" i ON i.id = m."institutionId"
      WHERE m."organizationId" = $1 ORDER BY m."joinedOn" ASC NULLS LAST, i.slug ASC`,
        [big.id],
      )
    ).rows.map((r) => r.slug);
    const { listOrganizationMembers } = await import("@/lib/data/organizations/members");
    const seen: string[] = [];
    let after = null;
    for (let pages = 0; pages < 100; pages++) {
      const page = await listOrganizationMembers(big.slug, "en", after, 7);
      expect(page).not.toBeNull();
      seen.push(...page!.members.map((m) => m.institution.slug));
      if (!page!.next) break;
      after = page!.next;
    }
    expect(seen).toEqual(expected);
    expect(seen).toHaveLength(big.memberCount);
    expect(await listOrganizationMembers("no-such-organization", "en", null)).toBeNull();
  });

  it("renders profiles with a fixed number of queries, however many members (no N+1)", async () => {
    const { getOrganizationBySlug } = await import("@/lib/data/organizations/profile");
    const { getInstitutionBySlug } = await import("@/lib/data/institutions/profile");
    const { getPublicHistory } = await import("@/lib/data/history");
    const { listOrganizationMembers } = await import("@/lib/data/organizations/members");
    const orgs = (
      await client.query<{ slug: string; n: number }>(
        `SELECT slug, "memberCount" AS n FROM "Organization" ORDER BY "memberCount" DESC, slug`,
      )
    ).rows;
    const institutions = (
      await client.query<{
        slug: string;
        n: number;
      }>(`SELECT i.slug, count(*)::int AS n FROM "Institution" i JOIN "Membership" m ON m."institutionId" = i.id
      GROUP BY i.slug ORDER BY n DESC, i.slug`)
    ).rows;
    const biggest = orgs[0]!;
    const smallest = orgs.at(-1)!;
    const most = institutions[0]!;
    const fewest = institutions.at(-1)!;
    expect(biggest.n).toBeGreaterThan(5 * smallest.n);
    expect(most.n).toBeGreaterThan(3 * fewest.n);
    const organizationPage = (slug: string) =>
      countQueries(() =>
        Promise.all([getOrganizationBySlug(slug, "en"), getPublicHistory({ organization: slug }, "en")]),
      );
    const institutionPage = (slug: string) =>
      countQueries(() =>
        Promise.all([getInstitutionBySlug(slug, "en"), getPublicHistory({ institution: slug }, "en")]),
      );
    // Prisma skips the nested queries of an empty relation, so small pages may send fewer; never more.
    const bigOrg = await organizationPage(biggest.slug);
    expect(bigOrg).toBeGreaterThan(0);
    // One query per relation level (Prisma's query strategy), ~30 in all; members add none.
    expect(bigOrg).toBeLessThanOrEqual(32);
    expect(bigOrg).toBeLessThan(biggest.n);
    expect(await organizationPage(smallest.slug)).toBeLessThanOrEqual(bigOrg);
    const busy = await institutionPage(most.slug);
    expect(busy).toBeLessThanOrEqual(32);
    expect(busy).toBeLessThan(most.n + 20);
    expect(await institutionPage(fewest.slug)).toBeLessThanOrEqual(busy);
    const pageOf = (size: number) => countQueries(() => listOrganizationMembers(biggest.slug, "en", null, size));
    expect(await pageOf(5)).toBe(await pageOf(40));
    // One query per relation level: the page, institutions and their names, sources, the organizations' own sources,
    // the earlier periods of members that left and rejoined.
    expect(await pageOf(40)).toBeLessThanOrEqual(9);
    const profile = await getOrganizationBySlug(biggest.slug, "en");
    expect(profile!.members).toHaveLength(Math.min(50, biggest.n));
    expect(profile!.memberCount).toBe(biggest.n);
  });

  it("pages participations by keyset, latest first, each once; the profile holds the first 50", async () => {
    const busy = await one<{ id: string; slug: string }>(
      `SELECT "institutionId" AS id, i.slug FROM "Membership" m JOIN "Institution" i ON i.id = m."institutionId"
      GROUP BY 1, 2 ORDER BY count(*) DESC, i.slug LIMIT 1`,
    );
    // Into every organization it is not in yet, past the profile's 50: half on one shared date, half with no date
    // (ties the keyset must break by the organization's slug).
    await client.query(
      `INSERT INTO "Membership"
        (id, "institutionId", "organizationId", "joinedOn", "joinedPrecision", "sourceId", "updatedAt")
      SELECT 'paging-' || o.id, $1, o.id, d, CASE WHEN d IS NOT NULL THEN 'DAY'::"DatePrecision" END,
        (SELECT "sourceId" FROM "Membership" WHERE "institutionId" = $1 LIMIT 1), now()
      FROM (SELECT o.*, CASE WHEN row_number() OVER (ORDER BY o.slug) % 2 = 0 THEN DATE '2011-03-01' END AS d
        FROM "Organization" o) o
      WHERE NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."organizationId" = o.id AND m."institutionId" = $1)`,
      [busy.id],
    );
    const expected = (
      await client.query<{ slug: string }>(
        `SELECT o.slug FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId"
      WHERE m."institutionId" = $1 ORDER BY m."joinedOn" DESC NULLS LAST, o.slug ASC`,
        [busy.id],
      )
    ).rows.map((r) => r.slug);
    expect(expected.length).toBeGreaterThan(60);
    const { listInstitutionParticipations } = await import("@/lib/data/institutions/participations");
    const { getInstitutionPage, getInstitutionBySlug } = await import("@/lib/data/institutions/profile");
    const seen: string[] = [];
    let after = null;
    for (let pages = 0; pages < 100; pages++) {
      const page = await listInstitutionParticipations(busy.slug, "en", after, 7);
      expect(page).not.toBeNull();
      expect(page!.institution.membershipCount).toBe(expected.length);
      seen.push(...page!.participations.map((p) => p.organization.slug));
      if (!page!.next) break;
      after = page!.next;
    }
    expect(seen).toEqual(expected);
    expect(await listInstitutionParticipations("no-such-institution", "en", null)).toBeNull();
    const pageOf = (size: number) => countQueries(() => listInstitutionParticipations(busy.slug, "en", null, size));
    expect(await pageOf(5)).toBe(await pageOf(40));

    const profile = await getInstitutionPage(busy.slug, "en");
    expect(profile!.participations.map((p) => p.organization.slug)).toEqual(expected.slice(0, 50));
    expect(profile!.membershipCount).toBe(expected.length);
    // Its data (the API, JSON-LD, the widget) still has them all.
    const full = await getInstitutionBySlug(busy.slug, "en");
    expect(full!.participations.map((p) => p.organization.slug)).toEqual(expected);
  });

  it("rejects bad options with a clear message", () => {
    expect(() => parseArgs(["--scale", "0"])).toThrow(/--scale/);
    expect(() => parseArgs(["--scale", "abc"])).toThrow(/--scale/);
    expect(() => parseArgs(["--database", "x; drop"])).toThrow(/--database/);
    expect(() => parseArgs(["--bogus"])).toThrow(/Unknown option/);
    expect(parseArgs(["--scale", "0.01", "--seed", "3"])).toMatchObject({
      scale: 0.01,
      seed: 3,
      database: "atlas_world",
      force: false,
    });
  });
});
