import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import { cached, tags } from "../../cache/read-cache";
import { Prisma } from "../../generated/prisma/client";
import type { Counting, Facet, OrganizationList } from "../../shared/types/organizations";
import type { OrganizationSearch } from "../../validation/search";
import { summarySelect, toSummary } from "./summary";
import { exactTextMatch } from "../search/patterns";
import { countRows, cutAtTypoCap, probeMatches, sampleOf, scaledCounts, TYPO_CAP } from "../search/estimate";
import {
  ORGANIZATION,
  ORGANIZATION_COLUMNS,
  atMostOneFails,
  filterClause,
  filterConditions,
  matchedOrganizations,
  orderClause,
  rankSql,
  sortName,
  whereOf,
  type FacetKey,
} from "./search-sql";

type SearchRow = { section: "total" | "matched" | FacetKey; value: string | null; n: bigint };

/** The ids of one page of hits, in the chosen order. */
function pageOfHits(s: OrganizationSearch, locale: Locale) {
  const offset = (s.page - 1) * s.pageSize;
  const sortColumns = Prisma.sql`o.id, o.slug, ${sortName(locale)}, o."foundedOn", o."memberCount", o."updatedAt"`;
  const ranked = (q: string) => (typo: boolean) => Prisma.sql`${sortColumns}, ${rankSql(q, typo)} AS rank`;
  const page = s.q
    ? Prisma.sql`SELECT o.id FROM (${matchedOrganizations(s.q, ranked(s.q), filterConditions(s), s, TYPO_CAP)}) o`
    : Prisma.sql`SELECT o.id FROM "Organization" o ${filterClause(s, "WHERE")}`;
  return db().$queryRaw<{ id: string }[]>`${page}
    ORDER BY ${orderClause(s, locale)} LIMIT ${s.pageSize} OFFSET ${offset}`;
}

type Probe = Awaited<ReturnType<typeof probeMatches>>;
type Counted = { rows: SearchRow[]; estimated: Counting };
const EXACT: Counting = { total: false, facets: false, atLeast: false };

/** The total and the four facets' counts in one statement over `matched` (a CTE of the facets' columns). */
function countFacets(s: OrganizationSearch, matched: Prisma.Sql) {
  return db().$queryRaw<SearchRow[]>`
      WITH ${matched}
      SELECT 'total' AS section, NULL AS value, count(*) AS n FROM matched o ${filterClause(s, "WHERE")}
      UNION ALL SELECT 'matched', NULL, count(*) FROM matched o
      UNION ALL SELECT 'kind', o.kind::text, count(*) FROM matched o ${filterClause(s, "WHERE", "kind")} GROUP BY 2
      UNION ALL SELECT 'field', f::text, count(*) FROM matched o CROSS JOIN LATERAL unnest(o.fields) AS f
        ${filterClause(s, "WHERE", "field")} GROUP BY 2
      UNION ALL SELECT 'country', c, count(*) FROM matched o CROSS JOIN LATERAL unnest(o.countries) AS c
        ${filterClause(s, "WHERE", "country")} GROUP BY 2
      UNION ALL SELECT 'year', date_part('year', o."foundedOn")::int::text, count(*) FROM matched o
        WHERE o."foundedOn" IS NOT NULL ${filterClause(s, "AND", "year")} GROUP BY 2`;
}

const FACET_COLUMNS = Prisma.sql`o.id, o.kind, o.fields, o.countries, o."foundedOn"`;

/**
 * The facets of a broad search counted in a sample of the table's pages (the same pages each time) and scaled up;
 * the total exact when the filters leave few.
 */
async function estimateFacets(s: OrganizationSearch, probe: Probe, where: Prisma.Sql[]): Promise<Counted> {
  const sample = await sampleOf("Organization", "o");
  // The sample's counts and the exact total are two statements on two connections, side by side (one after the
  // other, the total waited 12 ms for the sample). Without text the total is an index-only scan of the filters'
  // columns (Organization_kind_facets_idx): 5 ms for kind=NETWORK, country=DE.
  const [rows, exactTotal] = await Promise.all([
    countFacets(s, Prisma.sql`matched AS MATERIALIZED (SELECT ${FACET_COLUMNS} FROM ${sample.from} ${whereOf(where)})`),
    probe.fewFiltered || !s.q
      ? countRows(ORGANIZATION, [...(s.q ? [exactTextMatch(ORGANIZATION_COLUMNS, s.q)] : []), ...filterConditions(s)])
      : null,
  ]);
  return {
    rows: scaledCounts(rows, sample.scale, exactTotal),
    estimated: { total: exactTotal === null, facets: true, atLeast: false },
  };
}

