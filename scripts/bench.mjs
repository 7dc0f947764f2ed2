#!/usr/bin/env node
// `npm run bench`: build the portal, start it against the world-scale database (npm run data:world) and
// measure in one run: HTTP throughput and latency per page at a fixed concurrency (autocannon), each as a
// ratio of a static file's; the server's memory under load; the search and facet SQL at the database
// (p50/p99 and the indexes EXPLAIN shows); 200 KB adversarial pages through the importer (scripts/bench/import.ts,
// also alone: npm run bench:import); the labelled affiliations through the matcher on a seeded database and on the
// world (scripts/bench/matching.mjs; alone: npm run bench:match); Lighthouse desktop scores and compressed JS per
// public page.
// Prints a table and writes bench/results.json and bench/results.md.
//
//   npm run bench                                  atlas_world on DATABASE_URL's server (else 127.0.0.1:5432)
//   npm run bench -- --url URL                     another world database
//   npm run bench -- --duration 10 --connections 10 --port 3100 --skip-build --skip-lighthouse --skip-importer
//   npm run bench -- --skip-match | --match-url URL   no matching scenario | the seeded database it uses
//   npm run bench -- --cold 1000 | --skip-cold     first visits: pages each requested once (scripts/bench/cold.mjs)
//   npm run bench -- --cold-seed 0.25              the same random pages as another run with that seed (two builds)
//   npm run bench -- --skip-front                  no caching front (nginx, deploy/nginx/; scripts/bench/front.mjs)
//   npm run bench -- --skip-copies                 no cached page against its HTML as a file (bench/static-copies.mjs)
import { spawn, spawnSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { root, log, fail, run, bin, ensureDependencies, ensurePrismaClient } from "./lib/bootstrap.mjs";
import { allocatorEnv, heapLimitArgs } from "./lib/heap-limit.mjs";
import { withDatabase } from "./lib/database.mjs";
import { measure, treePeakRss, treeRss } from "./bench/http.mjs";
import { lighthouseScores } from "./bench/lighthouse.mjs";
import { formatResults } from "./bench/report.mjs";
import { measureApproval } from "./bench/approval.mjs";
import { measureMatching } from "./bench/matching.mjs";
import { measureColdVisits } from "./bench/cold.mjs";
import { measureStaticCopies } from "./bench/static-copies.mjs";
import { measureCachingFront } from "./bench/front.mjs";
import { nginxBinary } from "./lib/nginx-front.mjs";

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const port = Number(option("--port", process.env.PORT ?? 3100));
const duration = Number(option("--duration", 10));
const connections = Number(option("--connections", 10));
const chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const distDir = ".next-bench";
const databaseUrl = option(
  "--url",
  withDatabase(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", "atlas_world"),
);
const baseUrl = `http://127.0.0.1:${port}`;

ensureDependencies();
ensurePrismaClient();

// --- the world database and the pages to measure -----------------------------------------------------
const client = new pg.Client({ connectionString: databaseUrl });
await client
  .connect()
  .catch((e) =>
    fail(`Cannot reach the world database ${databaseUrl} (${e.message}). Create it with: npm run data:world`),
  );
const one = async (sql, params = []) => (await client.query(sql, params)).rows[0];
const world = await one(`SELECT (SELECT count(*)::int FROM "Organization") AS organizations,
  (SELECT count(*)::int FROM "Institution") AS institutions,
  (SELECT count(*)::int FROM "Institution" WHERE "directoryId" IS NOT NULL) AS directory,
  (SELECT count(*)::int FROM "Membership") AS memberships, version() AS postgres`).catch(() => null);
if (!world || world.organizations < 1000)
  fail(`${databaseUrl} holds no world-scale data. Load it first: npm run data:world`);
const big = await one(`SELECT slug, "memberCount" FROM "Organization" ORDER BY "memberCount" DESC, slug LIMIT 1`);
const small = await one(
  `SELECT slug, "memberCount" FROM "Organization" WHERE "memberCount" BETWEEN 3 AND 8 ORDER BY slug LIMIT 1`,
);
// A typical institution: a university in several organizations (the median member of big lists).
const institution =
  await one(`SELECT i.slug, count(*)::int AS n FROM "Institution" i JOIN "Membership" m ON m."institutionId" = i.id
  WHERE i.kind = 'UNIVERSITY' GROUP BY i.id HAVING count(*) BETWEEN 10 AND 20 ORDER BY i.slug LIMIT 1`);
await client.end();
log(
  `World: ${world.organizations} organizations, ${world.institutions} institutions, ${world.memberships} memberships.`,
);

const targets = [
  { name: "static file (baseline)", url: `${baseUrl}/ping.txt` },
  { name: "home", url: `${baseUrl}/en` },
  { name: "organizations: query + facets", url: `${baseUrl}/en/organizations?q=medical&country=CN` },
  { name: `organization, small (${small.memberCount} members)`, url: `${baseUrl}/en/organizations/${small.slug}` },
  { name: `organization, big (${big.memberCount} members)`, url: `${baseUrl}/en/organizations/${big.slug}` },
  { name: `institution (${institution.n} memberships)`, url: `${baseUrl}/en/institutions/${institution.slug}` },
  { name: "search API", url: `${baseUrl}/api/search?q=medical` },
];

// --- build and start -------------------------------------------------------------------------------
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: distDir,
  SITE_URL: baseUrl,
  NEXTAUTH_URL: baseUrl,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex"),
  // The empty page the first visits are measured against (app/[locale]/bench-floor).
  BENCH_FLOOR_PAGE: "1",
};
if (!flag("--skip-build") || !existsSync(path.join(root, distDir, "BUILD_ID"))) {
  log("Building the portal (next build) against the world database…");
  const started = Date.now();
  run(bin("next"), ["build"], { env });
  spawnSync("git", ["checkout", "--", "tsconfig.json"], { cwd: root }); // next build adds its type folders
  log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}
spawnSync("fuser", ["-k", `${port}/tcp`], { stdio: "ignore" });
const server = spawn(process.execPath, [...heapLimitArgs(), "scripts/serve.mjs"], {
  cwd: root,
  env: { ...env, ...allocatorEnv(env), PORT: String(port), HOST: "127.0.0.1" },
  stdio: ["ignore", "pipe", "pipe"],
});
let serverLog = "";
server.stdout.on("data", (d) => (serverLog = (serverLog + d).slice(-8000)));
server.stderr.on("data", (d) => (serverLog = (serverLog + d).slice(-8000)));
const stop = () => server.exitCode === null && server.kill("SIGTERM");
process.on("exit", stop);
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    stop();
    process.exit(130);
  });

