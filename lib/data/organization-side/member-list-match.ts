import "server-only";
import { db } from "../db";
import { Prisma } from "../../generated/prisma/client";
import { ValidationError } from "../../shared/errors";
import type { MemberListCandidate, MemberListMatch } from "../../shared/types/member-list";

// Matching an uploaded member list against every institution the registry knows, listed or only in the directory
// (the seed loads the directory's ~10,000 universities as unlisted institutions): every name of each (English,
// Chinese, alternate and former names, acronyms, which are alternate names), compared folded as the type-ahead
// compares them (atlas_fold: case, punctuation and spaces set aside, migration suggest_names) and without a
// leading or trailing "The". One statement for the whole list, answered by the fold indexes of InstitutionName.

/** How alike a name must be to be offered at all (pg_trgm similarity of the folded names). */
const CANDIDATE_THRESHOLD = 0.45;
/** The most candidates a row offers. */
const MAX_CANDIDATES = 5;
/**
 * The longest each statement of one list's lookup may take at the database. Measured on the seed (10,000 universities
 * of the directory, 2 cores): 500 rows in 2.9 s, 2,000 in 14 s (a quarter of them only alike, each ~20 ms).
 */
const MATCH_TIMEOUT_MS = 60_000;

type Hit = {
  i: number;
  id: string;
  slug: string;
  country: string;
  listed: boolean;
  matched: string;
  exact: boolean;
  sim: number;
};

/** "The Chinese University of Hong Kong" and "Chinese University of Hong Kong, The" both as the type-ahead folds. */
const STRIP_THE = String.raw`^the |\sthe$`;

/** The rows as the database reads them: index, folded name ("The" aside), the country codes allowed (null: any). */
const queryRows = (names: string[], countries: string[]) => Prisma.sql`
  SELECT (ord - 1)::int AS i, regexp_replace(atlas_fold(t), ${STRIP_THE}, '', 'g') AS f,
    string_to_array(nullif(cc, ''), ',') AS codes
  FROM unnest(${names}::text[], ${countries}::text[]) WITH ORDINALITY AS u(t, cc, ord)`;

/**
 * Names equal to a row's, folded, with or without "The": one join for the whole list (the fold index, or a hash of
 * every name folded once).
 */
const exactHits = (names: string[], countries: string[]) => Prisma.sql`
  WITH q AS (${queryRows(names, countries)}),
  v AS (SELECT q.i, q.codes, x.f FROM q CROSS JOIN LATERAL unnest(ARRAY[q.f, 'the ' || q.f, q.f || ' the']) AS x(f))
  SELECT DISTINCT v.i, inst.id, inst.slug, inst.country, inst.listed, n.name AS matched,
    true AS exact, 1.0::float8 AS sim
  FROM v JOIN "InstitutionName" n ON atlas_fold(n.name) = v.f
  JOIN "Institution" inst ON inst.id = n."institutionId"
  WHERE v.codes IS NULL OR inst.country = ANY(v.codes)`;

/** Names alike (pg_trgm similarity of the folded names), for the rows no name equals: each through the index. */
const closeHits = (names: string[], countries: string[], rows: number[]) => Prisma.sql`
  WITH q AS (${queryRows(names, countries)})
  SELECT q.i, h.id, h.slug, h.country, h.listed, h.matched, false AS exact, h.sim::float8 AS sim
  FROM q CROSS JOIN LATERAL (
    SELECT inst.id, inst.slug, inst.country, inst.listed, n.name AS matched, similarity(atlas_fold(n.name), q.f) AS sim
    FROM "InstitutionName" n JOIN "Institution" inst ON inst.id = n."institutionId"
    WHERE atlas_fold(n.name) % q.f AND (q.codes IS NULL OR inst.country = ANY(q.codes))
    ORDER BY sim DESC, inst.listed DESC, inst.slug
    LIMIT 20
  ) h
  WHERE q.i = ANY(${rows}::int[])`;

/**
 * Every row's candidates: institutions with a name equal to the row's (folded, "The" aside), else close to it, in
 * the countries the row gives when it gives one. Two statements for the whole list, however long.
 */
async function findHits(rows: { name: string; countryCodes: string[] }[]): Promise<Hit[]> {
  if (!rows.length) return [];
  const names = rows.map((r) => r.name);
  const countries = rows.map((r) => r.countryCodes.join(","));
  return db()
    .$transaction(
      async (tx) => {
        // The planner does not know what folding every name costs (a regular expression each, ~17 µs): left to
        // itself it reads all the names for a trigram match, 150 ms a row, where the trigram index takes a few.
        await tx.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(CANDIDATE_THRESHOLD)}, true),
          set_config('statement_timeout', ${String(MATCH_TIMEOUT_MS)}, true),
          set_config('enable_seqscan', 'off', true)`;
        const exact = await tx.$queryRaw<Hit[]>(exactHits(names, countries));
        const found = new Set(exact.map((h) => h.i));
        const rest = rows.map((_, i) => i).filter((i) => !found.has(i));
        return rest.length ? [...exact, ...(await tx.$queryRaw<Hit[]>(closeHits(names, countries, rest)))] : exact;
      },
      { timeout: MATCH_TIMEOUT_MS + 5_000 },
    )
    .catch((error: unknown) => {
      if (/57014|statement timeout/i.test(String(error instanceof Error ? error.message : error)))
        throw new ValidationError("This list could not be matched in time: send it in a few parts.");
      throw error;
    });
}

/** The best name of each institution among a row's hits, best first. */
function candidatesOf(hits: Hit[]): (MemberListCandidate & { exact: boolean })[] {
  const best = new Map<string, MemberListCandidate & { exact: boolean }>();
  for (const h of hits) {
    const score = Math.round(Number(h.sim) * 100) / 100;
    const seen = best.get(h.id);
    if (seen && seen.score >= score) continue;
    best.set(h.id, { id: h.id, slug: h.slug, country: h.country, matchedName: h.matched, score, exact: h.exact });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
}

/**
 * A row's outcome: matched when exactly one institution has the name (folded, in any language, former names and
 * acronyms included); ambiguous when several have it, or some are only close (the person chooses one, or none);
 * unmatched when none is close.
 */
export function classify(candidates: (MemberListCandidate & { exact: boolean })[]): MemberListMatch {
  const strip = ({ exact: _, ...c }: MemberListCandidate & { exact: boolean }): MemberListCandidate => c;
  const offered = candidates.slice(0, MAX_CANDIDATES).map(strip);
  const exact = candidates.filter((c) => c.exact);
  if (exact.length === 1) return { status: "MATCHED", candidates: [strip(exact[0]!)] };
  if (exact.length > 1) return { status: "AMBIGUOUS", candidates: exact.slice(0, MAX_CANDIDATES).map(strip) };
  // Only a name the registry has is taken without asking: a name merely alike, however close ("Xi'an University of
  // Technology and Architecture" is all the trigrams of "… of Architecture and Technology"), is the person's call.
  return offered.length ? { status: "AMBIGUOUS", candidates: offered } : { status: "UNMATCHED", candidates: [] };
}

/** Match each row of a list (in one statement), in the rows' order. */
export async function matchMemberList(rows: { name: string; countryCodes: string[] }[]): Promise<MemberListMatch[]> {
  const hits = await findHits(rows);
  const byRow = new Map<number, Hit[]>();
  for (const h of hits) byRow.set(h.i, [...(byRow.get(h.i) ?? []), h]);
  return rows.map((_, i) => classify(candidatesOf(byRow.get(i) ?? [])));
}
