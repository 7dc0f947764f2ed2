#!/usr/bin/env node
// `npm test`: the whole suite. Installs what is missing, creates a fresh PostgreSQL database for this run
// (TEST_DATABASE_URL's server, else 127.0.0.1:5432 if it answers, else the embedded server; never the
// database DATABASE_URL names), migrates and seeds it, runs unit and integration tests, builds and starts
// the portal on a copy of it and runs the end-to-end tests in Chromium. A missing database or browser fails the run.
// On two cores one phase at a time leaves one idle: lint and tsc run beside the database's setup, the test build
// beside the unit and integration tests, and the integration tests beside the browser phases (each on databases
// and folders of its own; the integration output goes to test-results/integration.log and is printed at the end).
//   npm test -- --only lint|unit|integration|e2e     run one phase
//   npm test -- --only journeys --filter accounts     only the test files whose path contains "accounts"
//   npm test -- --only integration --filter a,b        … contains "a" or "b"
import { spawn, spawnSync } from "node:child_process";
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { root, log, fail, run, bin, ensureDependencies, ensurePrismaClient } from "./lib/bootstrap.mjs";
import { allocatorEnv, heapLimitArgs } from "./lib/heap-limit.mjs";

const started = Date.now();
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const phases = only ? [only] : ["lint", "unit", "integration", "e2e"];
for (const phase of phases)
  if (!["lint", "unit", "integration", "e2e", "journeys"].includes(phase))
    fail(`Unknown phase "${phase}": lint, unit, integration, e2e or journeys.`);
const filter = process.argv.includes("--filter") ? process.argv[process.argv.indexOf("--filter") + 1] : null;
const browserPhases = phases.includes("e2e") ? ["e2e", "journeys"] : phases.filter((p) => p === "journeys");

ensureDependencies();
ensurePrismaClient();

// Lint first: it needs no database, and a run that cannot pass it is told so in seconds. Run alone, it waits;
// otherwise it runs beside the database's setup and is waited for before the first test.
const results = [];
/** Child processes running beside this one (the build, a phase): stopped by cleanup() if still running. */
const running = new Set();
const lintDone = phases.includes("lint") ? lintAndTypes() : null;
if (phases.length === 1 && phases[0] === "lint") {
  const lint = await lintDone;
  console.log(`\nlint: ${lint.failed ? "failed" : "passed"}`);
  process.exit(lint.failed ? 1 : 0);
}
const { startEmbedded, canConnect, withDatabase } = await import("./lib/database.mjs");
const pg = (await import("pg")).default;

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (browserPhases.length && !existsSync(chromium)) {
  fail(
    `No Chromium at ${chromium}: the end-to-end tests need it. ` +
      "Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.",
  );
}

// The sitemap tests (unit and e2e) validate with xmllint against the sitemaps.org XSDs: without it they would fail
// one by one, so say it once, first.
if (phases.some((p) => p === "unit" || p === "e2e") && spawnSync("xmllint", ["--version"]).error) {
  fail("No xmllint: the sitemap tests need it. Install Debian's package (apt-get install libxml2-utils).");
}

// The feed test (e2e) reads the Atom feeds with a real reader, Debian's python3-feedparser, which only Debian's own
// Python sees (not a pyenv or venv python3 earlier on the PATH): say so once, first.
if (phases.includes("e2e") && spawnSync("/usr/bin/python3", ["-c", "import feedparser"]).status !== 0) {
  fail(
    "No python3-feedparser: the Atom feed test needs it. " +
      "Install Debian's package (apt-get install python3-feedparser).",
  );
}

// The caching front test (journeys) puts Debian's nginx before the portal, with deploy/nginx/'s configuration.
if (browserPhases.includes("journeys")) {
  const { nginxBinary } = await import("./lib/nginx-front.mjs");
  if (!nginxBinary())
    fail("No nginx: the caching front test needs it. Install Debian's package (apt-get install nginx).");
}

// --- the database server ---------------------------------------------------------------------------
let serverUrl = process.env.TEST_DATABASE_URL;
let stopEmbedded = async () => {};
if (serverUrl) {
  if (!(await canConnect(serverUrl))) fail(`TEST_DATABASE_URL does not answer: ${serverUrl}`);
} else if (await canConnect("postgresql://postgres@127.0.0.1:5432/postgres")) {
  serverUrl = "postgresql://postgres@127.0.0.1:5432/postgres";
  log("Using the PostgreSQL server on 127.0.0.1:5432.");
} else {
  log("No PostgreSQL on 127.0.0.1:5432: starting the embedded one for the tests.");
  try {
    const embedded = await startEmbedded({
      dataDir: path.join(root, ".data", "pg-test"),
      defaultPort: 54330,
      portVariable: "EMBEDDED_TEST_PG_PORT",
    });
    serverUrl = embedded.baseUrl;
    stopEmbedded = embedded.stop;
  } catch (error) {
    fail(`No PostgreSQL for the tests: ${error instanceof Error ? error.message : error}`);
  }
}

