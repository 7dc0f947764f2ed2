import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { SuggestType } from "../../shared/types/suggest";
import { listedInstitutionSql } from "../institutions/listed";

// The type-ahead's SQL. Names are compared folded (atlas_fold: lower case, punctuation and runs of spaces as
// one space; see the suggest_names migration), each kind of match in its own branch so that PostgreSQL
// answers it from the index made for it:
//   tier 0 exact, tier 1 prefix      — B-tree on atlas_fold(name) (text_pattern_ops);
//   tier 2 word prefix, 3 substring  — trigram GIN on atlas_fold(name), only for queries of 3+ characters;
//   tier 4 typo (word similarity)    — the same trigram GIN.
// Each broader stage runs only while the stages before found fewer records than asked for. Measured on the
// synthetic world (npm run data:world: 178k organization names, 110k institutions): "a", "un", "university",
// "med", an acronym, a misspelt rare name each answer in under 25 ms; a misspelling of a word half the
// names share ("univeristy of") reads many trigram candidates and takes about 0.4 s.

/** Rows a branch may return per source: enough to fill a page after several names of one record collapse. */
const BRANCH_CAP = 60;

/** Where names come from: each source is a table with a record id, a name text and what kind of name it is. */
type Source = {
  type: SuggestType;
  from: Prisma.Sql;
  id: Prisma.Sql;
  text: Prisma.Sql;
  kind: Prisma.Sql;
  locale: Prisma.Sql;
  /** Acronyms match exactly or as a prefix only: as substrings or typos, three letters match anything. */
  fuzzy: boolean;
};

const SOURCES: Source[] = [
  {
    type: "organization",
    from: Prisma.sql`"OrganizationName" s`,
    id: Prisma.sql`s."organizationId"`,
    text: Prisma.sql`s.name`,
    kind: Prisma.sql`lower(s.kind::text)`,
    locale: Prisma.sql`s.locale`,
    fuzzy: true,
  },
  {
    type: "organization",
    from: Prisma.sql`"OrganizationName" s`,
    id: Prisma.sql`s."organizationId"`,
    text: Prisma.sql`s.acronym`,
    kind: Prisma.sql`'acronym'`,
    locale: Prisma.sql`s.locale`,
    fuzzy: false,
  },
  {
    type: "organization",
    from: Prisma.sql`"Organization" s`,
    id: Prisma.sql`s.id`,
    text: Prisma.sql`s.acronym`,
    kind: Prisma.sql`'acronym'`,
    locale: Prisma.sql`NULL::text`,
    fuzzy: false,
  },
  {
    type: "institution",
    from: Prisma.sql`"InstitutionName" s`,
    id: Prisma.sql`s."institutionId"`,
    text: Prisma.sql`s.name`,
    kind: Prisma.sql`lower(s.kind::text)`,
    locale: Prisma.sql`s.locale`,
    fuzzy: true,
  },
];

const folded = (s: Source) => Prisma.sql`atlas_fold(${s.text})`;

