import "server-only";
import type { Locale } from "@/i18n/routing";
import { Prisma } from "../../generated/prisma/client";
import { namesContain, substringPattern, textMatchedRows, type SearchColumns } from "../search/patterns";
import type { OrganizationSearch } from "../../validation/search";

// The SQL pieces of the organization search, shared by the site's list and the read API.

export type FacetKey = "kind" | "country" | "field" | "year";

export const ORGANIZATION = Prisma.sql`"Organization" o`;
export const ORGANIZATION_COLUMNS: SearchColumns = {
  vector: Prisma.sql`o."searchVector"`,
  names: Prisma.sql`o."searchNames"`,
  text: Prisma.sql`o."searchText"`,
  namesFolded: Prisma.sql`o."searchNamesFolded"`,
};

/** Organizations matching `q` (see textMatchedRows) with the `select`ed columns, narrowed by `where`. */
export function matchedOrganizations(
  q: string,
  select: Prisma.Sql | ((typo: boolean) => Prisma.Sql),
  where: Prisma.Sql[],
  s: Pick<OrganizationSearch, "kind" | "field" | "country" | "year">,
  typoCap?: number,
) {
  return textMatchedRows({
    from: ORGANIZATION,
    columns: ORGANIZATION_COLUMNS,
    select,
    q,
    where,
    gateWhere: filterConditions(s),
    typoCap,
  });
}

/** The facet filters, leaving out one facet's own so that facet can show its alternatives. */
export function filterClause(s: OrganizationSearch, lead: "WHERE" | "AND", except?: FacetKey): Prisma.Sql {
  const parts = filterConditions(s, except);
  return parts.length ? Prisma.sql`${Prisma.raw(lead)} ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/**
 * Rows failing at most one of the filters: all the facets need (each facet leaves out its own filter).
 * Written as "every pair has one that holds" so PostgreSQL can answer it through the filters' indexes.
 */
export function atMostOneFails(filters: Prisma.Sql[]): Prisma.Sql[] {
  return filters.flatMap((a, i) => filters.slice(i + 1).map((b) => Prisma.sql`(${a} OR ${b})`));
}

export const whereOf = (parts: Prisma.Sql[]) =>
  parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;

/** The search's conditions on `o` ("Organization"): shared by the site's search and the read API. */
export function organizationSearchConditions(
  s: Pick<OrganizationSearch, "q" | "kind" | "field" | "country" | "year">,
  except?: FacetKey,
): Prisma.Sql[] {
  const text = s.q
    ? [Prisma.sql`o.id IN (SELECT id FROM (${matchedOrganizations(s.q, Prisma.sql`o.id`, [], s)}) matched_ids)`]
    : [];
  return [...text, ...filterConditions(s, except)];
}

export function filterConditions(
  s: Pick<OrganizationSearch, "kind" | "field" | "country" | "year">,
  except?: FacetKey,
): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (s.kind && except !== "kind") parts.push(Prisma.sql`o.kind = ${s.kind}::"OrganizationKind"`);
  if (s.field && except !== "field") parts.push(Prisma.sql`${s.field}::"Field" = ANY(o.fields)`);
  if (s.country && except !== "country") parts.push(Prisma.sql`${s.country} = ANY(o.countries)`);
  if (s.year && except !== "year") parts.push(Prisma.sql`date_part('year', o."foundedOn") = ${s.year}`);
  return parts;
}

/** The stored name shown in `locale` (kept by database triggers; see the search-columns migration). */
export const sortName = (locale: Locale) => Prisma.raw(locale === "zh" ? `o."sortNameZh"` : `o."sortNameEn"`);

export function orderClause(s: OrganizationSearch, locale: Locale): Prisma.Sql {
  const byName = Prisma.sql`${sortName(locale)} ASC, o.slug ASC`;
  switch (s.sort) {
    case "name":
      return byName;
    case "founded-desc":
      return Prisma.sql`o."foundedOn" DESC NULLS LAST, ${byName}`;
    case "founded-asc":
      return Prisma.sql`o."foundedOn" ASC NULLS LAST, ${byName}`;
    case "members":
      return Prisma.sql`o."memberCount" DESC, ${byName}`;
    case "updated":
      return Prisma.sql`o."updatedAt" DESC, o.slug ASC`;
    default:
      return s.q ? Prisma.sql`o.rank DESC, ${byName}` : byName;
  }
}

/**
 * Relevance: an exact acronym first, then the query as a substring of the names, then full-text rank.
 * Typo hits (never exact) rank below the exact ones, among themselves by how similar their names are:
 * similarity is computed for those few rows only, as it costs far more than the rest.
 */
export function rankSql(q: string, typo: boolean): Prisma.Sql {
  const pattern = substringPattern(q);
  const names =
    pattern === null
      ? Prisma.sql`0`
      : Prisma.sql`CASE WHEN ${namesContain(ORGANIZATION_COLUMNS, pattern)} THEN 0.5 ELSE 0 END`;
  const similar = typo ? Prisma.sql`word_similarity(${q}, o."searchNamesFolded") - 1` : Prisma.sql`0`;
  return Prisma.sql`(ts_rank(o."searchVector", websearch_to_tsquery('simple', ${q})) + ${names} + ${similar}
    + CASE WHEN lower(o.acronym) = lower(${q}) THEN 2 ELSE 0 END)::float8`;
}