/**
 * The total and the four facets, over one computation of the text match; counted in a sample when the facets would
 * count more than EXACT_FACETS_UP_TO organizations (estimate.ts).
 */
async function totalAndFacets(s: OrganizationSearch): Promise<Counted> {
  const filters = filterConditions(s);
  // The whole registry's facets are kept counted by triggers (the facet-counts migration).
  if (!s.q && !filters.length) {
    const rows = await db().$queryRaw<SearchRow[]>`
      SELECT facet AS section, NULLIF(value, '') AS value, count::bigint AS n FROM "OrganizationFacetCount"`;
    return { rows, estimated: EXACT };
  }
  // What the facets read: the text's matches, or without text the rows failing at most one filter.
  const facetBase = s.q ? [exactTextMatch(ORGANIZATION_COLUMNS, s.q)] : atMostOneFails(filters);
  const probe = await probeMatches({
    from: ORGANIZATION,
    match: facetBase.length ? Prisma.join(facetBase, " AND ") : Prisma.sql`true`,
    filters,
  });
  if (probe.broad) return estimateFacets(s, probe, facetBase);
  const matched = s.q
    ? Prisma.sql`matched AS MATERIALIZED (${matchedOrganizations(s.q, FACET_COLUMNS, [], s, TYPO_CAP)})`
    : Prisma.sql`matched AS MATERIALIZED (SELECT ${FACET_COLUMNS} FROM "Organization" o ${whereOf(facetBase)})`;
  const rows = await countFacets(s, matched);
  const atLeast = Boolean(s.q) && cutAtTypoCap(rows);
  return { rows, estimated: atLeast ? { total: false, facets: true, atLeast } : EXACT };
}

function facetOf<T extends string | number>(rows: SearchRow[], key: FacetKey, parse: (v: string) => T): Facet<T> {
  return rows
    .filter((r) => r.section === key && r.value !== null)
    .map((r) => ({ value: parse(r.value!), count: Number(r.n) }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/**
 * A page of hits, and in a second statement run alongside it the total and the four facets. That one
 * computes the text match once and shares it across the total and the facets; without a text query it
 * reads only the rows that fail at most one filter, and without any filter it reads the counters the
 * database keeps (OrganizationFacetCount). Ranking (full-text rank, an exact acronym first, similarity for
 * typo hits) is worked out for the matched rows only.
 */
async function searchOrganizations(s: OrganizationSearch, locale: Locale): Promise<OrganizationList> {
  // The page's rows are read as soon as its ids are known, while the counts may still run.
  const page = pageOfHits(s, locale).then(async (hits) => {
    const found = await db().organization.findMany({
      where: { id: { in: hits.map((h) => h.id) } },
      select: { id: true, ...summarySelect },
    });
    const byId = new Map(found.map((r) => [r.id, r]));
    return hits.flatMap((h) => (byId.has(h.id) ? [toSummary(byId.get(h.id)!, locale)] : []));
  });
  const [items, { rows, estimated }] = await Promise.all([page, totalAndFacets(s)]);
  const total = Number(rows.find((r) => r.section === "total")?.n ?? 0);
  return {
    items,
    total,
    page: s.page,
    pageCount: Math.max(1, Math.ceil(total / s.pageSize)),
    estimated,
    facets: {
      kind: facetOf(rows, "kind", String),
      country: facetOf(rows, "country", String),
      field: facetOf(rows, "field", String),
      year: facetOf(rows, "year", Number),
    },
  };
}

/** Search and browse organizations: full-text + trigram search, facets, sorting, paging in the database. */
export const listOrganizations = cached("listOrganizations", searchOrganizations, () => [tags.organizations]);
