import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { fromStoredDate } from "../../shared/dates";
import { parseAffiliation, typoLookupWords } from "../../shared/affiliation-text";
import {
  inForceOn,
  rankMatches,
  type MatchHit,
  type MatchItem,
  type MatchMembership,
  type MatchResponse,
} from "../../shared/affiliation-match";
import { periodInForce } from "../../shared/membership-periods";
import { formerPeriodsOf } from "../change-requests/diff";
import { pickName } from "../../shared/names";
import { db } from "../db";
import { organizationNameSelect } from "../selects";
import { pageUrl } from "./records";

// Affiliation matching (GET /api/v1/match): the parts of a messy affiliation string against every name of every
// institution, listed or only in the directory: names equal to a part (folded as the type-ahead folds, "The" aside:
// the B-tree on atlas_fold(name)), and only when none is, in a second statement, names close to a part (pg_trgm
// similarity: the trigram GIN on atlas_fold(name)). Another statement, only with a date, reads the memberships.
// Public, approved data: no actor.

/** How alike a name must be to be a candidate at all (pg_trgm similarity of the folded names). */
const CANDIDATE_SIMILARITY = 0.45;
/** How much of a part's unknown words a name must hold (pg_trgm word similarity) to be compared with it at all. */
const WORD_SIMILARITY = 0.4;
/** The most parts of one affiliation looked up for typos (each is one or two trigram index lookups). */
const MAX_TYPO_LOOKUPS = 6;
/**
 * A word more institutions' names hold than this is never what a lookup goes by (atlas_name_words, migration
 * name_word_counts): on the world database "council" leads to 1,646 names, "children" to 3,345, each compared with the
 * part, and tells none of them apart.
 */
const COMMON_IN_NAMES = 250;
/** The closest names each part offers. */
const CLOSE_PER_PART = 8;

const institutionOfHit = Prisma.sql`inst.id, inst.slug, inst.kind::text AS kind, inst."sortNameEn" AS name,
  inst.country::text AS country`;

/** Names equal to a part (`keys`: every part folded), "The" aside: the B-tree on atlas_fold(name). */
const exactQuery = (keys: string[]) => Prisma.sql`
  SELECT v.i AS part, ${institutionOfHit}, true AS exact, 1.0::float8 AS similarity
  FROM (
    SELECT (ord - 1)::int AS i, x.f
    FROM unnest(${keys}::text[]) WITH ORDINALITY AS u(k, ord)
    CROSS JOIN LATERAL unnest(ARRAY[k, 'the ' || k, k || ' the']) AS x(f)
  ) v
  JOIN "InstitutionName" n ON atlas_fold(n.name) = v.f
  JOIN "Institution" inst ON inst.id = n."institutionId"`;

/**
 * Names close to a part, when no part is exact. `rare`: each part's uncommon words, for the parts the typo search may
 * look up (null for the others). The candidates of a part are the names that hold one of its rare words as the
 * registry's names spell it (atlas_name_words knows the word: a substring lookup in the trigram GIN, a few names
 * each); only a part none of whose rare words any name holds (a mistyped name: "Kahsan") is looked up by similarity
 * of words (`<%`), which costs far more: at 0.4 "capital" is like every "hospital" (5,918 names of the world database
 * compared with the part, 350 ms). Either way the candidates are ranked by their similarity to the whole part.
 * A known word of fewer than four letters ("st", "co") is no lookup: the trigram index cannot narrow a substring that
 * short, and reads every name. The words are folded (letters and digits only), so they hold no LIKE wildcard.
 */
const closeQuery = (keys: string[], rare: (string | null)[]) => Prisma.sql`
  WITH q AS (
    SELECT (ord - 1)::int AS i, k AS f, w.known, CASE WHEN w.known IS NULL THEN w.unknown END AS typo
    FROM unnest(${keys}::text[], ${rare}::text[]) WITH ORDINALITY AS u(k, r, ord)
    CROSS JOIN LATERAL (
      SELECT array_agg(x.word) FILTER (WHERE c.names IS NOT NULL AND length(x.word) >= 4) AS known,
        string_agg(x.word, ' ' ORDER BY x.o) FILTER (WHERE c.names IS NULL) AS unknown
      FROM unnest(string_to_array(r, ' ')) WITH ORDINALITY AS x(word, o)
      LEFT JOIN atlas_name_words c ON c.word = x.word
      WHERE c.names IS NULL OR c.names <= ${COMMON_IN_NAMES}
    ) w
    WHERE r IS NOT NULL
  ),
  candidates AS (
    SELECT q.i, q.f, n."institutionId" AS id, atlas_fold(n.name) AS name
    FROM q CROSS JOIN LATERAL unnest(q.known) AS k(word)
    JOIN "InstitutionName" n ON atlas_fold(n.name) LIKE '%' || k.word || '%'
    UNION ALL
    SELECT q.i, q.f, n."institutionId", atlas_fold(n.name)
    FROM q JOIN "InstitutionName" n ON q.typo <% atlas_fold(n.name)
    WHERE q.typo IS NOT NULL
  ),
  close AS (
    SELECT i, id, sim
    FROM (
      SELECT i, id, sim, row_number() OVER (PARTITION BY i ORDER BY sim DESC, id) AS rank
      FROM (SELECT i, id, max(similarity(name, f))::float8 AS sim FROM candidates GROUP BY i, id) s
    ) ranked
    WHERE rank <= ${CLOSE_PER_PART} AND sim >= ${CANDIDATE_SIMILARITY}
  )
  SELECT close.i AS part, ${institutionOfHit}, false AS exact, close.sim AS similarity
  FROM close JOIN "Institution" inst ON inst.id = close.id`;

/**
 * The hits: the exact names first, in a statement of their own (most affiliations name their institution as it is
 * named, and a small statement is planned in a fraction of the time), and only when none is, the close ones. Each in
 * one transaction with its settings: the planner does not know what folding a name costs (a regular expression each):
 * left to itself on the seed it folds all 10,000 names for a trigram match (~60 ms) where the index leads to a few
 * dozen.
 */
async function findHits(keys: string[], rare: (string | null)[]): Promise<MatchHit[]> {
  const run = async (query: Prisma.Sql) => {
    const [, hits] = await db().$transaction([
      db().$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true),
        set_config('enable_seqscan', 'off', true)`,
      db().$queryRaw<MatchHit[]>(query),
    ]);
    return hits;
  };
  const exact = await run(exactQuery(keys));
  return exact.length || rare.every((r) => r === null) ? exact : run(closeQuery(keys, rare));
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
      periods: {
        select: { joinedOn: true, joinedPrecision: true, endedOn: true, endedPrecision: true },
        orderBy: { endedOn: "asc" },
      },
      organization: { select: { slug: true, names: organizationNameSelect } },
    },
    orderBy: [{ institutionId: "asc" }, { organization: { slug: "asc" } }],
  });
  const byInstitution = new Map<string, MatchMembership[]>();
  for (const m of rows) {
    const current = {
      joined: fromStoredDate(m.joinedOn, m.joinedPrecision),
      ended: fromStoredDate(m.endedOn, m.endedPrecision),
    };
    // A member that left and rejoined was one during each period: the dates given are those of the period that day.
    const period = periodInForce([...formerPeriodsOf(m.periods), current], date, inForceOn);
    if (!period) continue;
    const membership = {
      organization: { slug: m.organization.slug, name: pickName(m.organization.names, "en").name },
      role: m.role,
      status: m.status,
      joined: period.joined,
      ended: period.ended,
    };
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
  const rare = typoLookupWords(parts, MAX_TYPO_LOOKUPS);
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
