import "server-only";
import { db } from "../db";
import { cached, tags } from "../../cache/read-cache";
import { Prisma } from "../../generated/prisma/client";
import type {
  FounderRole,
  InstitutionKind,
  MembershipRole,
  MembershipStatus,
  OrganizationKind,
} from "../../generated/prisma/enums";
import { fromStoredDate, type PartialDate } from "../../shared/dates";
import { pickName } from "../../shared/names";
import { textMatchedRows, type SearchColumns } from "../search/patterns";
import type { InstitutionSearch } from "../../validation/search";
import type { Facet } from "../organizations/queries";
import {
  confirmationOf,
  confirmationSelect,
  institutionNameSelect,
  sourceRef,
  sourceSelect,
  type MembershipFacts,
  type SourceRef,
} from "../selects";

export type InstitutionSummary = {
  slug: string;
  kind: InstitutionKind;
  name: string;
  originalName: string | null;
  country: string;
  city: string | null;
  membershipCount: number;
};

type InstitutionFilters = Pick<InstitutionSearch, "kind" | "country">;
const INSTITUTION = Prisma.sql`"Institution" i`;
// An institution's "searchText" is its names and city, short enough to serve as the names column.
const COLUMNS: SearchColumns = {
  vector: Prisma.sql`i."searchVector"`,
  names: Prisma.sql`i."searchText"`,
  text: Prisma.sql`i."searchText"`,
};

function matchedInstitutions(q: string, select: Prisma.Sql, where: Prisma.Sql[], s: InstitutionFilters) {
  return textMatchedRows({ from: INSTITUTION, columns: COLUMNS, select, q, where, gateWhere: filterConditions(s) });
}

function filterConditions(s: InstitutionFilters, except?: "kind" | "country"): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (s.kind && except !== "kind") parts.push(Prisma.sql`i.kind = ${s.kind}::"InstitutionKind"`);
  if (s.country && except !== "country") parts.push(Prisma.sql`i.country = ${s.country}`);
  return parts;
}

const whereOf = (parts: Prisma.Sql[]) =>
  parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;

/** The search's conditions on `i` ("Institution"): shared by the site's search and the read API. */
export function institutionSearchConditions(
  s: Pick<InstitutionSearch, "q" | "kind" | "country">,
  except?: "kind" | "country",
): Prisma.Sql[] {
  const text = s.q
    ? [Prisma.sql`i.id IN (SELECT id FROM (${matchedInstitutions(s.q, Prisma.sql`i.id`, [], s)}) matched_ids)`]
    : [];
  return [...text, ...filterConditions(s, except)];
}

type FacetRow = { section: "total" | "kind" | "country"; value: string | null; n: bigint };

/**
 * A page of hits and, in a second statement alongside it, the total and both facets over one
 * computation of the text match (as for organizations).
 */
