import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import { cached, tags } from "../../cache/read-cache";
import { Prisma } from "../../generated/prisma/client";
import { pickName } from "../../shared/names";
import type { InstitutionList, InstitutionSummary } from "../../shared/types/institutions";
import type { Counting, Facet } from "../../shared/types/organizations";
import { exactTextMatch, textMatchedRows, type SearchColumns } from "../search/patterns";
import { countRows, cutAtTypoCap, probeMatches, sampleOf, scaledCounts, TYPO_CAP } from "../search/estimate";
import type { InstitutionSearch } from "../../validation/search";
import { institutionNameSelect } from "../selects";
import { listedInstitutionSql } from "./listed";

type InstitutionFilters = Pick<InstitutionSearch, "kind" | "country" | "coverage">;
type FacetName = "kind" | "country" | "coverage";
const INSTITUTION = Prisma.sql`"Institution" i`;
// An institution's "searchText" is its names and city, short enough to serve as the names column.
const COLUMNS: SearchColumns = {
  vector: Prisma.sql`i."searchVector"`,
  names: Prisma.sql`i."searchText"`,
  text: Prisma.sql`i."searchText"`,
};

function matchedInstitutions(
  q: string,
  select: Prisma.Sql,
  where: Prisma.Sql[],
  s: InstitutionFilters,
  typoCap?: number,
) {
  return textMatchedRows({
    from: INSTITUTION,
    columns: COLUMNS,
    select,
    q,
    where,
    gateWhere: filterConditions(s),
    typoCap,
  });
}

function filterConditions(s: InstitutionFilters, except?: FacetName): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (s.kind && except !== "kind") parts.push(Prisma.sql`i.kind = ${s.kind}::"InstitutionKind"`);
  if (s.country && except !== "country") parts.push(Prisma.sql`i.country = ${s.country}`);
  if (s.coverage && except !== "coverage")
    parts.push(s.coverage === "listed" ? listedInstitutionSql("i") : Prisma.sql`NOT ${listedInstitutionSql("i")}`);
  return parts;
}

const whereOf = (parts: Prisma.Sql[]) =>
  parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;

/** The search's conditions on `i` ("Institution"): shared by the site's search and the read API. */
export function institutionSearchConditions(
  s: Pick<InstitutionSearch, "q" | "kind" | "country" | "coverage">,
  except?: FacetName,
): Prisma.Sql[] {
  const text = s.q
    ? [Prisma.sql`i.id IN (SELECT id FROM (${matchedInstitutions(s.q, Prisma.sql`i.id`, [], s)}) matched_ids)`]
    : [];
  return [...text, ...filterConditions(s, except)];
}

type FacetRow = { section: "total" | "matched" | FacetName; value: string | null; n: bigint };

type Probe = Awaited<ReturnType<typeof probeMatches>>;

/**
 * The ids of one page of hits. With a page's worth of exact matches or more there are no typo matches to add, and
 * the exact ones alone can be read in the list's order from its index until the page is full (0.2 ms for
 * "university" instead of sorting all 69,000 of its matches).
 */
function pageOfHits(s: InstitutionSearch, locale: Locale, probe: Probe | null) {
  const name = Prisma.raw(locale === "zh" ? `i."sortNameZh"` : `i."sortNameEn"`);
  // The memberships are counted by triggers (migration institution_member_count) and indexed in this order.
  const order =
    s.sort === "memberships"
      ? Prisma.sql`i."memberCount" DESC, ${name} ASC, i.slug ASC`
      : s.sort === "country"
        ? Prisma.sql`i.country ASC, ${name} ASC, i.slug ASC`
        : Prisma.sql`${name} ASC, i.slug ASC`;
  const sortColumns = Prisma.sql`i.id, i.slug, i.country, i."memberCount", ${name}`;
  const exactOnly = s.q && probe?.pageOfExact;
  const page = !s.q
    ? Prisma.sql`SELECT i.id FROM "Institution" i ${whereOf(filterConditions(s))}`
    : exactOnly
      ? Prisma.sql`SELECT i.id FROM "Institution" i
          ${whereOf([exactTextMatch(COLUMNS, s.q), ...filterConditions(s)])}`
      : Prisma.sql`SELECT i.id FROM (${matchedInstitutions(s.q, sortColumns, filterConditions(s), s, TYPO_CAP)}) i`;
  return db().$queryRaw<{ id: string }[]>`${page}
    ORDER BY ${order} LIMIT ${s.pageSize} OFFSET ${(s.page - 1) * s.pageSize}`;
}

/** What the facets read of each matched institution (listedInstitutionSql reads its listed column). */
const FACET_COLUMNS = Prisma.sql`i.id, i.kind, i.country, i.listed`;

/**
 * The total and the facets' counts in one statement, over `matched` (a CTE of FACET_COLUMNS, each row one institution;
 * or of the counters, each row `n` institutions alike in kind, country and coverage).
 */
