import "server-only";
import { Prisma } from "../../generated/prisma/client";

/**
 * The ILIKE pattern for substring search, with LIKE's wildcards escaped so "%" or "_" match themselves.
 * Latin queries under three characters ("or", "of") would match nearly everything as substrings, so they
 * get no substring match (null) and rely on the full-text and trigram matches; two Chinese characters
 * (联盟) are a word and keep the substring match.
 */
export function substringPattern(q: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range runs from NUL to the end of Latin scripts
  if (q.length < 3 && !/[^\u0000-\u024f]/.test(q)) return null;
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Chinese, Japanese and Korean characters: the ranges atlas_cjk_bigrams (the search migration) indexes.
const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]{2,}/g;

/**
 * The query's neighbouring CJK character pairs as a tsquery ("'联盟'" for 联盟, "'大学' & '学联' & '联盟'"
 * for 大学联盟), matching the pairs "searchVector" holds; null when the query has no two CJK characters
 * side by side. Every pair present does not make the query a substring, so callers recheck with ILIKE.
 */
export function cjkBigramQuery(q: string): string | null {
  const pairs = new Set<string>();
  for (const [run] of q.matchAll(CJK_RUN)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i]! + chars[i + 1]!);
  }
  return pairs.size ? [...pairs].map((p) => `'${p}'`).join(" & ") : null;
}

/**
 * The columns a text search reads. `namesFolded`, where the table has it, is `names` in lower case, stored (an
 * organization's "searchNamesFolded"): a case-insensitive substring test is then LIKE on it.
 */
export type SearchColumns = { vector: Prisma.Sql; names: Prisma.Sql; text: Prisma.Sql; namesFolded?: Prisma.Sql };

/** The pattern has no letter with a case (Chinese characters, digits, punctuation). */
const caseless = (pattern: string) => pattern.toLowerCase() === pattern.toUpperCase();

/**
 * `column` holds `pattern` (substringPattern's), whatever the case. PostgreSQL's ILIKE lower-cases the row's text on
 * every test (in a multibyte database it is lower() of both sides, then LIKE), which a broad search pays for
 * thousands of rows, twice (the match and the rank). So: plain LIKE when the pattern has no cased letter (what
 * lower-casing a row changes cannot make or break a match of caseless characters); LIKE against the stored lower-case
 * copy when there is one, the pattern lower-cased by PostgreSQL itself so both sides fold alike; else ILIKE.
 */
export function containsPattern(column: { plain: Prisma.Sql; folded?: Prisma.Sql }, pattern: string): Prisma.Sql {
  if (caseless(pattern)) return Prisma.sql`${column.plain} LIKE ${pattern}`;
  if (column.folded) return Prisma.sql`${column.folded} LIKE lower(${pattern})`;
  return Prisma.sql`${column.plain} ILIKE ${pattern}`;
}

/** The search's names contain `pattern`, whatever the case (containsPattern). */
export const namesContain = (c: SearchColumns, pattern: string) =>
  containsPattern({ plain: c.names, folded: c.namesFolded }, pattern);

/**
 * The exact text match, each part answered by an index: full-text words over the whole text; for a
 * query with CJK characters, their pairs through the same index, rechecked as a substring of the text;
 * otherwise a substring of the names (trigram index). Typos are matched separately (typoMatch).
 */
export function exactTextMatch(c: SearchColumns, q: string): Prisma.Sql {
  const pattern = substringPattern(q);
  const bigrams = cjkBigramQuery(q);
  const substring =
    pattern === null
      ? Prisma.sql`false`
      : bigrams
        ? Prisma.sql`(${c.vector} @@ ${bigrams}::tsquery AND ${containsPattern({ plain: c.text }, pattern)})`
        : namesContain(c, pattern);
  return Prisma.sql`(${c.vector} @@ websearch_to_tsquery('simple', ${q}) OR ${substring})`;
}

/** Typo tolerance: the query is close to a word of the names (pg_trgm word similarity, trigram index). */
export function typoMatch(c: SearchColumns, q: string): Prisma.Sql {
  // pg_trgm lower-cases the trigrams it compares: the folded copy matches alike, and carries the trigram index.
  return Prisma.sql`${q} <% ${c.namesFolded ?? c.names}`;
}

/** How many exact hits a query needs before typo matches are left out: one page's worth. */
export const TYPO_FALLBACK_BELOW = 20;

const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`true`);

/**
 * Rows of `from` matching the text query, with `select`ed columns: the exact matches, and typo matches
 * only when the exact ones (under `gateWhere`, the search's full filters) are fewer than a page. The typo
 * half is behind a condition without row references, which PostgreSQL checks once before scanning, so a
 * query with enough exact hits never pays for the similarity scan. `where` narrows both halves; `select`
 * may differ between the exact half and the typo half (`typo`), e.g. to rank typo hits by similarity.
 */
export function textMatchedRows(o: {
  from: Prisma.Sql;
  columns: SearchColumns;
  select: Prisma.Sql | ((typo: boolean) => Prisma.Sql);
  q: string;
  where: Prisma.Sql[];
  gateWhere: Prisma.Sql[];
  /**
   * At most this many typo matches: a word no name holds can be close to thousands ("university" to every
   * "… Universities …": 15,000 organizations, a second to rank and count). The lists cap them and say "at least";
   * the API, whose totals are exact, does not.
   */
  typoCap?: number;
}): Prisma.Sql {
  const select = (typo: boolean) => (typeof o.select === "function" ? o.select(typo) : o.select);
  const exact = exactTextMatch(o.columns, o.q);
  const few = Prisma.sql`(SELECT count(*) FROM
    (SELECT 1 FROM ${o.from} WHERE ${exact} AND ${and(o.gateWhere)} LIMIT ${TYPO_FALLBACK_BELOW}) few)
    < ${TYPO_FALLBACK_BELOW}`;
  const typo = Prisma.sql`SELECT ${select(true)} FROM ${o.from}
    WHERE ${few} AND ${typoMatch(o.columns, o.q)} AND ${exact} IS NOT TRUE AND ${and(o.where)}`;
  return Prisma.sql`SELECT ${select(false)} FROM ${o.from} WHERE ${exact} AND ${and(o.where)}
    UNION ALL ${o.typoCap === undefined ? typo : Prisma.sql`(${typo} LIMIT ${o.typoCap})`}`;
}
