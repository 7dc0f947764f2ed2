import { Prisma } from "../generated/prisma/client";

/**
 * The ILIKE pattern for substring search, with LIKE's wildcards escaped so "%" or "_" match themselves.
 * Latin queries under three characters ("or", "of") would match nearly everything as substrings, so they
 * get no substring match (null) and rely on the full-text and trigram matches; two Chinese characters
 * (联盟) are a word and keep the substring match.
 */
export function substringPattern(q: string): string | null {
  if (q.length < 3 && !/[^\u0000-\u024f]/.test(q)) return null;
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column ILIKE pattern`, or false when the query is too short for a substring match. */
export function substringMatch(column: Prisma.Sql, q: string): Prisma.Sql {
  const pattern = substringPattern(q);
  return pattern === null ? Prisma.sql`false` : Prisma.sql`${column} ILIKE ${pattern}`;
}