const dbName = `atlas_test_${Date.now().toString(36)}_${process.pid}`;
const databaseUrl = withDatabase(serverUrl, dbName);
const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
log(`Created test database ${dbName}.`);

// Open-data releases the tests make go to a folder of this run, never to npm start's .data/releases (the browser
// phases' portals have folders of their own).
const releasesDir = path.join(root, "test-results", "releases");
rmSync(releasesDir, { recursive: true, force: true });
// HOST as npm start has it on a laptop: the app believes it listens on loopback only (lib/env.ts). A test run
// never mails the real world: without the sink below, no SMTP_URL at all.
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "test",
  NEXTAUTH_SECRET: "test-secret-for-this-run-only-0123456789abcdef",
  ATLAS_ENV: "test",
  RELEASES_DIR: releasesDir,
  HOST: "127.0.0.1",
};
delete env.SMTP_URL;
/** The browser phases' portals: phase, env, distDir, port, and once started baseUrl, server, sink and log(). */
const portals = [];
const copies = ["_w", "_fuzz", "_pub", "_r", "_safe", "_world", "_e2e", "_e2e_w", "_journeys"];

async function cleanup() {
  const servers = portals.map((p) => p.server).filter((server) => server && server.exitCode === null);
  for (const server of servers) server.kill("SIGTERM");
  if (servers.length) await new Promise((r) => setTimeout(r, 300));
  // A phase still running (after a failed build, say) is stopped before its databases are dropped.
  for (const child of running) child.kill("SIGTERM");
  for (const { sink } of portals) await sink?.close().catch(() => {});
  if (!process.env.KEEP_TEST_DATABASE) {
    for (const name of [dbName, ...copies.map((suffix) => `${dbName}${suffix}`)])
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  }
  await admin.end().catch(() => {});
  await stopEmbedded().catch(() => {});
}

