// The matching scenario of `npm run bench`: every affiliation of the labelled set (tests/fixtures/affiliations.json,
// made by scripts/match-set.ts) through matchAffiliation against DATABASE_URL's database, with precision, recall and
// the latency of each string (p50/p99/max, the whole call: its statements and the ranking).
//   DATABASE_URL=<seeded database> npm run bench:match [-- --json]
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { matchAffiliation } from "../../lib/data/open/match";
import { matchingQuality, type MatchOutcome } from "../../lib/shared/affiliation-match";
import pg from "pg";

type LabelledSet = { items: { affiliation: string; label: string }[] };

const file = path.join(import.meta.dirname, "..", "..", "tests", "fixtures", "affiliations.json");
const set = JSON.parse(readFileSync(file, "utf8")) as LabelledSet;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10 : null;
};

// One pass to warm the connection pool and the database's caches, as a running server would have them.
for (const item of set.items.slice(0, 20)) await matchAffiliation(item.affiliation);

// The CPU a string costs, besides its wall time: on a shared machine the wall time measures the neighbours as much as
// the matching, the CPU time far less. The database's part is read from the kernel's run time of the server processes
// serving this database (/proc/<pid>/schedstat, in nanoseconds), so only when the database runs on this machine; the
// ranking's part is this process's own.
const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
await watcher.connect();
const { rows: backends } = await watcher.query<{ pid: number }>(
  "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
);
await watcher.end();
const schedstat = (pid: number) => `/proc/${pid}/schedstat`;
const local = backends.length > 0 && backends.every((b) => existsSync(schedstat(b.pid)));
const databaseCpuNs = () =>
  backends.reduce((sum, b) => sum + Number(readFileSync(schedstat(b.pid), "utf8").split(" ")[0]), 0);
const cpu: number[] = [];
const outcomes: MatchOutcome[] = [];
const times: number[] = [];
const misses: string[] = [];
const slow: [number, string][] = [];
for (const item of set.items) {
  const started = performance.now();
  const [ownBefore, databaseBefore] = [process.cpuUsage(), local ? databaseCpuNs() : 0];
  const answer = await matchAffiliation(item.affiliation);
  times.push(performance.now() - started);
  const own = process.cpuUsage(ownBefore);
  if (local) cpu.push((databaseCpuNs() - databaseBefore) / 1e6 + (own.user + own.system) / 1e3);
  slow.push([local ? cpu.at(-1)! : times.at(-1)!, item.affiliation]);
  const chosen = answer.items.find((i) => i.chosen)?.record.slug ?? null;
  outcomes.push({ label: item.label, chosen });
  if (chosen !== item.label && !(chosen === null && item.label === "none"))
    misses.push(`${item.label} ← ${chosen ?? "(none)"}: ${item.affiliation}`);
}
const result = {
  ...matchingQuality(outcomes),
  latencyMs: { p50: percentile(times, 50), p99: percentile(times, 99), max: percentile(times, 100) },
  ...(local ? { cpuMs: { p50: percentile(cpu, 50), p99: percentile(cpu, 99), max: percentile(cpu, 100) } } : {}),
};
if (process.argv.includes("--json")) console.log(JSON.stringify(result));
else {
  for (const m of misses) console.log(`  missed: ${m}`);
  const slowest = slow.sort((a, b) => b[0] - a[0]).slice(0, 5);
  for (const [ms, text] of slowest) console.log(`  slowest: ${Math.round(ms)} ms${local ? " of CPU" : ""}: ${text}`);
  console.log(result);
}
process.exit(0);
