/**
 * Prisma migrations without Prisma's native schema engine.
 *
 * Prisma 7's migrate CLI downloads a native `schema-engine` binary, which is not reachable from every
 * machine. Prisma publishes the same engine as WebAssembly (`@prisma/schema-engine-wasm`), driven through
 * the `@prisma/adapter-pg` driver adapter. This script uses it to apply `prisma/migrations/*` (the same
 * `_prisma_migrations` table the CLI keeps) and to create new migrations from `prisma/schema.prisma`.
 *
 *   tsx scripts/migrate.ts deploy            apply pending migrations to DATABASE_URL
 *   tsx scripts/migrate.ts create <name>     write prisma/migrations/<timestamp>_<name>/migration.sql
 *   tsx scripts/migrate.ts status            list applied / pending migrations
 *   tsx scripts/migrate.ts check             fail if schema.prisma and the migrations disagree
 */
import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { pgConfigFromUrl } from "./pg-config.ts";

const root = path.resolve(import.meta.dirname, "..");
const schemaPath = path.join(root, "prisma", "schema.prisma");
const migrationsDir = path.join(root, "prisma", "migrations");
const lockfileName = "migration_lock.toml";
const noFilter = { externalTables: [], externalEnums: [] };

async function loadEngineModule() {
  // The package imports its .wasm as an ES module, which Node 20 cannot do without a flag:
  // instantiate the bytes ourselves and hand them to the generated bindings.
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgPath);
  const bytes = await readFile(bgPath.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bg as typeof import("@prisma/schema-engine-wasm");
}

/**
 * adapter-pg's own shadow database is dropped while its pool still holds a connection, so the DROP fails;
 * this one closes the pool first and drops WITH (FORCE). The role needs CREATEDB.
 */