const loadBefore = loadavg()[0];
try {
  await waitFor(`${baseUrl}/ping.txt`, 60_000);
  const idleMB = Math.round(treeRss(server.pid) / 1048576);
  const http = [];
  for (const target of targets) {
    log(`Measuring ${target.name} for ${duration} s at ${connections} connections…`);
    try {
      http.push(await measure(target, { connections, duration, serverPid: server.pid }));
    } catch (error) {
      http.push({
        name: target.name,
        path: new URL(target.url).pathname,
        missing: String(error instanceof Error ? error.message : error),
      });
    }
  }
  let copies;
  if (flag("--skip-copies")) copies = { missing: "skipped (--skip-copies)" };
  else {
    log("Cached pages, each against its own HTML saved as a file that Next serves…");
    copies = await measureStaticCopies({
      root,
      baseUrl,
      serverPid: server.pid,
      pages: targets.slice(1, 6).map((t) => ({ name: t.name, path: new URL(t.url).pathname + new URL(t.url).search })),
      port: port + 1,
      connections,
      duration,
      // The same build and settings; no jobs: it only serves the copies.
      startServer: (p) =>
        spawn(process.execPath, [...heapLimitArgs(), "scripts/serve.mjs"], {
          cwd: root,
          env: { ...env, ...allocatorEnv(env), PORT: String(p), HOST: "127.0.0.1", JOBS: "0" },
          stdio: "ignore",
        }),
      waitUntilUp: (url) => waitFor(url, 60_000),
    }).catch((e) => ({ missing: String(e instanceof Error ? e.message : e) }));
  }
  let cold;
  if (flag("--skip-cold")) cold = { missing: "skipped (--skip-cold)" };
  else {
    const count = Number(option("--cold", 1000));
    log(
      `First visits: ${count} record pages each requested once at ${connections} connections, then 100 one at a time…`,
    );
    const seed = args.includes("--cold-seed") ? Number(option("--cold-seed")) : undefined;
    if (seed !== undefined && !(seed >= 0 && seed < 1)) fail("--cold-seed takes a number from 0 up to (not with) 1.");
    // Without Redis the server keeps its page cache beside the build (lib/cache/local-store.mjs).
    const cacheDir = env.REDIS_URL ? null : path.join(root, distDir, "cache", "atlas", "entries");
    cold = await measureColdVisits({
      baseUrl,
      databaseUrl,
      serverPid: server.pid,
      connections,
      count,
      seed,
      cacheDir,
    }).catch((e) => ({ missing: String(e instanceof Error ? e.message : e) }));
  }
  let front;
  if (flag("--skip-front")) front = { missing: "skipped (--skip-front)" };
  else if (!nginxBinary()) front = { missing: "no nginx (apt-get install nginx)" };
  else {
    log("The caching front (nginx): each page through it, and its HTML as a file nginx serves…");
    front = await measureCachingFront({
      baseUrl,
      serverPid: server.pid,
      connections,
      duration,
      port: port + 90,
      dir: path.join(root, "bench", "front"),
      pages: targets.slice(1, 6).map((t) => ({ name: t.name, path: new URL(t.url).pathname + new URL(t.url).search })),
    }).catch((e) => ({ missing: String(e instanceof Error ? e.message : e) }));
  }
  const baseline = http[0]?.reqPerSec;
  for (const h of http)
    if (h.reqPerSec !== undefined && baseline) h.ratio = Math.round((h.reqPerSec / baseline) * 100) / 100;

  log("Measuring the search and facet SQL at the database…");
  const dbRun = spawnSync(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/bench/register.mjs", "scripts/bench/db.ts"],
    {
      cwd: root,
      env: { ...env, NODE_ENV: "test" },
      encoding: "utf8",
      maxBuffer: 1 << 24,
    },
  );
  const database =
    dbRun.status === 0 ? JSON.parse(dbRun.stdout.trim().split("\n").at(-1)) : { missing: dbRun.stderr.slice(-2000) };

  let importer;
  if (flag("--skip-importer")) importer = { missing: "skipped (--skip-importer)" };
  else {
    log("Previewing 200 KB adversarial pages through the importer…");
    const importRun = spawnSync(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/bench/register.mjs", "scripts/bench/import.ts", "--json"],
      {
        cwd: root,
        env: { ...env, NODE_ENV: "test" },
        encoding: "utf8",
        maxBuffer: 1 << 24,
      },
    );
    importer =
      importRun.status === 0
        ? JSON.parse(importRun.stdout.trim().split("\n").at(-1))
        : { missing: importRun.stderr.slice(-2000) };
  }

  const matching = flag("--skip-match")
    ? { missing: "skipped (--skip-match)" }
    : await measureMatching({
        root,
        env,
        seedUrl: option("--match-url", withDatabase(databaseUrl, "atlas_match_bench")),
        worldUrl: databaseUrl,
      });

  log("Approving a change and polling its public page…");
  const approval = existsSync(chromePath)
    ? await measureApproval({ root, baseUrl, env, organizationSlug: small.slug, chromePath }).catch((e) => ({
        missing: String(e instanceof Error ? e.message : e),
      }))
    : { missing: `no Chromium at ${chromePath}` };

  let lighthouse;
  if (flag("--skip-lighthouse")) lighthouse = { missing: "skipped (--skip-lighthouse)" };
  else if (!existsSync(chromePath)) lighthouse = { missing: `no Chromium at ${chromePath} (set CHROMIUM_PATH)` };
  else {
    log("Lighthouse (desktop, median of 3) on three public pages…");
    lighthouse = await lighthouseScores(
      [
        { name: "home", url: `${baseUrl}/en` },
        { name: "organization", url: targets[3].url },
        { name: "institution", url: targets[5].url },
      ],
      { chromePath, runs: 3 },
    ).catch((e) => ({ missing: `Lighthouse failed: ${e instanceof Error ? e.message : e}` }));
  }

  // After every phase that asks the server for something (Lighthouse is the last).
  const highWaterMB = Math.round(treePeakRss(server.pid) / 1048576);
  const results = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGB: Math.round(totalmem() / 1073741824),
      node: process.version,
      postgres: world.postgres.split(" ").slice(0, 2).join(" "),
      // Other work on the machine skews every figure: the 1-minute load average before and after the run.
      loadAverage: { before: Math.round(loadBefore * 10) / 10, after: Math.round(loadavg()[0] * 10) / 10 },
    },
    settings: { connections, duration, distDir },
    world: {
      organizations: world.organizations,
      institutions: world.institutions,
      directory: world.directory,
      memberships: world.memberships,
    },
    http,
    copies,
    memory: { idleMB, peakMB: Math.max(...http.map((h) => h.rssPeakMB ?? 0)), highWaterMB },
    cold,
    front,
    database,
    importer,
    matching,
    approval,
    lighthouse,
  };
  mkdirSync(path.join(root, "bench"), { recursive: true });
  writeFileSync(path.join(root, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const table = formatResults(results);
  writeFileSync(path.join(root, "bench", "results.md"), table);
  console.log(`\n${table}`);
  log("Wrote bench/results.json and bench/results.md.");
} catch (error) {
  console.error(serverLog);
  fail(error instanceof Error ? error.message : String(error));
} finally {
  stop();
}
process.exit(0);

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The portal did not answer at ${url} within ${timeoutMs / 1000} s.`);
}
