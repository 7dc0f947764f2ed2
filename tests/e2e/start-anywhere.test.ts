// `npm start` from a fresh clone under a folder of mode 0700 (what `mktemp -d` makes, and what /root is), as
// a new user would run it: no DATABASE_URL, so the embedded PostgreSQL. As root (CI) this is the case that
// failed with `spawn …/initdb EACCES`: PostgreSQL runs as an unprivileged account that cannot enter the
// clone, so its binaries and data must live where that account can reach them. As a normal user it is the
// plain path. Also: a second start reuses the clone's cluster, and a second clone gets a cluster (and port)
// of its own, never the first one's server.
//
// The clones are `git clone`s of this repository's HEAD (commit what you want tested), given this checkout's
// node_modules (hard links) and the test build (.next-test, copied as .next with the stamp start.mjs
// expects, so nothing is installed or built).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedUrl } from "../../scripts/lib/database.mjs";
import { freePort } from "../support/instances";

const root = path.resolve(import.meta.dirname, "..", "..");
const asRoot = process.getuid?.() === 0;
const parent = mkdtempSync(path.join(tmpdir(), "atlas-anydir-"));
const started: ChildProcess[] = [];

type Clone = { dir: string; pgData: string };
type Run = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };

function sh(command: string, args: string[], cwd = root) {
  const r = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

function makeClone(name: string): Clone {
  const dir = path.join(parent, name);
  sh("git", ["clone", "-q", root, dir]);
  sh("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
  cpSync(path.join(root, "lib", "generated"), path.join(dir, "lib", "generated"), { recursive: true });
  // A real copy, not hard links: the portal writes into its build folder (prerendered pages it refreshes).
  cpSync(path.join(root, ".next-test"), path.join(dir, ".next"), {
    recursive: true,
    filter: (src) => path.basename(src) !== "cache",
  });
  return { dir, pgData: path.join(dir, ".data", "pg") };
}

/** The real `node scripts/start.mjs` in a clone, as a user without DATABASE_URL would run it. */
function start(clone: Clone, extra: Record<string, string> = {}): Run {
  const port = Number(extra.PORT);
  const url = `http://127.0.0.1:${port}`;
  // Only what a user's shell has: none of npm test's database, build folder or Redis. (next start runs
  // in production mode whatever the shell says.)
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    SITE_URL: url,
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
  for (const key of ["PATH", "HOME", "LANG", "TMPDIR"]) env[key] ??= process.env[key];
  // The build stamp start.mjs compares (public address + hash of the build inputs), so it serves the copy.
  const hash = sh(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      'const b = await import("./scripts/lib/bootstrap.mjs"); process.stdout.write(b.hashOf(b.BUILD_INPUTS));',
    ],
    clone.dir,
  );
  writeFileSync(path.join(clone.dir, ".next", "atlas-build-hash"), url + hash);
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: clone.dir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, url, output: () => output, exited };
}

