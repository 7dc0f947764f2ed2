#!/usr/bin/env node
// `npm start`: install what is missing, prepare the database (embedded unless DATABASE_URL is set),
// apply migrations, seed if empty, build if the sources changed, and serve on PORT (default 3000).
// `npm run dev` does the same but runs `next dev` instead of building.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import {
  root,
  log,
  fail,
  run,
  bin,
  hashOf,
  ensureDependencies,
  ensurePrismaClient,
  loadDotEnv,
  BUILD_INPUTS,
} from "./lib/bootstrap.mjs";
import { allocatorEnv, heapLimitArgs } from "./lib/heap-limit.mjs";

const dev = process.argv.includes("--dev");
const started = Date.now();

ensureDependencies();
ensurePrismaClient();
const { startEmbedded, ensureDatabaseExists, canConnect, withDatabase, PORTAL_CLUSTER } = await import(
  "./lib/database.mjs"
);

loadDotEnv();
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port <= 0 || port > 65535)
  fail(`PORT must be a port number, not "${process.env.PORT}".`);
let serverHeap;
try {
  serverHeap = heapLimitArgs();
} catch (error) {
  fail(error.message);
}

let databaseUrl = process.env.DATABASE_URL;
let stopDatabase = async () => {};
if (databaseUrl) {
  if (!(await canConnect(withDatabase(databaseUrl, "postgres"))) && !(await canConnect(databaseUrl))) {
    fail(`Cannot reach the PostgreSQL server in DATABASE_URL (${redact(databaseUrl)}).`);
  }
  await ensureDatabaseExists(databaseUrl).catch(() => {});
} else {
  try {
    const embedded = await startEmbedded(PORTAL_CLUSTER);
    stopDatabase = embedded.stop;
    databaseUrl = withDatabase(embedded.baseUrl, "alliance_atlas");
    await ensureDatabaseExists(databaseUrl);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}
const siteUrl = process.env.SITE_URL ?? `http://localhost:${port}`;
// Loopback unless told otherwise: a laptop's portal (with its demo accounts) is not served to the network.
// The seed reads it too: demo accounts are created only for a portal that listens on loopback alone.
const host = process.env.HOST || "127.0.0.1";
const env = {
  ...process.env,
  HOST: host,
  DATABASE_URL: databaseUrl,
  SITE_URL: siteUrl,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? siteUrl,
  NEXTAUTH_SECRET: authSecret(),
};

const state = await databaseState(databaseUrl);
if (state.pendingMigrations) {
  log("Applying migrations…");
  run(bin("tsx"), ["scripts/migrate.ts", "deploy"], { env });
}
if (state.pendingMigrations || !state.seeded) run(bin("tsx"), ["prisma/seed.ts", "--if-empty"], { env });
// Refuse, before building, to serve others (or production) while a demo account keeps its published password;
// scripts/serve.mjs checks again, for whoever runs it directly.
const { demoPasswordRefusal } = await import("./lib/demo-accounts.mjs");
const refusal = await demoPasswordRefusal({ databaseUrl, host, production: process.env.ATLAS_ENV === "production" });
if (refusal) {
  await stopDatabase().catch(() => {});
  fail(refusal);
}

if (!dev) {
  const buildStamp = path.join(root, ".next", "atlas-build-hash");
  const hash = siteUrl + hashOf(BUILD_INPUTS);
  if (
    !existsSync(path.join(root, ".next", "BUILD_ID")) ||
    !existsSync(buildStamp) ||
    readFileSync(buildStamp, "utf8") !== hash
  ) {
    log("Building the portal (next build)…");
    run(bin("next"), ["build"], { env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
    // next build may add its type folders to tsconfig.json: stamp what the sources are now.
    writeFileSync(buildStamp, siteUrl + hashOf(BUILD_INPUTS));
  }
}

const server = spawn(process.execPath, [...serverHeap, "scripts/serve.mjs", ...(dev ? ["--dev"] : [])], {
  cwd: root,
  stdio: ["inherit", "pipe", "inherit"],
  env: { ...env, ...allocatorEnv(env), PORT: String(port), HOST: host, NEXT_TELEMETRY_DISABLED: "1" },
});
let announced = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready|ready|started/.test(String(chunk))) {
    announced = true;
    log(
      `Alliance Atlas is up at http://localhost:${port} ` +
        `(${((Date.now() - started) / 1000).toFixed(1)} s). Ctrl+C stops it.`,
    );
  }
});

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await stopDatabase().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));
server.on("exit", (code) => shutdown(code ?? 0));

/** A quick look (no engine start-up) at whether migrations are pending and the seed data and directory are in. */
async function databaseState(url) {
  const { readdirSync } = await import("node:fs");
  const pg = (await import("pg")).default;
  const dirs = readdirSync(path.join(root, "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const applied = await client
      .query(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
      .then((r) => new Set(r.rows.map((row) => row.migration_name)))
      .catch(() => new Set());
    const pendingMigrations = dirs.some((d) => !applied.has(d));
    const seeded = pendingMigrations
      ? false
      : (
          await client.query(
            `SELECT EXISTS (SELECT 1 FROM "Organization")
               AND EXISTS (SELECT 1 FROM "Institution" WHERE "directoryId" IS NOT NULL) AS any`,
          )
        ).rows[0].any;
    return { pendingMigrations, seeded };
  } finally {
    await client.end();
  }
}

/** NEXTAUTH_SECRET, or one generated once for this installation and kept in .data/ (one instance only). */
function authSecret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (process.env.ATLAS_ENV === "production")
    fail("Set NEXTAUTH_SECRET (at least 32 random characters, the same on every instance).");
  const file = path.join(root, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "an invalid URL";
  }
}
