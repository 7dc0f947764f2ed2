// Joins over time at the precision the sources give. A year-precision date counts in its year and nothing
// finer is ever invented: months are shown only when every dated join is known to the month.
import type { JoinCount, Timeline, TimelineBucket } from "../shared/types/charts";

export type { JoinCount, Timeline, TimelineBucket };

// Months are worth showing for a short history only; over more years a bar per month is unreadable.
const MONTHLY_SPAN_YEARS = 2;
// A history longer than this is cut to its latest part (earlier joins still count in the cumulative line).
const MAX_BUCKETS = 80;

function pad(n: number) {
  return String(n).padStart(2, "0");
}

/** Buckets with no gaps from the first join to the last, each with the running total. */
export function bucketJoins(rows: JoinCount[], unknown: number): Timeline {
  const dated = rows.reduce((n, r) => n + r.count, 0);
  if (!rows.length) return { buckets: [], dated, unknown };
  const years = rows.map((r) => r.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const monthly = rows.every((r) => r.month !== null) && last - first < MONTHLY_SPAN_YEARS;
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = monthly ? `${r.year}-${pad(r.month!)}` : String(r.year);
    counts.set(key, (counts.get(key) ?? 0) + r.count);
  }
  const keys: string[] = [];
  if (monthly) {
    const months = rows.map((r) => r.year * 12 + r.month! - 1);
    for (let m = Math.min(...months); m <= Math.max(...months); m++)
      keys.push(`${Math.floor(m / 12)}-${pad((m % 12) + 1)}`);
  } else {
    for (let y = first; y <= last; y++) keys.push(String(y));
  }
  let cumulative = 0;
  const buckets = keys.map((iso): TimelineBucket => {
    const joined = counts.get(iso) ?? 0;
    cumulative += joined;
    return { iso, precision: monthly ? "MONTH" : "YEAR", joined, cumulative };
  });
  return { buckets: buckets.slice(-MAX_BUCKETS), dated, unknown };
}

/** Year histogram with no gaps (organizations founded per year), cut to the latest MAX_BUCKETS years. */
export function yearSeries(rows: { year: number; count: number }[]): { year: number; count: number }[] {
  if (!rows.length) return [];
  const counts = new Map(rows.map((r) => [r.year, r.count]));
  const years = rows.map((r) => r.year);
  const out: { year: number; count: number }[] = [];
  for (let y = Math.max(Math.min(...years), Math.max(...years) - MAX_BUCKETS + 1); y <= Math.max(...years); y++)
    out.push({ year: y, count: counts.get(y) ?? 0 });
  return out;
}

/** A round upper bound for an axis of counts (steps of 1, 2, 5 × 10^n) and its ticks. */
export function niceScale(max: number, tickCount = 4): { max: number; ticks: number[] } {
  if (max <= 0) return { max: 1, ticks: [0, 1] };
  const rough = max / tickCount;
  const power = 10 ** Math.floor(Math.log10(rough));
  // Counts are whole numbers: never a step below 1.
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return { max: top, ticks };
}