async function waitForPortal(run: Run, timeoutMs = 80_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (run.child.exitCode !== null)
      throw new Error(
        `npm start exited (${run.child.exitCode}) before the portal answered:\n${run.output().slice(-3000)}`,
      );
    const ok = await fetch(`${run.url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `The portal did not answer at ${run.url} within ${timeoutMs / 1000} s:\n${run.output().slice(-3000)}`,
  );
}

/** The running cluster as PostgreSQL's lock file names it, and what the server on that port says it is. */
async function cluster(clone: Clone) {
  const lock = readFileSync(path.join(clone.pgData, "postmaster.pid"), "utf8").split("\n");
  const pid = Number(lock[0]);
  const port = Number(lock[3]);
  const client = new pg.Client({ connectionString: embeddedUrl(port) });
  await client.connect();
  try {
    const dataDirectory = (await client.query<{ data_directory: string }>("SHOW data_directory")).rows[0]!
      .data_directory;
    const id = (await client.query<{ id: string }>("SELECT system_identifier::text AS id FROM pg_control_system()"))
      .rows[0]!.id;
    return { pid, port, dataDirectory, id };
  } finally {
    await client.end();
  }
}

async function portalShowsSeed(run: Run) {
  const res = await fetch(`${run.url}/en/institutions/nanjing-medical-university`);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain("Nanjing Medical University");
}

async function stopWithSigint(run: Run) {
  run.child.kill("SIGINT");
  return Promise.race([
    run.exited,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`npm start did not stop:\n${run.output().slice(-2000)}`)), 40_000),
    ),
  ]);
}

const processGone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
};

const accepts = (port: number) =>
  new pg.Client({ connectionString: embeddedUrl(port), connectionTimeoutMillis: 1000 }).connect().then(
    () => true,
    () => false,
  );

let a: Clone;
let b: Clone;
let first: Awaited<ReturnType<typeof cluster>>;
let second: Run | undefined;

beforeAll(() => {
  expect(statSync(parent).mode & 0o777).toBe(0o700);
  a = makeClone("atlas");
  // start.mjs reinstalls when node_modules was installed from another package-lock.json, and through hard
  // links that would write into this checkout's node_modules: refuse instead.
  const wanted = sh(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      'const b = await import("./scripts/lib/bootstrap.mjs"); process.stdout.write(b.hashOf(["package-lock.json"]));',
    ],
    a.dir,
  );
  if (readFileSync(path.join(root, "node_modules", ".atlas-installed"), "utf8") !== wanted) {
    throw new Error(
      "This checkout's node_modules was not installed from HEAD's package-lock.json: " +
        "run npm install (and commit the lockfile) first.",
    );
  }
  b = makeClone("atlas-b");
}, 60_000);

afterAll(async () => {
  for (const child of started) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 3_000));
    // Whatever is left of that start (the portal, its PostgreSQL): its own process group.
    if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
  }
  for (const clone of [a, b]) {
    // A cluster placed outside the clone: remove its folder (one per clone) with the clone.
    if (clone && lstatSync(clone.pgData, { throwIfNoEntry: false })?.isSymbolicLink()) {
      const home = path.dirname(readlinkSync(clone.pgData));
      if (home.startsWith("/var/lib/alliance-atlas/clusters/")) rmSync(home, { recursive: true, force: true });
    }
  }
  rmSync(parent, { recursive: true, force: true });
}, 60_000);

describe("npm start from a fresh clone under a folder of mode 0700", () => {
  it("starts the embedded PostgreSQL, migrates, seeds and serves; Ctrl+C stops the database too", async () => {
    const run = start(a, { PORT: String(await freePort()) });
    await waitForPortal(run);
    await portalShowsSeed(run);
    first = await cluster(a);
    expect(first.dataDirectory).toBe(realpathSync(a.pgData));
    if (asRoot) {
      // Placed where the unprivileged account reaches it, the clone links there and the start says so.
      expect(lstatSync(a.pgData).isSymbolicLink()).toBe(true);
      expect(first.dataDirectory).toMatch(/^\/var\/lib\/alliance-atlas\/clusters\/atlas-[0-9a-f]{8}\/pg$/);
      const data = statSync(first.dataDirectory);
      expect(data.uid).not.toBe(0);
      expect(data.mode & 0o777).toBe(0o700);
      expect(run.output()).toContain(
        `The embedded PostgreSQL's data lives in ${first.dataDirectory} (.data/pg/ links there)`,
      );
      // Its binaries: the shared copy, root's and read-only for everyone else.
      const exe = readlinkSync(`/proc/${first.pid}/exe`);
      expect(exe).toMatch(/^\/var\/lib\/alliance-atlas\/postgresql-[^/]+\/bin\/postgres$/);
      for (const file of [exe, path.dirname(exe)]) {
        expect(statSync(file).uid).toBe(0);
        expect(statSync(file).mode & 0o022).toBe(0);
      }
      // Nothing the project does not own was opened up.
      expect(statSync(parent).mode & 0o777).toBe(0o700);
    } else {
      expect(lstatSync(a.pgData).isDirectory()).toBe(true);
      expect(statSync(a.pgData).uid).toBe(process.getuid!());
    }

    expect(await stopWithSigint(run)).toBe(0);
    expect(processGone(first.pid), "the embedded PostgreSQL still runs after npm start stopped").toBe(true);
    expect(await accepts(first.port)).toBe(false);
    expect(existsSync(path.join(a.pgData, "postmaster.pid"))).toBe(false);
    expect(run.output()).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it("a second start in the same clone reuses its cluster and its port", async () => {
    second = start(a, { PORT: String(await freePort()) });
    await waitForPortal(second);
    await portalShowsSeed(second);
    const again = await cluster(a);
    expect(again.id).toBe(first.id);
    expect(again.port).toBe(first.port);
    expect(second.output()).not.toContain("Initialising");
  });

  it("a second clone gets a cluster and port of its own while the first one runs", async () => {
    const run = start(b, { PORT: String(await freePort()) });
    await waitForPortal(run);
    await portalShowsSeed(run);
    const own = await cluster(b);
    expect(own.id).not.toBe(first.id);
    expect(own.port).not.toBe(first.port);
    expect(own.dataDirectory).not.toBe(first.dataDirectory);
    // The first clone's portal still answers on its own cluster.
    expect((await fetch(`${second!.url}/api/health`)).status).toBe(200);
    expect((await cluster(a)).id).toBe(first.id);
    expect(await stopWithSigint(run)).toBe(0);
    expect(processGone(own.pid)).toBe(true);
  });

  it(`a clone whose cluster exists never takes over another clone's server on its port: one sentence, \
no stack trace`, async () => {
    const run = start(b, { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(first.port) });
    // (Before, it said "Using the embedded PostgreSQL already running" and served the first clone's data.)
    const code = await Promise.race([run.exited, new Promise((r) => setTimeout(r, 30_000, "still running"))]);
    expect(code, run.output()).toBe(1);
    const lines = run.output().trim().split("\n");
    expect(lines.at(-1)).toContain(`Port ${first.port} (EMBEDDED_PG_PORT) is taken`);
    expect(run.output()).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(run.output()).not.toContain("already running");
    expect((await cluster(a)).id).toBe(first.id);
    expect(await stopWithSigint(second!)).toBe(0);
  });
});
