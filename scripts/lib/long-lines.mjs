// Lines longer than Biome's lineWidth in the project's sources. Biome wraps code at 120 columns but cannot
// wrap a comment, a string or a template literal, and says nothing about them; this check finds what it left.
// Plain JavaScript so that scripts/lint-lines.mjs runs with no loader; the tests import it too.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const MAX_LINE_LENGTH = 120;
export const EXTENSIONS = [".ts", ".tsx", ".js", ".mjs", ".mts", ".css"];
/** Checked when no --paths are given, with the files at the root (next.config.ts, proxy.ts and the like). */
export const DEFAULT_PATHS = ["app", "components", "lib", "scripts", "tests", "prisma", "i18n"];
/** Written by `prisma generate`, not by us (git ignores it too; this holds if it ever stops). */
const EXCLUDED = ["lib/generated/"];

const USAGE = "Usage: node scripts/lint-lines.mjs [--paths <file or folder> …]";

/**
 * The lines of `text` over `max` characters, numbered from 1. A character is a code point, as an editor's
 * column counts it: "中" or "é" is one, not the 3 or 2 bytes UTF-8 gives them; a CR before the LF is not one.
 */
export function longLines(text, max = MAX_LINE_LENGTH) {
  const found = [];
  text
    .replace(/^\uFEFF/, "")
    .split("\n")
    .forEach((raw, i) => {
      const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      // Counting code points costs a pass over the line; most lines are short enough in UTF-16 units already.
      if (line.length <= max) return;
      const length = [...line].length;
      if (length > max) found.push({ line: i + 1, length });
    });
  return found;
}

/** "./lib/" → "lib"; a path outside the repository is refused. */
function normalizePath(root, given) {
  const relative = path.relative(root, path.resolve(root, given)).split(path.sep).join("/");
  if (relative === ".." || relative.startsWith("../") || path.isAbsolute(relative))
    throw new UsageError(`${given} is outside ${root}.`);
  return relative;
}

const under = (file, dir) => dir === "" || file === dir || file.startsWith(`${dir}/`);

/**
 * The files to check, relative to `root`: those git tracks plus new ones it does not ignore (as Biome sees
 * them), with a checked extension, outside lib/generated. Without `paths`, the default folders and the root's
 * own files; with them, whatever lies under each (a path with nothing to check is an error: a typo would
 * otherwise pass in silence).
 */
export function filesToCheck(root, paths) {
  let listed;
  try {
    listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    throw new UsageError(
      `${root} is not a git checkout (git ls-files failed: ${String(error.stderr ?? error).trim()}).`,
    );
  }
  const files = [...new Set(listed.split("\0").filter(Boolean))]
    .filter((f) => EXTENSIONS.some((ext) => f.endsWith(ext)))
    .filter((f) => !EXCLUDED.some((dir) => f.startsWith(dir)))
    // Tracked but deleted in the working tree: nothing to read.
    .filter((f) => existsSync(path.join(root, f)))
    .sort();
  if (!paths) return files.filter((f) => !f.includes("/") || DEFAULT_PATHS.some((dir) => under(f, dir)));
  const wanted = paths.map((p) => normalizePath(root, p));
  for (const [i, dir] of wanted.entries())
    if (!files.some((f) => under(f, dir)))
      throw new UsageError(`Nothing to check under ${paths[i]}: no ${EXTENSIONS.join("/")} file there.`);
  return files.filter((f) => wanted.some((dir) => under(f, dir)));
}

/** Every line over the limit in the files under `paths` (the default set without them). */
export function findLongLines(root, paths, max = MAX_LINE_LENGTH) {
  const files = filesToCheck(root, paths);
  const found = files.flatMap((file) =>
    longLines(readFileSync(path.join(root, file), "utf8"), max).map((l) => ({ file, ...l })),
  );
  return { files: files.length, found };
}

export class UsageError extends Error {}

/** `--paths a b` → ["a", "b"]; no argument → undefined (the default set). */
export function parseArguments(argv) {
  if (argv.length === 0) return undefined;
  if (argv[0] !== "--paths" || argv.length === 1 || argv.slice(1).some((a) => a.startsWith("--")))
    throw new UsageError(USAGE);
  return argv.slice(1);
}

/** The command: prints `file:line: length` for each long line and returns the exit code (1 if any, 2 if misused). */
export function main(argv, { root, out = console.log, err = console.error }) {
  try {
    const { files, found } = findLongLines(root, parseArguments(argv));
    for (const f of found) out(`${f.file}:${f.line}: ${f.length}`);
    if (found.length) {
      err(
        `${found.length} line(s) over ${MAX_LINE_LENGTH} characters: wrap them (comments reflowed, strings split ` +
          "with + into the same text, SQL in template literals wrapped).",
      );
      return 1;
    }
    out(`No line over ${MAX_LINE_LENGTH} characters in ${files} files.`);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(error.message);
    return 2;
  }
}
