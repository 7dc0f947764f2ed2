import "server-only";
import { db } from "../db";
import { cached, tags } from "../../cache/read-cache";
import { Prisma } from "../../generated/prisma/client";
import type {
  CountQualifier,
  CountSubject,
  Field,
  FounderRole,
  MembershipRole,
  MembershipStatus,
  OrganizationKind,
} from "../../generated/prisma/enums";
import { fromStoredDate, type PartialDate } from "../../shared/dates";
import { pickName } from "../../shared/names";
import { substringPattern, textMatchedRows, type SearchColumns } from "../search/patterns";
import { institutionNameSelect, sourceRef, sourceSelect, type SourceRef } from "../selects";
import type { OrganizationSearch } from "../../validation/search";
import {
  MEMBERS_ON_PROFILE,
  institutionRefSelect,
  memberOrder,
  memberSelect,
  toMemberRow,
  type MemberRow,
} from "./members";

export type { SourceRef } from "../selects";
export type { MemberRow } from "./members";

export type OrganizationSummary = {
  slug: string;
  kind: OrganizationKind;
  name: string;
  originalName: string | null;
  acronym: string | null;
  founded: PartialDate | null;
  fields: Field[];
  countries: string[];
  memberCount: number;
  updatedAt: string;
};

export type Facet<T extends string | number = string> = { value: T; count: number }[];

export type OrganizationList = {
  items: OrganizationSummary[];
  total: number;
  page: number;
  pageCount: number;
  facets: { kind: Facet; country: Facet; field: Facet; year: Facet<number> };
};

const nameSelect = {
  select: { locale: true, name: true, kind: true, validUntil: true, acronym: true },
  orderBy: { locale: "asc" },
} as const;
const summarySelect = {
  slug: true,
  kind: true,
  acronym: true,
  foundedOn: true,
  foundedPrecision: true,
  fields: true,
  countries: true,
  memberCount: true,
  updatedAt: true,
  names: nameSelect,
} satisfies Prisma.OrganizationSelect;

