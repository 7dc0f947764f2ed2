import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { fromStoredDate } from "../../shared/dates";
import { parseAffiliation } from "../../shared/affiliation-text";
import {
  rankMatches,
  type MatchHit,
  type MatchItem,
  type MatchMembership,
  type MatchResponse,
} from "../../shared/affiliation-match";
import { pickName } from "../../shared/names";
import { db } from "../db";
import { organizationNameSelect } from "../selects";
import { pageUrl } from "./records";

// Affiliation matching (GET /api/v1/match): the parts of a messy affiliation string against every name of every
// institution, listed or only in the directory, in one statement: names equal to a part (folded as the type-ahead
// folds, "The" aside: the B-tree on atlas_fold(name)), and only when none is, names close to a part (pg_trgm
// similarity: the trigram GIN on atlas_fold(name)). A second statement, only with a date, reads the memberships.
// Public, approved data: no actor.

/** How alike a name must be to be a candidate at all (the `%` operator's default threshold is 0.3). */
const CANDIDATE_SIMILARITY = 0.45;
/** The closest names each part offers. */
const CLOSE_PER_PART = 8;

const hitsQuery = (keys: string[], fuzzyParts: number[]) => Prisma.sql`
  WITH q AS (SELECT (ord - 1)::int AS i, k AS f FROM unnest(${keys}::text[]) WITH ORDINALITY AS u(k, ord)),
  v AS (SELECT q.i, x.f FROM q CROSS JOIN LATERAL unnest(ARRAY[q.f, 'the ' || q.f, q.f || ' the']) AS x(f)),
  exact AS MATERIALIZED (
    SELECT v.i, n."institutionId" AS id, true AS exact, 1.0::float8 AS sim
    FROM v JOIN "InstitutionName" n ON atlas_fold(n.name) = v.f
  ),
  close AS (
    SELECT q.i, h.id, false AS exact, h.sim
    FROM q CROSS JOIN LATERAL (
      SELECT n."institutionId" AS id, similarity(atlas_fold(n.name), q.f)::float8 AS sim
      FROM "InstitutionName" n
      WHERE atlas_fold(n.name) % q.f
      ORDER BY sim DESC
      LIMIT ${CLOSE_PER_PART}
    ) h
    WHERE q.i = ANY(${fuzzyParts}::int[]) AND NOT EXISTS (SELECT 1 FROM exact) AND h.sim >= ${CANDIDATE_SIMILARITY}
  )
  SELECT hit.i AS part, inst.id, inst.slug, inst.kind::text AS kind, inst."sortNameEn" AS name,
    inst.country::text AS country, hit.exact, hit.sim AS similarity
  FROM (SELECT * FROM exact UNION ALL SELECT * FROM close) hit
  JOIN "Institution" inst ON inst.id = hit.id`;

/**
 * Memberships in force on `date` (YYYY-MM-DD): joined on or before it and not ended by it, each at the precision
 * stored. Dates are stored as the first day of their period, so "joined 2016" (2016-01-01) is in force all of
 * 2016 and "ended 2019" (2019-01-01) is no longer in force on any day of 2019. A membership with no known start
 * counts from the beginning: the registry knows the institution was a member, not since when.
 */
async function membershipsOn(ids: string[], date: string): Promise<Map<string, MatchMembership[]>> {
  const day = new Date(`${date}T00:00:00.000Z`);
  const rows = await db().membership.findMany({
    where: {
      institutionId: { in: ids },
      OR: [{ joinedOn: null }, { joinedOn: { lte: day } }],
      AND: [{ OR: [{ endedOn: null }, { endedOn: { gt: day } }] }],
    },
    select: {
      institutionId: true,
      role: true,
      status: true,
      joinedOn: true,
      joinedPrecision: true,
      endedOn: true,
      endedPrecision: true,
      organization: { select: { slug: true, names: organizationNameSelect } },
    },
    orderBy: [{ institutionId: "asc" }, { organization: { slug: "asc" } }],
  });
  const byInstitution = new Map<string, MatchMembership[]>();
  for (const m of rows) {
    const list = byInstitution.get(m.institutionId) ?? [];
    list.push({
      organization: { slug: m.organization.slug, name: pickName(m.organization.names, "en").name },
      role: m.role,
      status: m.status,
      joined: fromStoredDate(m.joinedOn, m.joinedPrecision),
      ended: fromStoredDate(m.endedOn, m.endedPrecision),
    });
    byInstitution.set(m.institutionId, list);
  }
  return byInstitution;
}

/** The candidates for one affiliation, best first, at most one chosen; with `date`, their memberships that day. */
export async function matchAffiliation(affiliation: string, date?: string | null): Promise<MatchResponse> {
  const { parts, countries } = parseAffiliation(affiliation);
  const keys = parts.map((p) => p.key);
  // Pairs of parts and acronyms are only taken exactly (three capitals are close to anything), and departments too
  // unless the affiliation has nothing else: "Department of Surgery" is close to many a name.
  const units = parts.every((p) => p.unit);
  const fuzzy = parts.flatMap((p, i) =>
    p.acronym || p.asWritten || p.text.includes(",") || (p.unit && !units) ? [] : [i],
  );
  const hits = keys.length ? await db().$queryRaw<MatchHit[]>(hitsQuery(keys, fuzzy)) : [];
  const ranked = rankMatches(hits, parts, countries);
  const memberships =
    date && ranked.length ? await membershipsOn([...new Set(ranked.map((c) => c.record.id))], date) : null;
  const items: MatchItem[] = ranked.map(({ inCountry: _, ...c }) => ({
    ...c,
    record: {
      ...c.record,
      url: pageUrl("institutions", c.record.slug),
      ...(memberships ? { memberships: memberships.get(c.record.id) ?? [] } : {}),
    },
  }));
  return { affiliation, date: date ?? null, number_of_results: items.length, items };
}