let integrationRun = null;
try {
  run(bin("tsx"), ["scripts/migrate.ts", "deploy"], { env });
  run(bin("tsx"), ["scripts/migrate.ts", "check"], { env });
  run(bin("tsx"), ["prisma/seed.ts"], { env });
  // Tests that write get a copy of the seeded database, so the seed-fact and search tests always read the
  // seed as it is, whatever order the files run in.
  await admin.query(`CREATE DATABASE "${dbName}_w" TEMPLATE "${dbName}"`);
  env.WRITE_DATABASE_URL = withDatabase(serverUrl, `${dbName}_w`);
  // The fuzz test's own copy: admins' junk that happens to be valid may change any account or record.
  await admin.query(`CREATE DATABASE "${dbName}_fuzz" TEMPLATE "${dbName}"`);
  env.FUZZ_DATABASE_URL = withDatabase(serverUrl, `${dbName}_fuzz`);
  // The publication test's own copy: it reads every record's every public read, three times a case, and in the
  // shared copy every other file's own universities and organizations would be read too (minutes, not seconds).
  await admin.query(`CREATE DATABASE "${dbName}_pub" TEMPLATE "${dbName}"`);
  env.PUBLICATION_DATABASE_URL = withDatabase(serverUrl, `${dbName}_pub`);
  // The browser phases run beside the integration tests and beside each other, so each gets copies of its own:
  // the e2e tests' portal works on _e2e and the multi-instance test, which writes and runs two more job engines, on
  // _e2e_w (never the integration tests' _w, whose listeners and webhooks they would disturb); the journeys, which
  // change data through their portal, on _journeys, with a server, build folder, releases and mail folders of their
  // own.
  for (const phase of browserPhases) {
    await admin.query(`CREATE DATABASE "${dbName}_${phase}" TEMPLATE "${dbName}"`);
    const phaseEnv = { ...env, DATABASE_URL: withDatabase(serverUrl, `${dbName}_${phase}`) };
    phaseEnv.RELEASES_DIR = path.join(root, "test-results", `releases-${phase}`);
    rmSync(phaseEnv.RELEASES_DIR, { recursive: true, force: true });
    delete phaseEnv.WRITE_DATABASE_URL;
    delete phaseEnv.FUZZ_DATABASE_URL;
    delete phaseEnv.PUBLICATION_DATABASE_URL;
    if (phase === "e2e") {
      await admin.query(`CREATE DATABASE "${dbName}_e2e_w" TEMPLATE "${dbName}"`);
      phaseEnv.WRITE_DATABASE_URL = withDatabase(serverUrl, `${dbName}_e2e_w`);
    }
    // The first portal serves the build itself; the second a copy (each writes its cache into its build folder).
    const distDir = portals.length ? `.next-test-${phase}` : ".next-test";
    portals.push({ phase, env: phaseEnv, distDir, port: await freePort() });
  }
  mkdirSync(path.join(root, "test-results"), { recursive: true });

  // A build of its own (.next-test): pages prerendered here hold this run's data, not the dev database's.
  // The port is chosen first: pages prerendered at build time carry the public address (JSON-LD). It builds while
  // the unit and integration tests run; its output goes to test-results/next-build.log, printed once it is done.
  let build = null;
  if (portals.length) {
    log("Building the portal for the end-to-end tests (beside the unit and integration tests)…");
    build = spawnLogged(bin("next"), ["build"], portalEnv(portals[0]), "next-build.log");
  }

  if (lintDone) results.push(await lintDone);
  if (phases.includes("unit")) results.push(await vitest("unit", env));
  if (phases.includes("integration")) {
    if (portals.length) {
      // Beside the browser phases: its output to a file (printed at the end), a line here when it is done.
      integrationRun = vitest("integration", env, "integration.log").then((r) => {
        log(`Integration tests done: ${r.passed} passed, ${r.failed} failed (output printed at the end).`);
        return r;
      });
    } else results.push(await vitest("integration", env));
  }

  if (build) {
    const built = await build;
    console.log(built.output);
    if (built.status !== 0) throw new Error(`next build failed (exit ${built.status}).`);
    for (const portal of portals.slice(1)) {
      rmSync(path.join(root, portal.distDir), { recursive: true, force: true });
      cpSync(path.join(root, ".next-test"), path.join(root, portal.distDir), {
        recursive: true,
        filter: (src) => src !== path.join(root, ".next-test", "cache"),
      });
    }
    const { spawnSmtpSink } = await import("./lib/smtp-sink.mjs");
    await Promise.all(portals.map((portal) => startPortal(portal, spawnSmtpSink)));
    // The e2e tests in this terminal; the journeys beside them, their output printed once they are done.
    const runs = portals.map(async (portal, n) => {
      const phaseEnv = {
        ...portal.env,
        E2E_BASE_URL: portal.baseUrl,
        E2E_DIST_DIR: portal.distDir,
        CHROMIUM_PATH: chromium,
      };
      const result = await vitest(portal.phase, phaseEnv, n ? `${portal.phase}.log` : undefined);
      if (n) {
        log(`${portal.phase} tests done: ${result.passed} passed, ${result.failed} failed (output printed below).`);
        result.deferred = true;
      }
      if (result.failed) result.output += `\n--- server output ---\n${portal.log().slice(-4000)}\n`;
      return result;
    });
    for (const result of await Promise.all(runs)) {
      if (result.deferred) log(`${result.phase} tests' output (test-results/${result.phase}.log):`);
      if (result.deferred || result.failed) console.log(result.output);
      results.push(result);
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  results.push({ phase: "setup", passed: 0, failed: 1, skipped: 0 });
} finally {
  if (integrationRun) {
    const integration = await integrationRun;
    log("Integration tests' output (test-results/integration.log):");
    console.log(integration.output);
    results.push(integration);
  }
  await cleanup();
}

const order = ["lint", "unit", "integration", "e2e", "journeys", "setup"];
results.sort((a, b) => order.indexOf(a.phase) - order.indexOf(b.phase));
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
const phaseLine = (r) => `${r.phase}: ${r.passed} passed, ${r.failed} failed${r.seconds ? ` (${r.seconds} s)` : ""}`;
console.log(`\n${results.map(phaseLine).join(" · ")} · ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
// A skipped test is a test that did not run: CI must not pass on it.
process.exit(failed || skipped || passed === 0 ? 1 : 0);

/**
 * Run a command; with `logName`, its output goes to test-results/<logName> and comes back as `output` (for output
 * that would mix with another phase's), else to this terminal.
 */
function spawnLogged(command, args, childEnv, logName) {
  const logFile = logName ? path.join(root, "test-results", logName) : null;
  if (logFile) mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = logFile ? openSync(logFile, "w") : null;
  const child = spawn(command, args, {
    cwd: root,
    env: childEnv,
    stdio: fd === null ? "inherit" : ["ignore", fd, fd],
  });
  if (fd !== null) closeSync(fd);
  running.add(child);
  return new Promise((resolve) => {
    const done = (status) => {
      running.delete(child);
      resolve({ status, output: logFile ? readFileSync(logFile, "utf8") : "" });
    };
    child.on("error", (error) => {
      if (logFile) console.error(`${command}: ${error.message}`);
      done(1);
    });
    child.on("exit", (code, signal) => done(code ?? signal));
  });
}

/** Biome with the line-length check, and tsc, side by side; their output printed once both are done. */
async function lintAndTypes() {
  log("Linting (npm run lint: Biome, line lengths) and type-checking (tsc)…");
  const [lint, types] = await Promise.all([
    spawnLogged("npm", ["run", "--silent", "lint"], process.env, "lint.log"),
    spawnLogged(bin("tsc"), ["--noEmit", "-p", "."], process.env, "tsc.log"),
  ]);
  for (const { output } of [lint, types]) if (output.trim()) console.log(output.trimEnd());
  const ok = lint.status === 0 && types.status === 0;
  log(`Lint and type check ${ok ? "passed" : "failed"}.`);
  return { phase: "lint", passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
}

async function vitest(phase, phaseEnv, logName) {
  log(`Running ${phase} tests${logName ? ` beside the others (output: test-results/${logName})` : ""}…`);
  const phaseStarted = Date.now();
  const outputFile = path.join(root, "test-results", `vitest-${phase}.json`);
  rmSync(outputFile, { force: true });
  const result = await spawnLogged(
    bin("vitest"),
    [
      "run",
      "--project",
      phase,
      ...(filter ? filter.split(",") : []),
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${outputFile}`,
    ],
    {
      ...phaseEnv,
      NODE_OPTIONS: `${phaseEnv.NODE_OPTIONS ?? ""} --import ${path.join(root, "tests/support/polyfills.mjs")}`.trim(),
    },
    logName,
  );
  const seconds = Math.round((Date.now() - phaseStarted) / 1000);
  if (!existsSync(outputFile)) return { phase, passed: 0, failed: 1, skipped: 0, seconds, output: result.output };
  const report = JSON.parse(readFileSync(outputFile, "utf8"));
  const failedSuites = (report.testResults ?? []).filter(
    (s) => s.status === "failed" && !(s.assertionResults ?? []).some((a) => a.status === "failed"),
  ).length;
  return {
    phase,
    passed: report.numPassedTests ?? 0,
    failed:
      (report.numFailedTests ?? 0) +
      failedSuites +
      (result.status !== 0 && !report.numFailedTests && !failedSuites ? 1 : 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    seconds,
    output: result.output,
  };
}

/** What a browser phase's portal (its build and its server) runs with. */
function portalEnv(portal) {
  const baseUrl = `http://127.0.0.1:${portal.port}`;
  return {
    ...portal.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: portal.distDir,
    SITE_URL: baseUrl,
    NEXTAUTH_URL: baseUrl,
  };
}

/**
 * Start a browser phase's portal: its SMTP sink (a folder the tests read as a real inbox; the other instances the
 * tests start inherit SMTP_URL and mail there too), then its server; resolves once the server answers.
 */
async function startPortal(portal, spawnSmtpSink) {
  const mailDir = path.join(root, "test-results", portal.phase === "e2e" ? "mail" : `mail-${portal.phase}`);
  rmSync(mailDir, { recursive: true, force: true });
  portal.sink = await spawnSmtpSink({ dir: mailDir });
  portal.env.SMTP_URL = portal.sink.url;
  portal.env.MAIL_SINK_DIR = mailDir;
  portal.baseUrl = `http://127.0.0.1:${portal.port}`;
  portal.server = spawn(process.execPath, [...heapLimitArgs(), "scripts/serve.mjs"], {
    cwd: root,
    env: { ...portalEnv(portal), ...allocatorEnv(), PORT: String(portal.port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let serverLog = "";
  portal.server.stdout.on("data", (d) => (serverLog += d));
  portal.server.stderr.on("data", (d) => (serverLog += d));
  portal.log = () => serverLog;
  await waitForHttp(`${portal.baseUrl}/en`, 30_000).catch((e) => {
    console.error(serverLog);
    throw e;
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The portal did not answer at ${url} within ${timeoutMs / 1000} s.`);
}
