import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { fromStoredDate } from "../../shared/dates";
import { distinctiveWords, parseAffiliation } from "../../shared/affiliation-text";
import {
  inForceOn,
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

/** How alike a name must be to be a candidate at all (pg_trgm similarity of the folded names). */
const CANDIDATE_SIMILARITY = 0.45;
/** How much of a part's rare words a name must hold (pg_trgm word similarity) to be compared with it at all. */
const WORD_SIMILARITY = 0.4;
/** The most parts of one affiliation looked up for typos (each is one trigram index lookup). */
const MAX_TYPO_LOOKUPS = 6;
/** The closest names each part offers. */
const CLOSE_PER_PART = 8;

/**
 * `keys`: every part folded; `rare`: its uncommon words, for the parts the typo search may look up (null for the
 * others). Exact names come from the B-tree; typo candidates from the trigram GIN by the rare words only (see
 * distinctiveWords), ranked by the whole part, and only when no part is exact.
 */
const hitsQuery = (keys: string[], rare: (string | null)[]) => Prisma.sql`
  WITH q AS (
    SELECT (ord - 1)::int AS i, k AS f, r AS rare
    FROM unnest(${keys}::text[], ${rare}::text[]) WITH ORDINALITY AS u(k, r, ord)
  ),
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
      WHERE q.rare <% atlas_fold(n.name)
      ORDER BY sim DESC
      LIMIT ${CLOSE_PER_PART}
    ) h
    WHERE q.rare IS NOT NULL AND NOT EXISTS (SELECT 1 FROM exact) AND h.sim >= ${CANDIDATE_SIMILARITY}
  )
  SELECT hit.i AS part, inst.id, inst.slug, inst.kind::text AS kind, inst."sortNameEn" AS name,
    inst.country::text AS country, hit.exact, hit.sim AS similarity
  FROM (SELECT * FROM exact UNION ALL SELECT * FROM close) hit
  JOIN "Institution" inst ON inst.id = hit.id`;

/**
 * The hits in one transaction: its settings first. The planner does not know what folding a name costs (a regular
 * expression each): left to itself on the seed it folds all 10,000 names for a trigram match (~60 ms) where the
 * index leads to a few dozen.
 */
async function findHits(keys: string[], rare: (string | null)[]): Promise<MatchHit[]> {
  const [, hits] = await db().$transaction([
    db().$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true),
      set_config('enable_seqscan', 'off', true)`,
    db().$queryRaw<MatchHit[]>(hitsQuery(keys, rare)),
  ]);
  return hits;
}

/** The memberships of these institutions in force on `date` (see inForceOn: the rule is tested alone). */
async function membershipsOn(ids: string[], date: string): Promise<Map<string, MatchMembership[]>> {
  const rows = await db().membership.findMany({
    where: { institutionId: { in: ids } },
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
    const membership = {
      organization: { slug: m.organization.slug, name: pickName(m.organization.names, "en").name },
      role: m.role,
      status: m.status,
      joined: fromStoredDate(m.joinedOn, m.joinedPrecision),
      ended: fromStoredDate(m.endedOn, m.endedPrecision),
    };
    if (inForceOn(membership, date))
      byInstitution.set(m.institutionId, [...(byInstitution.get(m.institutionId) ?? []), membership]);
  }
  return byInstitution;
}

/** The candidates for one affiliation, best first, at most one chosen; with `date`, their memberships that day. */
export async function matchAffiliation(affiliation: string, date?: string | null): Promise<MatchResponse> {
  const { parts, countries } = parseAffiliation(affiliation);
  const keys = parts.map((p) => p.key);
  // Acronyms and parts as written are only taken exactly (three capitals are close to anything), and departments
  // too unless the affiliation has nothing else: "Department of Surgery" is close to many a name.
  const units = parts.every((p) => p.unit);
  let typoLookups = 0;
  const rare = parts.map((p) => {
    if (p.acronym || p.asWritten || (p.unit && !units)) return null;
    // A single word ("Beijing", "Paris") or a part with a number (a street, a postcode left over) is a place far more
    // often than a mistyped name, and each lookup costs 10–15 ms on the world database: they are only taken exactly.
    if (!p.key.includes(" ") || /\d/.test(p.key)) return null;
    const words = distinctiveWords(p.key);
    return words && typoLookups++ < MAX_TYPO_LOOKUPS ? words : null;
  });
  const hits = keys.length ? await findHits(keys, rare) : [];
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
