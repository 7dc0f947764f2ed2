// The matching scenario of `npm run bench`: the labelled affiliations (tests/fixtures/affiliations.json, made by
// scripts/match-set.ts) through GET /api/v1/match's data function (scripts/bench/match.ts), twice:
// - on a seeded database with the directory (the set's labels are its slugs): precision, recall and latency;
// - on the world database: latency at scale (its synthetic registry replaces the seed's own institutions, so its
//   precision and recall are shown but are not the target's).
// The seeded database is made (migrated, seeded, then vacuumed and analysed, as autovacuum leaves a running
// database) when missing; the seed is idempotent, so a second run reuses it.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { bin, log, run } from "../lib/bootstrap.mjs";
import { ensureDatabaseExists } from "../lib/database.mjs";

function runMatch(root, env, url) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/bench/register.mjs", "scripts/bench/match.ts", "--json"],
    { cwd: root, env: { ...env, DATABASE_URL: url, NODE_ENV: "test" }, encoding: "utf8", maxBuffer: 1 << 24 },
  );
  return result.status === 0
    ? JSON.parse(result.stdout.trim().split("\n").at(-1))
    : { missing: result.stderr.slice(-2000) };
}

async function prepareSeed(env, url) {
  await ensureDatabaseExists(url);
  const seedEnv = { ...env, DATABASE_URL: url, NODE_ENV: "development" };
  run(bin("tsx"), ["scripts/migrate.ts", "deploy"], { env: seedEnv, stdio: "ignore" });
  run(bin("tsx"), ["prisma/seed.ts"], { env: seedEnv, stdio: "ignore" });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A freshly loaded directory leaves its names in the trigram index's pending list, unanalysed: the planner then
  // reads every name. A database in service has had autovacuum through it.
  await client.query('VACUUM ANALYZE "InstitutionName", "Institution"');
  await client.end();
}

/** { seed, world }: each { strings, tp, fp, fn, precision, recall, latencyMs: { p50, p99, max } } or { missing }. */
export async function measureMatching({ root, env, seedUrl, worldUrl }) {
  log(`Matching the labelled affiliations on the seeded database (${new URL(seedUrl).pathname.slice(1)})…`);
  const seed = await prepareSeed(env, seedUrl).then(
    () => runMatch(root, env, seedUrl),
    (e) => ({ missing: `could not prepare the seeded database: ${e instanceof Error ? e.message : e}` }),
  );
  log("Matching the labelled affiliations on the world database…");
  return { seed, world: runMatch(root, env, worldUrl) };
}
