#!/usr/bin/env node
// Backups with PostgreSQL's own tools.
//   npm run db:backup [-- --out file.dump]        dump DATABASE_URL (custom format) into backups/
//   npm run db:restore -- file.dump [--force]     restore into DATABASE_URL, which must be empty (--force: replace)
// Without DATABASE_URL, the embedded database that `npm start` runs (on whatever port its cluster uses).
// pg_dump/pg_restore must have the server's major version: a newer pg_dump writes archives an older
// pg_restore cannot read and SET commands an older server refuses, so the script picks a matching one
// (PATH, /usr/lib/postgresql/*/bin, PG_BIN_DIR) and stops with a clear message when there is none.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { root, log, fail } from "./lib/bootstrap.mjs";
import { PORTAL_CLUSTER, runningEmbedded, withDatabase } from "./lib/database.mjs";

/** The job engine's own schema (lib/jobs/engine.ts JOBS_SCHEMA). */
const JOBS_SCHEMA = "pgboss";

const args = process.argv.slice(2);
const command = args[0];
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

if (command !== "backup" && command !== "restore")
  fail("Usage: node scripts/backup.mjs backup [--out file.dump] | restore file.dump [--force]");
const databaseUrl = process.env.DATABASE_URL ?? (await embeddedDatabase());
if (command === "backup") await backup();
else await restore(args[1]);

/** npm start's embedded database, found by its cluster's lock file (its port may not be the default). */
async function embeddedDatabase() {
  const server = await runningEmbedded(PORTAL_CLUSTER.dataDir);
  if (!server)
    fail(
      "The embedded PostgreSQL of npm start is not running: start it (npm start), " +
        "or set DATABASE_URL to the database to back up or restore.",
    );
  return withDatabase(server, "alliance_atlas");
}

async function serverMajor(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    fail(`Cannot reach the database ${redact(url)}: ${error instanceof Error ? error.message : error}`);
  }
  try {
    const { rows } = await client.query("SHOW server_version_num");
    return Math.floor(Number(rows[0].server_version_num) / 10000);
  } finally {
    await client.end();
  }
}

/** The pg_dump/pg_restore whose major version is the server's. */
function toolFor(name, major) {
  const dirs = [process.env.PG_BIN_DIR, ...(process.env.PATH ?? "").split(path.delimiter)];
  if (existsSync("/usr/lib/postgresql"))
    for (const v of readdirSync("/usr/lib/postgresql")) dirs.push(`/usr/lib/postgresql/${v}/bin`);
  const found = [];
  for (const dir of dirs.filter(Boolean)) {
    const file = path.join(dir, name);
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    const out = spawnSync(file, ["--version"], { encoding: "utf8" });
    const version = /(\d+)(\.\d+)?/.exec(out.stdout ?? "")?.[1];
    if (!version) continue;
    if (Number(version) === major) return file;
    found.push(`${file} (${version})`);
  }
  fail(
    `No ${name} for PostgreSQL ${major} (the server's major version). Found: ${found.join(", ") || "none"}. ` +
      `Install the matching client (Debian: apt-get install postgresql-client-${major}) ` +
      `or set PG_BIN_DIR to its bin folder.`,
  );
}

async function backup() {
  const major = await serverMajor(databaseUrl);
  const pgDump = toolFor("pg_dump", major);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = path.resolve(option("--out") ?? path.join(root, "backups", `atlas-${stamp}.dump`));
  mkdirSync(path.dirname(out), { recursive: true });
  const result = spawnSync(
    pgDump,
    // The job queue (schema pgboss, lib/jobs/engine.ts) is left out: it holds work in flight, which the engine
    // recreates, and its partitioned tables cannot be dropped piecewise by a restore with --clean.
    [
      "--format=custom",
      "--no-owner",
      "--no-privileges",
      `--exclude-schema=${JOBS_SCHEMA}`,
      `--file=${out}`,
      `--dbname=${databaseUrl}`,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  if (result.status !== 0) fail(`pg_dump failed (exit ${result.status}); no backup was written to ${out}.`);
  log(
    `Backup of ${redact(databaseUrl)} written to ${out} ` +
      `(${(statSync(out).size / 1024).toFixed(0)} KiB, pg_dump ${major}).`,
  );
}

async function restore(file) {
  if (!file) fail("Which backup? npm run db:restore -- backups/atlas-….dump [--force]");
  const dump = path.resolve(file);
  if (!existsSync(dump)) fail(`No backup file at ${dump}.`);
  const major = await serverMajor(databaseUrl);
  const pgRestore = toolFor("pg_restore", major);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM information_schema.tables
     WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  await client.end();
  const force = flag("--force");
  if (rows[0].n > 0 && !force) {
    fail(
      `The database ${redact(databaseUrl)} is not empty (${rows[0].n} tables): ` +
        `restore into an empty database, or add --force to replace its contents.`,
    );
  }
  // One transaction: a failed restore leaves the database as it was. The audit table's append-only
  // trigger only refuses UPDATE/DELETE/TRUNCATE; rows are loaded before pg_restore creates triggers, and
  // --clean drops the table rather than deleting its rows.
  const restoreArgs = [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    "--single-transaction",
    `--dbname=${databaseUrl}`,
  ];
  if (force && rows[0].n > 0) restoreArgs.push("--clean", "--if-exists");
  const result = spawnSync(pgRestore, [...restoreArgs, dump], { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) fail(`pg_restore failed (exit ${result.status}); the database was left as it was.`);
  log(`Restored ${dump} into ${redact(databaseUrl)}.`);
}