function shadowAwareFactory(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  const config = pgConfigFromUrl(databaseUrl);
  const main = new PrismaPg(config);
  return {
    adapterName: main.adapterName,
    provider: main.provider,
    connect: async () => patchAdapter(await main.connect()),
    async connectToShadowDb() {
      const name = `atlas_shadow_${randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Client({ ...config, database: "postgres" });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      const adapter = patchAdapter(await new PrismaPg({ ...config, database: name }).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      };
      return adapter;
    },
  };
}

/**
 * Two fixes to adapter-pg for the schema engine: (1) the engine reads PostgreSQL's catalogs, whose `"char"`
 * columns (pg_class.relkind…) adapter-pg rejects as an unsupported type, so report them as text, which is
 * what they hold; (2) run migration scripts whole (see executeScript below).
 */
function patchAdapter<T extends object>(queryable: T): T {
  const q = queryable as T & {
    performIO?: (query: unknown) => Promise<{ fields: { dataTypeID: number }[] }>;
    startTransaction?: (...args: unknown[]) => Promise<object>;
    executeScript?: (script: string) => Promise<void>;
    client?: { query: (sql: string) => Promise<unknown> };
    onError?: (error: unknown) => never;
  };
  // adapter-pg splits a migration script on every ";", even inside comments, strings and function
  // bodies; PostgreSQL's simple query protocol runs a whole multi-statement script as it is.
  if (q.executeScript && q.client) {
    const client = q.client;
    q.executeScript = async (script) => {
      try {
        await client.query(script);
      } catch (error) {
        q.onError?.(error);
        throw error;
      }
    };
  }
  const performIO = q.performIO?.bind(q);
  if (performIO) {
    q.performIO = async (query) => {
      const result = await performIO(query);
      for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    };
  }
  const startTransaction = q.startTransaction?.bind(q);
  if (startTransaction) q.startTransaction = async (...args) => patchAdapter(await startTransaction(...args));
  return queryable;
}

export async function openEngine(databaseUrl: string): Promise<{ engine: SchemaEngine; schema: string }> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readFile(schemaPath, "utf8");
  // A config object, not a connection string: adapter-pg spreads it to open the shadow database, and a
  // connection string would win over the shadow database's name.
  const adapter = bindMigrationAwareSqlAdapterFactory(shadowAwareFactory(databaseUrl));
  const log = (line: string) => {
    if (process.env.MIGRATE_DEBUG) console.error(line);
  };
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, log, adapter);
  return { engine, schema };
}

export async function readMigrations(): Promise<MigrationList> {
  const entries = existsSync(migrationsDir) ? await readdir(migrationsDir, { withFileTypes: true }) : [];
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(migrationsDir, lockfileName);
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockfileName, content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(migrationsDir, dir, "migration.sql"), "utf8")
            .then((value) => ({ tag: "ok" as const, value }))
            .catch((e: Error) => ({ tag: "error" as const, value: e.message })),
        },
      })),
    ),
  };
}

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const { engine } = await openEngine(databaseUrl);
  try {
    const out = await engine.applyMigrations({ migrationsList: await readMigrations(), filters: noFilter });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * The Wasm engine's createMigration refuses PostgreSQL ("shadow DB must be provided through an external
 * factory"), but its diff replays the migrations on a shadow database fine: diff them against the schema.
 */
async function createMigration(databaseUrl: string, name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Migration name: lowercase letters, digits and _ only.");
  const script = await diffMigrationsToSchema(databaseUrl);
  if (!script && !process.argv.includes("--draft")) {
    console.log("No changes: the schema matches the migrations.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dirName = `${stamp}_${name}`;
  await mkdir(path.join(migrationsDir, dirName), { recursive: true });
  await writeFile(path.join(migrationsDir, dirName, "migration.sql"), script ?? "-- empty migration\n");
  const lockPath = path.join(migrationsDir, lockfileName);
  if (!existsSync(lockPath)) {
    await writeFile(
      lockPath,
      "# Please do not edit this file manually\n" +
        "# It should be added in your version-control system (e.g., Git)\n" +
        'provider = "postgresql"\n',
    );
  }
  console.log(`Created prisma/migrations/${dirName}/migration.sql — review it, then npm run db:migrate`);
}

/** The SQL that takes the migrations' schema to schema.prisma, or null when they agree. */
async function diffMigrationsToSchema(databaseUrl: string): Promise<string | null> {
  const { engine, schema } = await openEngine(databaseUrl);
  try {
    const migrations = await readMigrations();
    const to = { tag: "schemaDatamodel" as const, files: [{ path: schemaPath, content: schema }] };
    const out = await engine.diff({
      from: migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" },
      to,
      script: true,
      exitCode: true,
      filters: noFilter,
    });
    return out.exitCode === 2 ? (out.stdout ?? "") : null;
  } finally {
    engine.free();
  }
}

async function status(databaseUrl: string) {
  const { engine } = await openEngine(databaseUrl);
  try {
    const migrationsList = await readMigrations();
    const out = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: noFilter,
    });
    console.log(JSON.stringify(out, null, 2));
    return out.history === null && out.failedMigrationNames.length === 0;
  } finally {
    engine.free();
  }
}

/** False when the migrations, replayed on a shadow database, do not produce schema.prisma. */
async function check(databaseUrl: string) {
  const script = await diffMigrationsToSchema(databaseUrl);
  if (script) {
    console.error(`schema.prisma has changes no migration holds; run npm run db:migrate:create -- <name>:\n${script}`);
    return false;
  }
  console.log("Migrations and schema.prisma agree.");
  return true;
}

async function main() {
  const [command = "deploy", name] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database).");
  switch (command) {
    case "deploy": {
      const applied = await applyMigrations(url);
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
      break;
    }
    case "create":
      if (!name) throw new Error("Usage: npm run db:migrate:create -- <name>");
      await createMigration(url, name);
      break;
    case "status":
      if (!(await status(url))) process.exitCode = 1;
      break;
    case "check":
      if (!(await check(url))) process.exitCode = 2;
      break;
    default:
      throw new Error(`Unknown command "${command}": deploy, create <name>, status or check.`);
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("migrate.ts")) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
