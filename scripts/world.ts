/**
 * `npm run data:world`: fill a database with a synthetic world at the scale of the real one — 75,000
 * organizations, 110,000 institutions and 1,000,000 memberships, skewed like the real thing — to measure
 * the portal against (`npm run bench`). Deterministic: the same --seed gives the same rows.
 *
 *   npm run data:world                        into atlas_world on DATABASE_URL's server (else 127.0.0.1:5432,
 *                                             else the embedded PostgreSQL that npm start uses)
 *   npm run data:world -- --scale 0.01        a hundredth of the size
 *   npm run data:world -- --database NAME     another database on that server
 *   npm run data:world -- --url URL           exactly this database
 *   npm run data:world -- --force             even if it holds the demo seed or accounts (they are replaced)
 *
 * The registry tables are emptied and loaded with COPY in one transaction, with secondary indexes and
 * foreign keys dropped during the load and rebuilt afterwards; a failure leaves the database as it was. The
 * directory of the world's universities (prisma/directory) is then loaded on top, as the seed loads it, so
 * institution search, the type-ahead and sign-up are measured with it.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import {
  columns,
  institutionRows,
  membershipRows,
  organizationRows,
  planWorld,
  sourceRows,
  type OrganizationExtras,
  type Row,
  type Table,
} from "./world/generate.ts";
import { copyRows, dropSecondary, restoreSecondary } from "./world/load.ts";
import { loadDirectory } from "../prisma/directory/load.ts";
import { createPrismaClient } from "../lib/data/prisma-client.ts";

const root = path.resolve(import.meta.dirname, "..");
const TABLES: Table[] = [
  "Source",
  "Institution",
  "InstitutionName",
  "Organization",
  "OrganizationName",
  "OrganizationFounder",
  "DeclaredCount",
  "OrganizationPerson",
  "Membership",
];

type DatabaseModule = {
  canConnect(url: string, timeoutMs?: number): Promise<boolean>;
  ensureDatabaseExists(url: string): Promise<void>;
  withDatabase(url: string, database: string): string;
  startEmbedded(o: {
    dataDir: string;
    defaultPort: number;
    portVariable?: string;
  }): Promise<{ baseUrl: string; stop: () => Promise<void> }>;
  PORTAL_CLUSTER: { dataDir: string; defaultPort: number; portVariable: string };
};

export type WorldOptions = { scale: number; seed: number; url?: string; database: string; force: boolean };

export function parseArgs(argv: string[]): WorldOptions {
  const options: WorldOptions = { scale: 1, seed: 1, database: "atlas_world", force: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${arg} needs a value.`);
      return v;
    };
    if (arg === "--scale") options.scale = Number(value());
    else if (arg === "--seed") options.seed = Number(value());
    else if (arg === "--url") options.url = value();
    else if (arg === "--database") options.database = value();
    else if (arg === "--force") options.force = true;
    else throw new Error(`Unknown option ${arg}. Options: --scale N, --seed N, --database NAME, --url URL, --force.`);
  }
  if (!(options.scale > 0 && options.scale <= 2))
    throw new Error("--scale must be a number above 0 and at most 2 (1 is the full world).");
  if (!Number.isInteger(options.seed)) throw new Error("--seed must be a whole number.");
  if (!/^[A-Za-z0-9_]+$/.test(options.database))
    throw new Error("--database must be a plain name (letters, digits, _).");
  return options;
}

async function resolveTarget(options: WorldOptions, db: DatabaseModule) {
  if (options.url) return { url: options.url, stop: async () => {} };
  const server = process.env.DATABASE_URL;
  if (server) return { url: db.withDatabase(server, options.database), stop: async () => {} };
  const local = "postgresql://postgres@127.0.0.1:5432/postgres";
  if (await db.canConnect(local)) return { url: db.withDatabase(local, options.database), stop: async () => {} };
  const embedded = await db.startEmbedded(db.PORTAL_CLUSTER);
  return { url: db.withDatabase(embedded.baseUrl, options.database), stop: embedded.stop };
}

/** Refuse a database holding the demo seed or accounts (other than the bench's own): it is somebody's portal. */
async function checkTarget(client: pg.Client, force: boolean) {
  const seedSlugs = (
    JSON.parse(readFileSync(path.join(root, "prisma", "seed-data", "organizations.json"), "utf8")) as { slug: string }[]
  ).map((o) => o.slug);
  const { rows } = await client.query<{ users: number; seeded: number }>(
    `SELECT (SELECT count(*)::int FROM "User" WHERE email NOT LIKE '%@bench.invalid') AS users,
       (SELECT count(*)::int FROM "Organization" WHERE slug = ANY($1)) AS seeded`,
    [seedSlugs],
  );
  const { users, seeded } = rows[0]!;
  if ((users || seeded) && !force) {
    throw new Error(
      `This database holds ${seeded ? "the demo seed" : ""}` +
        `${users && seeded ? " and " : ""}${users ? `${users} accounts` : ""}: ` +
        "the world would replace them. Choose another database (--database, --url) or pass --force.",
    );
  }
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

export async function generateWorld(
  url: string,
  options: Pick<WorldOptions, "scale" | "seed" | "force">,
  log: (m: string) => void = console.log,
) {
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await checkTarget(client, options.force);
    const world = planWorld(options.scale, options.seed);
    log(
      `Planned ${world.counts.organizations} organizations, ${world.counts.institutions} institutions, ` +
        `${world.counts.memberships} memberships (seed ${options.seed}) in ${seconds(started)}.`,
    );
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    await client.query(`TRUNCATE ${TABLES.map((t) => `"${t}"`).join(", ")} CASCADE`);
    const secondary = await dropSecondary(client, TABLES);
    log(
      `Dropped ${secondary.indexes.length} secondary indexes ` +
        `and ${secondary.foreignKeys.length} foreign keys for the load.`,
    );
    const copy = async (table: Table, rows: Iterable<Row>) => {
      const t = Date.now();
      let shown = t;
      const progress = (k: number) => {
        if (Date.now() - shown < 1000) return;
        shown = Date.now();
        log(`  ${table}: ${k.toLocaleString("en")} rows…`);
      };
      const n = await copyRows(client, table, columns[table], rows, progress);
      log(`${table}: ${n.toLocaleString("en")} rows (${seconds(t)})`);
      return n;
    };
    const institutionNames: Row[] = [];
    const extra: OrganizationExtras = { names: [], founders: [], counts: [], people: [], foundedYears: new Map() };
    const counts: Record<string, number> = {};
    counts.Source = await copy("Source", sourceRows(world));
    counts.Institution = await copy("Institution", institutionRows(world, institutionNames));
    counts.InstitutionName = await copy("InstitutionName", institutionNames);
    counts.Organization = await copy("Organization", organizationRows(world, extra));
    counts.OrganizationName = await copy("OrganizationName", extra.names);
    counts.OrganizationFounder = await copy("OrganizationFounder", extra.founders);
    counts.DeclaredCount = await copy("DeclaredCount", extra.counts);
    counts.OrganizationPerson = await copy("OrganizationPerson", extra.people);
    counts.Membership = await copy("Membership", membershipRows(world, extra.foundedYears));
    const indexStart = Date.now();
    log("Rebuilding indexes and foreign keys…");
    await restoreSecondary(client, secondary, log);
    log(`Indexes and foreign keys rebuilt in ${seconds(indexStart)}.`);
    await client.query("COMMIT");
    const analyze = Date.now();
    // The name triggers (search-columns migration) rewrote every organization and institution row once
    // during the load: compact those two tables so searches read half the pages. VACUUM FULL leaves the visibility
    // map empty, so a plain VACUUM of every table follows: without it no scan of those two is index-only (the exact
    // total of kind=NETWORK, country=DE read all 11,856 pages of "Organization": 44 ms instead of 6).
    const rewritten = ["Organization", "Institution"];
    await client.query(`VACUUM (FULL) ${rewritten.map((t) => `"${t}"`).join(", ")}`);
    await client.query(`VACUUM (ANALYZE) ${TABLES.map((t) => `"${t}"`).join(", ")}`);
    log(`Vacuumed and analysed in ${seconds(analyze)}.`);
    log(`World loaded in ${seconds(started)}.`);
    return { counts, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** The directory on top of the world, through the seed's own loader (idempotent; the world's truncation emptied it). */
export async function loadWorldDirectory(url: string, log: (m: string) => void = console.log) {
  const started = Date.now();
  const prisma = createPrismaClient(url, 2);
  try {
    const loaded = await loadDirectory(prisma);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('VACUUM (ANALYZE) "Institution", "InstitutionName"').finally(() => client.end());
    log(
      `Directory: ${loaded.added.toLocaleString("en")} universities added, ${loaded.matched} matched to the ` +
        `world's institutions (${seconds(started)}).`,
    );
    return loaded;
  } finally {
    await prisma.$disconnect();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const db = (await import(path.join(root, "scripts", "lib", "database.mjs"))) as DatabaseModule;
  const target = await resolveTarget(options, db);
  try {
    const shown = new URL(target.url);
    shown.password = shown.password ? "***" : "";
    console.log(`Synthetic world at scale ${options.scale} into ${shown.toString()}`);
    await db.ensureDatabaseExists(target.url);
    const migrate = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/migrate.ts", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: target.url },
      stdio: "inherit",
    });
    if (migrate.status !== 0) throw new Error("Applying the migrations failed.");
    await generateWorld(target.url, options);
    await loadWorldDirectory(target.url);
  } finally {
    await target.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error) => {
    console.error(`\x1b[31m[world] ${error instanceof Error ? error.message : error}\x1b[0m`);
    process.exit(1);
  });
}
