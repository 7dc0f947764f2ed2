// Dependency-free first steps shared by `npm start` and `npm test`: install what is missing and
// generate the Prisma client. Imports nothing from node_modules, which may not exist yet.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");

/** What `npm start` builds the portal from: a change to any of them rebuilds it. */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "messages",
  "public",
  "i18n",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "prisma/schema.prisma",
  "tsconfig.json",
];

export function log(message) {
  console.log(`\x1b[36m[atlas]\x1b[0m ${message}`);
}

export function fail(message) {
  console.error(`\x1b[31m[atlas] ${message}\x1b[0m`);
  process.exit(1);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.status !== 0) fail(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
  return result;
}

export function bin(name) {
  return path.join(root, "node_modules", ".bin", name);
}

export function hashOf(paths) {
  const hash = createHash("sha256");
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const entry of readdirSync(p).sort()) {
        if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) continue;
        visit(path.join(p, entry));
      }
    } else {
      hash.update(path.relative(root, p));
      hash.update(readFileSync(p));
    }
  };
  for (const p of paths) visit(path.join(root, p));
  return hash.digest("hex");
}

function stampMatches(stampFile, hash) {
  return existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash;
}

/**
 * `npm install` when node_modules is missing or was installed from another package-lock.json. Not `npm ci`:
 * the lockfile cannot list every platform's optional binaries when a registry mirror lacks some of them, and
 * npm ci then refuses the lockfile as out of sync. --no-save keeps package.json and the lockfile untouched.
 */
export function ensureDependencies() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19))
    fail(`Node ${process.versions.node} is too old: use Node 20.19 or newer.`);
  const stamp = path.join(root, "node_modules", ".atlas-installed");
  const hash = hashOf(["package-lock.json"]);
  if (stampMatches(stamp, hash)) return;
  log("Installing dependencies (npm install)…");
  run("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error"]);
  writeFileSync(stamp, hash);
}

/** `prisma generate` when the schema changed. Generation runs in WebAssembly and downloads nothing. */
export function ensurePrismaClient() {
  const stamp = path.join(root, "lib", "generated", "prisma", ".schema-hash");
  const hash = hashOf(["prisma/schema.prisma", "package-lock.json"]);
  if (stampMatches(stamp, hash)) return;
  log("Generating the Prisma client…");
  // Prisma's CLI first looks for a native schema engine to download; generate does not use it, and
  // pointing the variable at any existing file skips that download.
  run(bin("prisma"), ["generate"], {
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  writeFileSync(stamp, hash);
}

/** Read .env into process.env, for convenience; variables already set win. */
export function loadDotEnv() {
  const file = path.join(root, ".env");
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (m && process.env[m[1]] === undefined) process.env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, "$2");
  }
}