function columns(s: Source, tier: Prisma.Sql, similarity: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${s.type}::text AS type, ${s.id} AS id, ${s.text} AS matched, ${s.kind} AS "matchedKind",
    ${s.locale} AS locale, ${tier} AS tier, ${similarity}::float8 AS similarity`;
}

/** The least string above every string starting with `f` (in code point order, as text_pattern_ops sorts). */
function prefixEnd(f: string): string {
  const chars = [...f];
  const last = chars.pop()!.codePointAt(0)!;
  return chars.join("") + String.fromCodePoint(Math.min(last + 1, 0x10ffff));
}

/**
 * Exact (tier 0) and prefix (tier 1) matches, each from the B-tree. The prefix is written as a range, which
 * only the B-tree answers (a LIKE prefix tempts the planner into the trigram index). The prefix branch keeps the
 * first names in the B-tree's own order (ORDER BY … USING ~<~, the order of text_pattern_ops), which the index
 * yields without sorting: a short prefix ("a") matches a fifth of the registry, and reading or sorting all of it
 * for eight suggestions costs half a second. Without the ORDER BY a plan made once for every value (the type-ahead
 * runs on generic plans, see suggestDb) read the range through a bitmap and kept any 60. The exact matches, which
 * must never be crowded out, have their own branch.
 */
function prefixBranch(s: Source, f: string, exact: boolean): Prisma.Sql {
  const where = exact
    ? Prisma.sql`${folded(s)} = ${f}`
    : Prisma.sql`${folded(s)} ~>=~ ${f} AND ${folded(s)} ~<~ ${prefixEnd(f)} AND ${folded(s)} <> ${f}`;
  return Prisma.sql`(SELECT ${columns(s, Prisma.raw(exact ? "0" : "1"), Prisma.sql`1`)} FROM ${s.from}
    WHERE ${where}${exact ? Prisma.empty : Prisma.sql` ORDER BY ${folded(s)} USING ~<~`} LIMIT ${BRANCH_CAP})`;
}

/**
 * The broader matches: word prefixes (tier 2), other substrings (3), typos (4: a word run of the name close to
 * the query). Each stops at BRANCH_CAP rows in index order rather than sorting every match: a common word
 * ("university") matches half the registry, and reading all of it for eight suggestions is what made the
 * old picker slow. The rows kept are then ranked (by name, or by similarity for typos).
 */
function broadBranch(s: Source, f: string, tier: 2 | 3 | 4, gate: Prisma.Sql): Prisma.Sql {
  const name = folded(s);
  const where = {
    2: Prisma.sql`${name} LIKE ${`% ${f}%`}`,
    3: Prisma.sql`${name} LIKE ${`%${f}%`} AND ${name} NOT LIKE ${`${f}%`} AND ${name} NOT LIKE ${`% ${f}%`}`,
    4: Prisma.sql`${f} <% ${name} AND ${name} NOT LIKE ${`%${f}%`}`,
  }[tier];
  const similarity = tier === 4 ? Prisma.sql`word_similarity(${f}, ${name})` : Prisma.sql`1`;
  return Prisma.sql`(SELECT ${columns(s, Prisma.raw(String(tier)), similarity)} FROM ${s.from}
    WHERE ${gate} AND ${where} LIMIT ${BRANCH_CAP})`;
}

const unionAll = (parts: Prisma.Sql[]) => Prisma.join(parts, " UNION ALL ");

/** Fewer than `limit` distinct records among the stages so far: the next, broader one is worth running. */
const fewer = (stages: string[], limit: number) =>
  Prisma.sql`(SELECT count(DISTINCT (h.type, h.id)) FROM (${Prisma.raw(
    stages.map((t) => `SELECT type, id FROM ${t}`).join(" UNION ALL "),
  )}) h) < ${limit}`;

/**
 * Every matching name row of the chosen sources (type, id, matched, matchedKind, locale, tier, similarity),
 * as the stages p (prefix), w (word prefix), s (substring), t (typo), each materialized once and run only
 * while the stages before found fewer than `limit` records. `f` is the folded query: atlas_fold removes
 * LIKE's wildcards ("%", "_", "\\") with the rest of the punctuation, so it goes into the patterns as it is.
 * The broader stages need three characters: shorter patterns have no trigram to look up.
 */
export function suggestHits(f: string, types: readonly SuggestType[], limit: number): Prisma.Sql {
  const sources = SOURCES.filter((s) => types.includes(s.type));
  const prefix = unionAll(sources.flatMap((s) => [prefixBranch(s, f, true), prefixBranch(s, f, false)]));
  if ([...f].length < 3) return Prisma.sql`SELECT * FROM (${prefix}) p`;
  const fuzzy = sources.filter((s) => s.fuzzy);
  const stage = (tier: 2 | 3 | 4, before: string[]) =>
    unionAll(fuzzy.map((s) => broadBranch(s, f, tier, fewer(before, limit))));
  return Prisma.sql`WITH p AS MATERIALIZED (${prefix}),
    w AS MATERIALIZED (${stage(2, ["p"])}),
    s AS MATERIALIZED (${stage(3, ["p", "w"])}),
    t AS MATERIALIZED (${stage(4, ["p", "w", "s"])})
    SELECT * FROM p UNION ALL SELECT * FROM w UNION ALL SELECT * FROM s UNION ALL SELECT * FROM t`;
}

/**
 * The best matching name of each record, then the records ranked, with what the answer shows of each. Within a
 * tier, institutions the registry lists something about come before the directory's others: "Nanjing" means
 * Nanjing Medical University here before the thirty other Nanjing universities the directory holds.
 */
export function suggestQuery(f: string, types: readonly SuggestType[], limit: number, zh: boolean): Prisma.Sql {
  const sortName = Prisma.raw(zh ? `"sortNameZh"` : `"sortNameEn"`);
  const locale = zh ? "zh" : "en";
  return Prisma.sql`WITH best AS (
      SELECT DISTINCT ON (type, id) * FROM (${suggestHits(f, types, limit)}) hits
      ORDER BY type, id, tier, similarity DESC,
        array_position(ARRAY['official','acronym','alternate','former'], "matchedKind"),
        (locale = ${locale}) DESC, matched
    )
    SELECT b.type, b.tier, b.matched, b."matchedKind",
      coalesce(o.slug, i.slug) AS slug,
      coalesce(nullif(o.${sortName}, ''), nullif(i.${sortName}, ''), o."sortNameEn", i."sortNameEn") AS name,
      coalesce(o.acronym, (SELECT n.acronym FROM "OrganizationName" n WHERE n."organizationId" = o.id
        AND n.acronym IS NOT NULL ORDER BY (n.kind = 'OFFICIAL') DESC, (n.locale = ${locale}) DESC LIMIT 1)) AS acronym,
      i.country::text AS country, coalesce(o.kind::text, i.kind::text) AS kind
    FROM best b
    LEFT JOIN "Organization" o ON b.type = 'organization' AND o.id = b.id
    LEFT JOIN "Institution" i ON b.type = 'institution' AND i.id = b.id
    ORDER BY b.tier, (b.type = 'institution' AND NOT ${listedInstitutionSql("i")}), b.similarity DESC, 6, 5
    LIMIT ${limit}`;
}
