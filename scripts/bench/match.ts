// The matching scenario of `npm run bench`: every affiliation of the labelled set (tests/fixtures/affiliations.json,
// made by scripts/match-set.ts) through matchAffiliation against DATABASE_URL's database, with precision, recall and
// the latency of each string (p50/p99/max, the whole call: its statements and the ranking).
//   DATABASE_URL=<seeded database> npm run bench:match [-- --json]
import { readFileSync } from "node:fs";
import path from "node:path";
import { matchAffiliation } from "../../lib/data/open/match";
import { matchingQuality, type MatchOutcome } from "../../lib/shared/affiliation-match";

type LabelledSet = { items: { affiliation: string; label: string }[] };

const file = path.join(import.meta.dirname, "..", "..", "tests", "fixtures", "affiliations.json");
const set = JSON.parse(readFileSync(file, "utf8")) as LabelledSet;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10 : null;
};

// One pass to warm the connection pool and the database's caches, as a running server would have them.
for (const item of set.items.slice(0, 20)) await matchAffiliation(item.affiliation);
const outcomes: MatchOutcome[] = [];
const times: number[] = [];
const misses: string[] = [];
const slow: [number, string][] = [];
for (const item of set.items) {
  const started = performance.now();
  const answer = await matchAffiliation(item.affiliation);
  times.push(performance.now() - started);
  slow.push([times.at(-1)!, item.affiliation]);
  const chosen = answer.items.find((i) => i.chosen)?.record.slug ?? null;
  outcomes.push({ label: item.label, chosen });
  if (chosen !== item.label && !(chosen === null && item.label === "none"))
    misses.push(`${item.label} ← ${chosen ?? "(none)"}: ${item.affiliation}`);
}
const result = {
  ...matchingQuality(outcomes),
  latencyMs: { p50: percentile(times, 50), p99: percentile(times, 99), max: percentile(times, 100) },
};
if (process.argv.includes("--json")) console.log(JSON.stringify(result));
else {
  for (const m of misses) console.log(`  missed: ${m}`);
  const slowest = slow.sort((a, b) => b[0] - a[0]).slice(0, 5);
  for (const [ms, text] of slowest) console.log(`  slowest: ${Math.round(ms)} ms: ${text}`);
  console.log(result);
}
process.exit(0);
