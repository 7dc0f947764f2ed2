import "server-only";
import type { Locale } from "@/i18n/routing";
import { db, recordDb } from "../db";
import { cached, tags } from "../../cache/read-cache";
import { Prisma } from "../../generated/prisma/client";
import { pickName } from "../../shared/names";
import { bucketJoins, yearSeries } from "../../charts/timeline";
import type { InstitutionNetwork, JoinCount, OrganizationCharts, RegistryCharts } from "../../shared/types/charts";
import { institutionNameSelect, organizationNameSelect } from "../selects";

// The pictures' figures, each aggregated in SQL (GROUP BY) so an organization with thousands of members
// sends a row per country or per year, never a row per member. Public data only: no acting user needed.

async function loadOrganizationCharts(slug: string): Promise<OrganizationCharts | null> {
  const org = await recordDb().organization.findUnique({ where: { slug }, select: { id: true, countries: true } });
  if (!org) return null;
  const [countries, joins, unknown] = await Promise.all([
    recordDb().$queryRaw<{ code: string; count: bigint }[]>`
      SELECT i.country::text AS code, count(*) AS count
      FROM "Membership" m JOIN "Institution" i ON i.id = m."institutionId"
      WHERE m."organizationId" = ${org.id} GROUP BY 1 ORDER BY 2 DESC, 1 ASC`,
    // The month only where the source gave one: a year-precision date is stored as 1 January, not a January join.
    recordDb().$queryRaw<{ year: number; month: number | null; count: bigint }[]>`
      SELECT date_part('year', m."joinedOn")::int AS year,
             CASE WHEN m."joinedPrecision" = 'YEAR' THEN NULL ELSE date_part('month', m."joinedOn")::int END AS month,
             count(*) AS count
      FROM "Membership" m
      WHERE m."organizationId" = ${org.id} AND m."joinedOn" IS NOT NULL AND m."joinedPrecision" IS NOT NULL
      GROUP BY 1, 2 ORDER BY 1, 2`,
    recordDb().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Membership" m
      WHERE m."organizationId" = ${org.id} AND (m."joinedOn" IS NULL OR m."joinedPrecision" IS NULL)`,
  ]);
  const memberCountries = countries.map((r) => ({ code: r.code.trim(), count: Number(r.count) }));
  const listed = new Set(memberCountries.map((c) => c.code));
  const rows: JoinCount[] = joins.map((r) => ({ year: r.year, month: r.month, count: Number(r.count) }));
  return {
    memberCountries,
    namedOnly: org.countries.filter((c) => !listed.has(c)),
    timeline: bucketJoins(rows, Number(unknown[0]?.n ?? 0)),
  };
}

/** An organization's map of member countries and its timeline of joins. */
export const getOrganizationCharts = cached("getOrganizationCharts", loadOrganizationCharts, (slug) => [
  tags.pages,
  tags.organization(slug),
]);

export const NETWORK_LIMIT = 30;

// Taking part in an organization: a listed membership or a founding role (the sources name founders that
// are not listed as members, e.g. the co-sponsors of the M9 network). The filter goes inside both halves so
// the indexes on Membership serve it: a union cannot be filtered through a join.
function participation(filter: Prisma.Sql) {
  return Prisma.sql`(
    SELECT "organizationId" AS org, "institutionId" AS inst FROM "Membership" WHERE ${filter}
    UNION SELECT "organizationId", "institutionId" FROM "OrganizationFounder" WHERE ${filter})`;
}

async function loadInstitutionNetwork(slug: string, locale: Locale): Promise<InstitutionNetwork | null> {
  // Round trips one after another are most of this read's time: what does not depend on an answer goes beside it.
  const [center, myRows] = await Promise.all([
    db().institution.findUnique({
      where: { slug },
      select: { id: true, slug: true, country: true, names: institutionNameSelect },
    }),
    db().$queryRaw<{ org: string }[]>`SELECT org FROM ${participation(
      Prisma.sql`"institutionId" = (SELECT id FROM "Institution" WHERE slug = ${slug})`,
    )} AS p`,
  ]);
  if (!center) return null;
  const mine = myRows.map((r) => r.org);
  const inMine = participation(Prisma.sql`"organizationId" = ANY(${mine})`);
  // Counted per institution before anything is joined: a member of a 6,000-member alliance shares it with every
  // other member, and joining Institution for each of them before the cut took 65 of 90 ms. Ties go by id: an
  // arbitrary but stable order (by slug, every big alliance's network was the members whose names begin with A).
  const top = mine.length
    ? await db().$queryRaw<{ id: string; shared: bigint; total: bigint }[]>`
        SELECT q.inst AS id, count(*) AS shared, count(*) OVER () AS total
        FROM ${inMine} q WHERE q.inst <> ${center.id}
        GROUP BY q.inst ORDER BY shared DESC, q.inst ASC LIMIT ${NETWORK_LIMIT}`
    : [];
  const ids = top.map((t) => t.id);
  const all = [center.id, ...ids];
  const among = participation(Prisma.sql`"institutionId" = ANY(${all})`);
  const [pairs, links, shown, orgs] = await Promise.all([
    ids.length
      ? db().$queryRaw<{ inst: string; org: string }[]>`SELECT inst, org FROM ${participation(
          Prisma.sql`"institutionId" = ANY(${ids}) AND "organizationId" = ANY(${mine})`,
        )} AS q`
      : Promise.resolve([]),
    ids.length
      ? db().$queryRaw<{ source: string; target: string; weight: bigint }[]>`
          SELECT a.inst AS source, b.inst AS target, count(*) AS weight
          FROM ${among} a JOIN ${among} b ON b.org = a.org AND a.inst < b.inst GROUP BY 1, 2`
      : Promise.resolve([]),
    db().institution.findMany({
      where: { id: { in: ids } },
      select: { id: true, slug: true, country: true, names: institutionNameSelect },
    }),
    // Every organization shared with a shown institution is one of the centre's own.
    ids.length
      ? db().organization.findMany({
          where: { id: { in: mine } },
          select: { id: true, slug: true, names: organizationNameSelect },
        })
      : Promise.resolve([]),
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, { slug: o.slug, name: pickName(o.names, locale).name }]));
  const byId = new Map(shown.map((i) => [i.id, i]));
  const slugById = new Map<string, string>([[center.id, center.slug], ...shown.map((i) => [i.id, i.slug] as const)]);
  return {
    center: { slug: center.slug, name: pickName(center.names, locale).name, country: center.country },
    nodes: top.flatMap((t) => {
      const i = byId.get(t.id);
      if (!i) return [];
      return [
        {
          slug: i.slug,
          name: pickName(i.names, locale).name,
          country: i.country.trim(),
          shared: pairs
            .filter((p) => p.inst === t.id)
            .flatMap((p) => orgById.get(p.org) ?? [])
            .sort((a, b) => a.name.localeCompare(b.name)),
        },
      ];
    }),
    links: links.map((l) => ({
      source: slugById.get(l.source)!,
      target: slugById.get(l.target)!,
      weight: Number(l.weight),
    })),
    total: Number(top[0]?.total ?? 0),
  };
}

/** The universities that share organizations with an institution (as member or founder), for its graph. */
export const getInstitutionNetwork = cached("getInstitutionNetwork", loadInstitutionNetwork, (slug) => [
  tags.pages,
  tags.institution(slug),
]);

async function loadRegistryCharts(): Promise<RegistryCharts> {
  const [founded, unknown, byCountry] = await Promise.all([
    db().$queryRaw<{ year: number; count: bigint }[]>`
      SELECT date_part('year', "foundedOn")::int AS year, count(*) AS count FROM "Organization"
      WHERE "foundedOn" IS NOT NULL AND "foundedPrecision" IS NOT NULL GROUP BY 1 ORDER BY 1`,
    db().$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM "Organization" WHERE "foundedOn" IS NULL OR "foundedPrecision" IS NULL`,
    db().$queryRaw<{ code: string; count: bigint; institutions: bigint; total: bigint }[]>`
      SELECT i.country::text AS code, count(*) AS count, count(DISTINCT i.id) AS institutions, count(*) OVER () AS total
      FROM "Membership" m JOIN "Institution" i ON i.id = m."institutionId"
      GROUP BY 1 ORDER BY 2 DESC, 1 ASC LIMIT 15`,
  ]);
  return {
    foundedPerYear: yearSeries(founded.map((r) => ({ year: r.year, count: Number(r.count) }))),
    foundedUnknown: Number(unknown[0]?.n ?? 0),
    membersByCountry: byCountry.map((r) => ({
      code: r.code.trim(),
      count: Number(r.count),
      institutions: Number(r.institutions),
    })),
    countryTotal: Number(byCountry[0]?.total ?? 0),
  };
}

/** The home page's overview: organizations founded per year and members by country. */
export const getRegistryCharts = cached("getRegistryCharts", loadRegistryCharts, () => [
  tags.registry,
  tags.organizations,
  tags.institutions,
]);