type SummaryRow = Prisma.OrganizationGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow, locale: string): OrganizationSummary {
  const { name, original } = pickName(row.names, locale);
  return {
    slug: row.slug,
    kind: row.kind,
    name,
    originalName: original,
    acronym: row.acronym,
    founded: fromStoredDate(row.foundedOn, row.foundedPrecision),
    fields: row.fields,
    countries: row.countries,
    memberCount: row.memberCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}

type FacetKey = "kind" | "country" | "field" | "year";

const ORGANIZATION = Prisma.sql`"Organization" o`;
const COLUMNS: SearchColumns = {
  vector: Prisma.sql`o."searchVector"`,
  names: Prisma.sql`o."searchNames"`,
  text: Prisma.sql`o."searchText"`,
};

/** Organizations matching `q` (see textMatchedRows) with the `select`ed columns, narrowed by `where`. */
function matchedOrganizations(
  q: string,
  select: Prisma.Sql | ((typo: boolean) => Prisma.Sql),
  where: Prisma.Sql[],
  s: Pick<OrganizationSearch, "kind" | "field" | "country" | "year">,
) {
  return textMatchedRows({ from: ORGANIZATION, columns: COLUMNS, select, q, where, gateWhere: filterConditions(s) });
}

/** The facet filters, leaving out one facet's own so that facet can show its alternatives. */
function filterClause(s: OrganizationSearch, lead: "WHERE" | "AND", except?: FacetKey): Prisma.Sql {
  const parts = filterConditions(s, except);
  return parts.length ? Prisma.sql`${Prisma.raw(lead)} ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/**
 * Rows failing at most one of the filters: all the facets need (each facet leaves out its own filter).
 * Written as "every pair has one that holds" so PostgreSQL can answer it through the filters' indexes.
 */
function atMostOneFails(filters: Prisma.Sql[]): Prisma.Sql[] {
  return filters.flatMap((a, i) => filters.slice(i + 1).map((b) => Prisma.sql`(${a} OR ${b})`));
}

const whereOf = (parts: Prisma.Sql[]) =>
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

function filterConditions(
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
const sortName = (locale: string) => Prisma.raw(locale === "zh" ? `o."sortNameZh"` : `o."sortNameEn"`);

function orderClause(s: OrganizationSearch, locale: string): Prisma.Sql {
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
function rankSql(q: string, typo: boolean): Prisma.Sql {
  const pattern = substringPattern(q);
  const names =
    pattern === null ? Prisma.sql`0` : Prisma.sql`CASE WHEN o."searchNames" ILIKE ${pattern} THEN 0.5 ELSE 0 END`;
  const similar = typo ? Prisma.sql`word_similarity(${q}, o."searchNames") - 1` : Prisma.sql`0`;
  return Prisma.sql`(ts_rank(o."searchVector", websearch_to_tsquery('simple', ${q})) + ${names} + ${similar}
    + CASE WHEN lower(o.acronym) = lower(${q}) THEN 2 ELSE 0 END)::float8`;
}

type SearchRow = { section: "total" | FacetKey; value: string | null; n: bigint };

/**
 * A page of hits, and in a second statement run alongside it the total and the four facets. That one
 * computes the text match once and shares it across the total and the facets; without a text query it
 * reads only the rows that fail at most one filter, and without any filter it reads the counters the
 * database keeps (OrganizationFacetCount). Ranking (full-text rank, an exact acronym first, similarity for
 * typo hits) is worked out for the matched rows only.
 */
async function searchOrganizations(s: OrganizationSearch, locale: string): Promise<OrganizationList> {
  const offset = (s.page - 1) * s.pageSize;
  const sortColumns = Prisma.sql`o.id, o.slug, ${sortName(locale)}, o."foundedOn", o."memberCount", o."updatedAt"`;
  const page = s.q
    ? Prisma.sql`SELECT o.id FROM (${matchedOrganizations(s.q, (typo) => Prisma.sql`${sortColumns}, ${rankSql(s.q!, typo)} AS rank`, filterConditions(s), s)}) o`
    : Prisma.sql`SELECT o.id FROM "Organization" o ${filterClause(s, "WHERE")}`;
  const facetColumns = Prisma.sql`o.id, o.kind, o.fields, o.countries, o."foundedOn"`;
  const matched = s.q
    ? Prisma.sql`matched AS MATERIALIZED (${matchedOrganizations(s.q, facetColumns, [], s)})`
    : Prisma.sql`matched AS MATERIALIZED (SELECT ${facetColumns} FROM "Organization" o ${whereOf(atMostOneFails(filterConditions(s)))})`;
  const unfiltered = !s.q && !filterConditions(s).length;
  const [hits, rows] = await Promise.all([
    db().$queryRaw<{ id: string }[]>`${page} ORDER BY ${orderClause(s, locale)} LIMIT ${s.pageSize} OFFSET ${offset}`,
    // The whole registry's facets are kept counted by triggers (the facet-counts migration).
    unfiltered
      ? db().$queryRaw<
          SearchRow[]
        >`SELECT facet AS section, NULLIF(value, '') AS value, count::bigint AS n FROM "OrganizationFacetCount"`
      : db().$queryRaw<SearchRow[]>`
      WITH ${matched}
      SELECT 'total' AS section, NULL AS value, count(*) AS n FROM matched o ${filterClause(s, "WHERE")}
      UNION ALL SELECT 'kind', o.kind::text, count(*) FROM matched o ${filterClause(s, "WHERE", "kind")} GROUP BY 2
      UNION ALL SELECT 'field', f::text, count(*) FROM matched o CROSS JOIN LATERAL unnest(o.fields) AS f ${filterClause(s, "WHERE", "field")} GROUP BY 2
      UNION ALL SELECT 'country', c, count(*) FROM matched o CROSS JOIN LATERAL unnest(o.countries) AS c ${filterClause(s, "WHERE", "country")} GROUP BY 2
      UNION ALL SELECT 'year', date_part('year', o."foundedOn")::int::text, count(*) FROM matched o WHERE o."foundedOn" IS NOT NULL ${filterClause(s, "AND", "year")} GROUP BY 2`,
  ]);
  const total = Number(rows.find((r) => r.section === "total")?.n ?? 0);
  const facet = <T extends string | number>(key: FacetKey, parse: (v: string) => T): Facet<T> =>
    rows
      .filter((r) => r.section === key && r.value !== null)
      .map((r) => ({ value: parse(r.value!), count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const found = await db().organization.findMany({
    where: { id: { in: hits.map((h) => h.id) } },
    select: { id: true, ...summarySelect },
  });
  const byId = new Map(found.map((r) => [r.id, r]));
  return {
    items: hits.flatMap((h) => (byId.has(h.id) ? [toSummary(byId.get(h.id)!, locale)] : [])),
    total,
    page: s.page,
    pageCount: Math.max(1, Math.ceil(total / s.pageSize)),
    facets: {
      kind: facet("kind", String),
      country: facet("country", String),
      field: facet("field", String),
      year: facet("year", Number),
    },
  };
}

/** Search and browse organizations: full-text + trigram search, facets, sorting, paging in the database. */
export const listOrganizations = cached("listOrganizations", searchOrganizations, () => [tags.organizations]);

export type OrganizationProfile = OrganizationSummary & {
  names: {
    locale: string;
    name: string;
    acronym: string | null;
    kind: string;
    validFrom: PartialDate | null;
    validUntil: PartialDate | null;
    source: SourceRef | null;
  }[];
  introduction: string | null;
  introductionLocale: string | null;
  introductionSource: SourceRef | null;
  foundedSource: SourceRef | null;
  website: string | null;
  parent: { slug: string; name: string } | null;
  children: { slug: string; name: string; kind: OrganizationKind }[];
  founders: {
    institution: { slug: string; name: string; country: string; kind: string };
    role: FounderRole;
    source: SourceRef | null;
  }[];
  declaredCounts: {
    subject: CountSubject;
    qualifier: CountQualifier;
    value: number;
    previousValue: number | null;
    countryCount: number | null;
    countries: string[];
    countriesComplete: boolean;
    asOf: PartialDate | null;
    source: SourceRef | null;
  }[];
  people: {
    name: string;
    role: string;
    description: string | null;
    institution: { slug: string; name: string } | null;
    source: SourceRef | null;
  }[];
  members: MemberRow[];
  createdAt: string;
  wikidataId: string | null;
};

async function loadOrganization(slug: string, locale: string): Promise<OrganizationProfile | null> {
  const o = await db().organization.findUnique({
    where: { slug },
    select: {
      ...summarySelect,
      createdAt: true,
      introduction: true,
      introductionLocale: true,
      website: true,
      foundedQuote: true,
      wikidataId: true,
      names: {
        select: {
          locale: true,
          name: true,
          acronym: true,
          kind: true,
          validFrom: true,
          validFromPrecision: true,
          validUntil: true,
          validUntilPrecision: true,
          quote: true,
          source: sourceSelect,
        },
        orderBy: [{ kind: "asc" }, { locale: "asc" }],
      },
      introductionSource: sourceSelect,
      foundedSource: sourceSelect,
      parent: { select: { slug: true, names: nameSelect } },
      children: { select: { slug: true, kind: true, names: nameSelect } },
      founders: {
        select: { role: true, quote: true, source: sourceSelect, institution: institutionRefSelect },
        orderBy: { position: "asc" },
      },
      declaredCounts: {
        select: {
          subject: true,
          qualifier: true,
          value: true,
          previousValue: true,
          countryCount: true,
          countries: true,
          countriesComplete: true,
          asOf: true,
          asOfPrecision: true,
          quote: true,
          source: sourceSelect,
        },
      },
      people: {
        select: {
          name: true,
          role: true,
          description: true,
          quote: true,
          source: sourceSelect,
          institution: { select: { slug: true, names: institutionNameSelect } },
        },
      },
      // Only the first page of members: an organization with thousands pages the rest in the database.
      memberships: { select: memberSelect, orderBy: memberOrder, take: MEMBERS_ON_PROFILE },
    },
  });
  if (!o) return null;
  const named = (names: Parameters<typeof pickName>[0]) => pickName(names, locale);
  return {
    ...toSummary(o, locale),
    createdAt: o.createdAt.toISOString(),
    wikidataId: o.wikidataId,
    names: o.names.map((n) => ({
      locale: n.locale,
      name: n.name,
      acronym: n.acronym,
      kind: n.kind,
      validFrom: fromStoredDate(n.validFrom, n.validFromPrecision),
      validUntil: fromStoredDate(n.validUntil, n.validUntilPrecision),
      source: sourceRef(n.source, n.quote),
    })),
    introduction: o.introduction,
    introductionLocale: o.introductionLocale,
    introductionSource: sourceRef(o.introductionSource, null),
    foundedSource: sourceRef(o.foundedSource, o.foundedQuote),
    website: o.website,
    parent: o.parent ? { slug: o.parent.slug, name: named(o.parent.names).name } : null,
    children: o.children.map((c) => ({ slug: c.slug, kind: c.kind, name: named(c.names).name })),
    founders: o.founders.map((f) => ({
      institution: {
        slug: f.institution.slug,
        name: named(f.institution.names).name,
        country: f.institution.country,
        kind: f.institution.kind,
      },
      role: f.role,
      source: sourceRef(f.source, f.quote),
    })),
    declaredCounts: o.declaredCounts.map((c) => ({
      subject: c.subject,
      qualifier: c.qualifier,
      value: c.value,
      previousValue: c.previousValue,
      countryCount: c.countryCount,
      countries: c.countries,
      countriesComplete: c.countriesComplete,
      asOf: fromStoredDate(c.asOf, c.asOfPrecision),
      source: sourceRef(c.source, c.quote),
    })),
    people: o.people.map((p) => ({
      name: p.name,
      role: p.role,
      description: p.description,
      institution: p.institution ? { slug: p.institution.slug, name: named(p.institution.names).name } : null,
      source: sourceRef(p.source, p.quote),
    })),
    members: o.memberships.map((m) => toMemberRow(m, locale)),
  };
}

/** One organization's public profile, with its founders, declared counts, people and members. */
export const getOrganizationBySlug = cached("getOrganizationBySlug", loadOrganization, (slug) => [
  tags.pages,
  tags.organization(slug),
]);