async function searchInstitutions(s: InstitutionSearch, locale: string) {
  const name = Prisma.raw(locale === "zh" ? `i."sortNameZh"` : `i."sortNameEn"`);
  const memberships = Prisma.sql`(SELECT count(*) FROM "Membership" m WHERE m."institutionId" = i.id)`;
  const order =
    s.sort === "memberships"
      ? Prisma.sql`${memberships} DESC, ${name} ASC, i.slug ASC`
      : s.sort === "country"
        ? Prisma.sql`i.country ASC, ${name} ASC, i.slug ASC`
        : Prisma.sql`${name} ASC, i.slug ASC`;
  const page = s.q
    ? Prisma.sql`SELECT i.id FROM (${matchedInstitutions(s.q, Prisma.sql`i.id, i.slug, i.country, ${name}`, filterConditions(s), s)}) i`
    : Prisma.sql`SELECT i.id FROM "Institution" i ${whereOf(filterConditions(s))}`;
  const matched = s.q
    ? Prisma.sql`matched AS MATERIALIZED (${matchedInstitutions(s.q, Prisma.sql`i.id, i.kind, i.country`, [], s)})`
    : Prisma.sql`matched AS NOT MATERIALIZED (SELECT i.id, i.kind, i.country FROM "Institution" i)`;
  const [hits, counts] = await Promise.all([
    db().$queryRaw<{ id: string }[]>`${page} ORDER BY ${order} LIMIT ${s.pageSize} OFFSET ${(s.page - 1) * s.pageSize}`,
    db().$queryRaw<FacetRow[]>`
      WITH ${matched}
      SELECT 'total' AS section, NULL AS value, count(*) AS n FROM matched i ${whereOf(filterConditions(s))}
      UNION ALL SELECT 'kind', i.kind::text, count(*) FROM matched i ${whereOf(filterConditions(s, "kind"))} GROUP BY 2
      UNION ALL SELECT 'country', i.country::text, count(*) FROM matched i ${whereOf(filterConditions(s, "country"))} GROUP BY 2`,
  ]);
  const facet = (key: "kind" | "country"): Facet =>
    counts
      .filter((r) => r.section === key && r.value !== null)
      .map((r) => ({ value: r.value!, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const rows = await db().institution.findMany({
    where: { id: { in: hits.map((h) => h.id) } },
    select: {
      id: true,
      slug: true,
      kind: true,
      country: true,
      city: true,
      names: institutionNameSelect,
      _count: { select: { memberships: true } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const total = Number(counts.find((r) => r.section === "total")?.n ?? 0);
  const items: InstitutionSummary[] = hits.flatMap((h) => {
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
        membershipCount: r._count.memberships,
      },
    ];
  });
  return {
    items,
    total,
    page: s.page,
    pageCount: Math.max(1, Math.ceil(total / s.pageSize)),
    facets: { kind: facet("kind"), country: facet("country") },
  };
}

/** Search and browse institutions, with kind and country facets, paged in the database. */
export const listInstitutions = cached("listInstitutions", searchInstitutions, () => [tags.institutions]);

export type Participation = MembershipFacts & {
  organization: {
    slug: string;
    name: string;
    originalName: string | null;
    acronym: string | null;
    kind: OrganizationKind;
    founded: PartialDate | null;
    introduction: string | null;
  };
  foundedBy: { slug: string; name: string; role: FounderRole }[];
};

export type InstitutionProfile = InstitutionSummary & {
  names: { locale: string; name: string; kind: string }[];
  website: string | null;
  rorId: string | null;
  wikidataId: string | null;
  source: SourceRef | null;
  participations: Participation[];
  founded: {
    organization: { slug: string; name: string; kind: OrganizationKind };
    role: FounderRole;
    source: SourceRef | null;
  }[];
  people: { name: string; role: string; organization: { slug: string; name: string } }[];
  updatedAt: string;
};

async function loadInstitution(slug: string, locale: string): Promise<InstitutionProfile | null> {
  const orgName = {
    select: { locale: true, name: true, kind: true, validUntil: true },
    orderBy: { locale: "asc" },
  } as const;
  const i = await db().institution.findUnique({
    where: { slug },
    select: {
      slug: true,
      kind: true,
      country: true,
      city: true,
      website: true,
      rorId: true,
      wikidataId: true,
      updatedAt: true,
      names: institutionNameSelect,
      source: sourceSelect,
      memberships: {
        select: {
          role: true,
          status: true,
          joinedOn: true,
          joinedPrecision: true,
          endedOn: true,
          endedPrecision: true,
          notes: true,
          quote: true,
          updatedAt: true,
          source: sourceSelect,
          ...confirmationSelect,
          organization: {
            select: {
              slug: true,
              kind: true,
              acronym: true,
              foundedOn: true,
              foundedPrecision: true,
              introduction: true,
              names: orgName,
              founders: {
                select: { role: true, institution: { select: { slug: true, names: institutionNameSelect } } },
                orderBy: { position: "asc" },
              },
            },
          },
        },
        orderBy: [{ joinedOn: { sort: "desc", nulls: "last" } }, { organization: { slug: "asc" } }],
      },
      founded: {
        select: {
          role: true,
          quote: true,
          source: sourceSelect,
          organization: { select: { slug: true, kind: true, names: orgName } },
        },
      },
      people: { select: { name: true, role: true, organization: { select: { slug: true, names: orgName } } } },
    },
  });
  if (!i) return null;
  const n = pickName(i.names, locale);
  return {
    slug: i.slug,
    kind: i.kind,
    name: n.name,
    originalName: n.original,
    country: i.country,
    city: i.city,
    membershipCount: i.memberships.length,
    names: i.names,
    website: i.website,
    rorId: i.rorId,
    wikidataId: i.wikidataId,
    source: sourceRef(i.source, null),
    updatedAt: i.updatedAt.toISOString(),
    participations: i.memberships.map((m) => {
      const on = pickName(m.organization.names, locale);
      return {
        organization: {
          slug: m.organization.slug,
          name: on.name,
          originalName: on.original,
          acronym: m.organization.acronym,
          kind: m.organization.kind,
          founded: fromStoredDate(m.organization.foundedOn, m.organization.foundedPrecision),
          introduction: m.organization.introduction,
        },
        // An institution can be named in several founding roles (founder and supporter): list it once.
        foundedBy: m.organization.founders
          .filter((f, i, all) => all.findIndex((g) => g.institution.slug === f.institution.slug) === i)
          .map((f) => ({ slug: f.institution.slug, name: pickName(f.institution.names, locale).name, role: f.role })),
        role: m.role,
        status: m.status,
        joined: fromStoredDate(m.joinedOn, m.joinedPrecision),
        ended: fromStoredDate(m.endedOn, m.endedPrecision),
        notes: m.notes,
        source: sourceRef(m.source, m.quote),
        updatedAt: m.updatedAt.toISOString(),
        confirmation: confirmationOf(m),
      };
    }),
    founded: i.founded.map((f) => ({
      organization: {
        slug: f.organization.slug,
        kind: f.organization.kind,
        name: pickName(f.organization.names, locale).name,
      },
      role: f.role,
      source: sourceRef(f.source, f.quote),
    })),
    people: i.people.map((p) => ({
      name: p.name,
      role: p.role,
      organization: { slug: p.organization.slug, name: pickName(p.organization.names, locale).name },
    })),
  };
}

/** A university's participation page: what replaces its static "international organizations" page. */
export const getInstitutionBySlug = cached("getInstitutionBySlug", loadInstitution, (slug) => [
  tags.pages,
  tags.institution(slug),
]);
