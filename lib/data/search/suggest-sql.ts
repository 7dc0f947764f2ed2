import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { SuggestType } from "../../shared/types/suggest";

// The type-ahead's SQL. Names are compared folded (atlas_fold: lower case, punctuation and runs of spaces as
// one space; see the suggest_names migration), each kind of match in its own branch so that PostgreSQL
// answers it from the index made for it:
//   tier 0 exact, tier 1 prefix  — B-tree on atlas_fold(name) (text_pattern_ops), walked in order, capped;
//   tier 2 word prefix, 3 substring — trigram GIN on atlas_fold(name), only for queries of 3+ characters;
//   tier 4 typo (word similarity)  — the same trigram GIN, only while the branches above found too few.
// A gate without row references (the count of the earlier branches' hits) is evaluated once, before the
// scan, so a query with enough good hits never pays for the broader ones.

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

/** Exact (tier 0) and prefix (tier 1) matches: a range scan of the B-tree, in folded order. */
function prefixBranch(s: Source, f: string): Prisma.Sql {
  const tier = Prisma.sql`CASE WHEN ${folded(s)} = ${f} THEN 0 ELSE 1 END`;
  return Prisma.sql`(SELECT ${columns(s, tier, Prisma.sql`1`)} FROM ${s.from}
    WHERE ${folded(s)} LIKE ${`${f}%`} ORDER BY ${folded(s)} LIMIT ${BRANCH_CAP})`;
}

/** Word prefixes (tier 2) and other substrings (tier 3), leaving out what the prefix branch found. */
function substringBranch(s: Source, f: string, gate: Prisma.Sql): Prisma.Sql {
  const tier = Prisma.sql`CASE WHEN ${folded(s)} LIKE ${`% ${f}%`} THEN 2 ELSE 3 END`;
  return Prisma.sql`(SELECT ${columns(s, tier, Prisma.sql`1`)} FROM ${s.from}
    WHERE ${gate} AND ${folded(s)} LIKE ${`%${f}%`} AND ${folded(s)} NOT LIKE ${`${f}%`}
    ORDER BY 6, ${folded(s)} LIMIT ${BRANCH_CAP})`;
}

/** Typos (tier 4): names with a word run close to the query, most similar first. */
function typoBranch(s: Source, f: string, gate: Prisma.Sql): Prisma.Sql {
  const similarity = Prisma.sql`word_similarity(${f}, ${folded(s)})`;
  return Prisma.sql`(SELECT ${columns(s, Prisma.sql`4`, similarity)} FROM ${s.from}
    WHERE ${gate} AND ${f} <% ${folded(s)} AND ${folded(s)} NOT LIKE ${`%${f}%`}
    ORDER BY 7 DESC LIMIT ${BRANCH_CAP})`;
}

const unionAll = (parts: Prisma.Sql[]) => Prisma.join(parts, " UNION ALL ");

/** Fewer than `limit` distinct records among `hits`: the broader branches are worth running. */
const fewer = (hits: Prisma.Sql, limit: number) =>
  Prisma.sql`(SELECT count(DISTINCT (h.type, h.id)) FROM (${hits}) h) < ${limit}`;

/**
 * Every matching name row of the chosen sources (type, id, matched, matchedKind, locale, tier, similarity).
 * `f` is the folded query: atlas_fold removes LIKE's wildcards ("%", "_", "\") with the rest of the
 * punctuation, so it goes into the patterns as it is. Substrings and typos need three characters: shorter
 * patterns have no trigram to look up and would read the whole index.
 */
export function suggestHits(f: string, types: readonly SuggestType[], limit: number): Prisma.Sql {
  const sources = SOURCES.filter((s) => types.includes(s.type));
  const prefix = unionAll(sources.map((s) => prefixBranch(s, f)));
  if ([...f].length < 3) return prefix;
  const fuzzy = sources.filter((s) => s.fuzzy);
  const substring = unionAll(fuzzy.map((s) => substringBranch(s, f, fewer(prefix, limit))));
  const typo = unionAll(fuzzy.map((s) => typoBranch(s, f, fewer(unionAll([prefix, substring]), limit))));
  return unionAll([prefix, substring, typo]);
}

/** The best matching name of each record, then the records ranked, with what the answer shows of each. */
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
    ORDER BY b.tier, b.similarity DESC, 6, 5
    LIMIT ${limit}`;
}
