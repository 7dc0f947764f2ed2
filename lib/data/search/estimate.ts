import "server-only";
import { db } from "../db";
import { Prisma } from "../../generated/prisma/client";
import { TYPO_FALLBACK_BELOW } from "./patterns";

/**
 * Facets are counted exactly over at most this many matched rows. A broad query ("university": 69,000 of the
 * world's 120,000 institutions) cost 230 ms to count whole; above this it is counted in a sample instead, and
 * the list says its counts are estimates.
 */
export const EXACT_FACETS_UP_TO = 2_000;

/** The lists take at most this many close spellings (typo matches), and know when there were more. */
export const TYPO_CAP = EXACT_FACETS_UP_TO + 1;

/** About how many rows the sample reads: enough for a country with 1% of the matches to show with ~60 of them. */
const SAMPLE_ROWS = 6_000;

type Plan = { Plan: { "Plan Rows": number } }[];

/** PostgreSQL's own estimate of how many rows `where` keeps (EXPLAIN: planning only, no row is read). */
async function plannedRows(from: Prisma.Sql, where: Prisma.Sql[]): Promise<number> {
  const [row] = await db().$queryRaw<{ "QUERY PLAN": Plan }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM ${from} WHERE ${Prisma.join(where, " AND ")}`;
  return row?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0;
}

/**
 * How the search should count its matches, with and without its filters, from the planner's estimates. Counting
 * them to find out would cost what counting whole does (a scan that stops after the limit still reads 21,000 rows
 * for "technology", 44 ms; planning takes a millisecond), and counting them "to the limit" when the planner
 * expects few evaluated the match once more before the page and the facets evaluated it again (xi'an jiaotong:
 * 10 ms each). The estimate only chooses how to count: one far too low costs time, never a wrong exact figure, and
 * the close spellings that made such a case slow ("university" among organizations, which no name holds but 15,000
 * are close to) are cut at TYPO_CAP.
 */
export async function probeMatches(o: { from: Prisma.Sql; match: Prisma.Sql; filters: Prisma.Sql[] }) {
  const [matched, filtered] = await Promise.all([
    plannedRows(o.from, [o.match]),
    o.filters.length ? plannedRows(o.from, [o.match, ...o.filters]) : null,
  ]);
  const kept = filtered ?? matched;
  return {
    /** The facets would count more rows than EXACT_FACETS_UP_TO: estimate them. */
    broad: matched > EXACT_FACETS_UP_TO,
    /** The filtered matches are few enough to count exactly. */
    fewFiltered: kept <= EXACT_FACETS_UP_TO,
    /**
     * So many match that typo matches (added below a page of exact ones) cannot be wanted: the page can be read
     * from the exact matches alone, in index order (a tenfold margin on the estimate).
     */
    pageOfExact: kept >= 10 * TYPO_FALLBACK_BELOW,
  };
}

// The table's row count as PostgreSQL's statistics have it (autovacuum keeps it close), kept for a minute.
const sizes = new Map<string, { rows: number; at: number }>();

/**
 * `table` (aliased `alias`) read as a sample of its pages holding about SAMPLE_ROWS rows (TABLESAMPLE SYSTEM, the same
 * pages each time, so a list's page and its next agree), and the factor that scales the sample's counts to the whole.
 */
export async function sampleOf(table: string, alias: string): Promise<{ from: Prisma.Sql; scale: number }> {
  let size = sizes.get(table);
  if (!size || Date.now() - size.at > 60_000) {
    const [row] = await db().$queryRaw<{ rows: number }[]>`
      SELECT greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = ${`"${table}"`}::regclass`;
    size = { rows: row?.rows ?? 0, at: Date.now() };
    sizes.set(table, size);
  }
  const percent = size.rows > SAMPLE_ROWS ? Math.max(0.1, (100 * SAMPLE_ROWS) / size.rows) : 100;
  return {
    from: Prisma.sql`${Prisma.raw(`"${table}" ${alias}`)} TABLESAMPLE SYSTEM (${percent}::real) REPEATABLE (0)`,
    scale: 100 / percent,
  };
}

/** How many rows of `from` meet every condition of `where`, exactly. */
export async function countRows(from: Prisma.Sql, where: Prisma.Sql[]): Promise<number> {
  const [row] = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ${from}
    ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty}`;
  return Number(row?.n ?? 0);
}

/** A list's counts: its "total" and facet rows, and "matched" (every row matched, before the filters). */
export type CountRow = { section: string; value: string | null; n: bigint };

/** A sample's counts scaled to the whole and rounded; the total replaced by the exact one when there is one. */
export function scaledCounts<R extends CountRow>(rows: R[], scale: number, exactTotal: number | null): R[] {
  return rows.map((r) =>
    r.section === "total" && exactTotal !== null
      ? { ...r, n: BigInt(exactTotal) }
      : { ...r, n: BigInt(roundEstimate(Number(r.n) * scale)) },
  );
}

/** The close spellings were cut at TYPO_CAP: the counts are of at least what is there. */
export function cutAtTypoCap(rows: CountRow[]): boolean {
  return Number(rows.find((r) => r.section === "matched")?.n ?? 0) > EXACT_FACETS_UP_TO;
}

/**
 * An estimated count as a reader should take it: two significant figures (68,900 read from a sample of 5% is
 * "69,000"), and at least 1 for a value the sample found.
 */
export function roundEstimate(n: number): number {
  if (n <= 0) return 0;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.max(1, Math.round(n / magnitude) * magnitude);
}