function countFacets(s: InstitutionSearch, matched: Prisma.Sql, counted = Prisma.sql`count(*)`) {
  return db().$queryRaw<FacetRow[]>`
      WITH ${matched}
      SELECT 'total' AS section, NULL AS value, coalesce(${counted}, 0) AS n
        FROM matched i ${whereOf(filterConditions(s))}
      UNION ALL SELECT 'matched', NULL, coalesce(${counted}, 0) FROM matched i
      UNION ALL SELECT 'kind', i.kind::text, ${counted} FROM matched i
        ${whereOf(filterConditions(s, "kind"))} GROUP BY 2
      UNION ALL SELECT 'country', i.country::text, ${counted} FROM matched i
        ${whereOf(filterConditions(s, "country"))} GROUP BY 2
      UNION ALL SELECT 'coverage', CASE WHEN ${listedInstitutionSql("i")} THEN 'listed' ELSE 'directory' END, ${counted}
        FROM matched i ${whereOf(filterConditions(s, "coverage"))} GROUP BY 2`;
}

/**
 * The total and the facets. A text query matching more institutions than EXACT_FACETS_UP_TO is counted in a sample
 * of the table's pages (the same pages each time, so a page and its next agree) and scaled up, as estimates; its
 * total stays exact when the filters bring it within the limit.
 */
async function totalAndFacets(
  s: InstitutionSearch,
  probe: Probe | null,
): Promise<{ rows: FacetRow[]; estimated: Counting }> {
  if (s.q && probe?.broad) {
    const sample = await sampleOf("Institution", "i");
    // The sample's counts and the exact total are two statements on two connections, side by side.
    const [rows, exactTotal] = await Promise.all([
      countFacets(
        s,
        Prisma.sql`matched AS MATERIALIZED (SELECT ${FACET_COLUMNS} FROM ${sample.from}
          WHERE ${exactTextMatch(COLUMNS, s.q)})`,
      ),
      probe.fewFiltered ? countRows(INSTITUTION, [exactTextMatch(COLUMNS, s.q), ...filterConditions(s)]) : null,
    ]);
    return {
      rows: scaledCounts(rows, sample.scale, exactTotal),
      estimated: { total: exactTotal === null, facets: true, atLeast: false },
    };
  }
  if (!s.q) {
    // Without text every count is a sum of the counters the database keeps (migration institution_facet_counts).
    const rows = await countFacets(
      s,
      Prisma.sql`matched AS MATERIALIZED (SELECT kind, country, listed, n FROM "InstitutionFacetCount")`,
      Prisma.sql`sum(i.n)`,
    );
    return { rows, estimated: { total: false, facets: false, atLeast: false } };
  }
  const matched = Prisma.sql`matched AS MATERIALIZED (${matchedInstitutions(s.q, FACET_COLUMNS, [], s, TYPO_CAP)})`;
  const rows = await countFacets(s, matched);
  const atLeast = Boolean(s.q) && cutAtTypoCap(rows);
  return { rows, estimated: { total: false, facets: atLeast, atLeast } };
}

function facetOf(counts: FacetRow[], key: FacetName): Facet {
  return counts
    .filter((r) => r.section === key && r.value !== null)
    .map((r) => ({ value: r.value!, count: Number(r.n) }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/**
 * A page of hits and, in a second statement alongside it, the total and both facets over one
 * computation of the text match (as for organizations).
 */
async function searchInstitutions(s: InstitutionSearch, locale: Locale): Promise<InstitutionList> {
  // How many match, counted only up to the limit: it decides how the page and the facets are read.
  const probe = s.q
    ? await probeMatches({ from: INSTITUTION, match: exactTextMatch(COLUMNS, s.q), filters: filterConditions(s) })
    : null;
  // The page's rows are read as soon as its ids are known, while the counts may still run.
  const page = pageOfHits(s, locale, probe).then(async (hits) => {
    // The stored count (kept by triggers on Membership), never Prisma's `_count`: see toOpenInstitution.
    const rows = await db().institution.findMany({
      where: { id: { in: hits.map((h) => h.id) } },
      select: {
        id: true,
        slug: true,
        kind: true,
        country: true,
        city: true,
        memberCount: true,
        names: institutionNameSelect,
      },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return hits.flatMap((h): InstitutionSummary[] => {
      const r = byId.get(h.id);
      if (!r) return [];
      const n = pickName(r.names, locale);
      return [
        {
          slug: r.slug,
          kind: r.kind,
          name: n.name,
          originalName: n.original,
          country: r.country,
          city: r.city,
          membershipCount: r.memberCount,
        },
      ];
    });
  });
  const [items, { rows: counts, estimated }] = await Promise.all([page, totalAndFacets(s, probe)]);
  const total = Number(counts.find((r) => r.section === "total")?.n ?? 0);
  return {
    items,
    total,
    page: s.page,
    pageCount: Math.max(1, Math.ceil(total / s.pageSize)),
    estimated,
    facets: {
      kind: facetOf(counts, "kind"),
      country: facetOf(counts, "country"),
      coverage: facetOf(counts, "coverage"),
    },
  };
}

/** Search and browse institutions, with kind and country facets, paged in the database. */
export const listInstitutions = cached("listInstitutions", searchInstitutions, () => [tags.institutions]);
