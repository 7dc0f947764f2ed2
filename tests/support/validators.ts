// The standards' own validators, run as the tests' child processes: xmllint (Debian's libxml2-utils) with the
// sitemaps.org schemas, redocly's OpenAPI lint, and tsc with schema-dts over JSON-LD. A missing tool fails the
// test with what to install: it is never skipped.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");
const schemas = path.join(root, "tests", "fixtures", "sitemaps");
export const SITEMAP_XSD = path.join(schemas, "sitemap-with-xhtml.xsd");
export const SITEINDEX_XSD = path.join(schemas, "siteindex.xsd");

/** A scratch folder of this run under test-results/ (inside the project, so schema-dts resolves from it). */
export function scratch(name: string): string {
  const dir = path.join(root, "test-results", "validators", name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** `xmllint --noout --schema xsd` on this XML; resolves to its messages ("" when the file validates). */
export function xmllint(xml: string, xsd: string, name: string): { ok: boolean; messages: string } {
  const file = path.join(scratch("xml"), name);
  writeFileSync(file, xml);
  const run = spawnSync("xmllint", ["--noout", "--schema", xsd, file], { encoding: "utf8" });
  if (run.error)
    throw new Error(`xmllint could not run (${run.error.message}): apt-get install -y libxml2-utils (see .ci/run).`);
  return { ok: run.status === 0, messages: run.stderr.replace(`${file} validates`, "").trim() };
}

/**
 * Search actions moved out of their nodes (an @id left in their place): their "query-input" is an action
 * annotation, which schema-dts types with WithActionConstraints rather than as a property of Thing.
 */
function separateActions(value: unknown, actions: unknown[]): unknown {
  if (Array.isArray(value)) return value.map((v) => separateActions(v, actions));
  if (!value || typeof value !== "object") return value;
  const node = value as Record<string, unknown>;
  if (node["@type"] === "SearchAction") {
    actions.push(node);
    return { "@id": `#action-${actions.length}` };
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, separateActions(v, actions)]));
}

/** tsc over JSON-LD values typed as schema-dts's WithContext<Thing>: tsc's complaints, "" when it accepts them. */
export function typecheckJsonLd(values: unknown[], name: string): string {
  const dir = scratch(`jsonld-${name}`);
  const actions: unknown[] = [];
  const things = separateActions(values, actions);
  writeFileSync(
    path.join(dir, "data.ts"),
    `import type { SearchActionLeaf, Thing, WithActionConstraints, WithContext } from "schema-dts";\n` +
      `export const data: WithContext<Thing>[] = ${JSON.stringify(things, null, 2)};\n` +
      `export const actions: WithActionConstraints<SearchActionLeaf>[] = ${JSON.stringify(actions, null, 2)};\n`,
  );
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        module: "esnext",
        moduleResolution: "bundler",
        target: "ES2022",
        types: [],
      },
      files: ["data.ts"],
    }),
  );
  const run = spawnSync(path.join(root, "node_modules", ".bin", "tsc"), ["-p", dir], { encoding: "utf8" });
  if (run.error) throw new Error(`tsc could not run: ${run.error.message}`);
  return run.status === 0 ? "" : `${run.stdout}${run.stderr}`.trim() || `tsc exited with ${run.status}`;
}

/** redocly lint with its recommended rules, offline: the problems it reports, by severity. */
export function redoclyLint(document: unknown): { errors: number; warnings: number; report: string } {
  const dir = scratch("openapi");
  const file = path.join(dir, "openapi.json");
  writeFileSync(file, JSON.stringify(document, null, 2));
  writeFileSync(path.join(dir, "redocly.yaml"), "extends:\n  - recommended\n");
  const run = spawnSync(
    path.join(root, "node_modules", ".bin", "redocly"),
    ["lint", file, "--config", path.join(dir, "redocly.yaml"), "--format", "stylish"],
    {
      cwd: dir,
      encoding: "utf8",
      // No telemetry and no update check: the tests run without internet.
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", CI: "true" },
    },
  );
  if (run.error) throw new Error(`redocly could not run: ${run.error.message}`);
  const report = `${run.stdout}${run.stderr}`;
  const count = (severity: string) => (report.match(new RegExp(`^\\s+\\d+:\\d+\\s+${severity}\\b`, "gm")) ?? []).length;
  if (run.status !== 0 && count("error") === 0) throw new Error(`redocly failed:\n${report}`);
  return { errors: count("error"), warnings: count("warning"), report };
}

export type ParsedFeed = {
  bozo: number;
  bozoException: string | null;
  version: string;
  feed: { id: string; title: string; updated: string | null; links: { rel: string; href: string; type?: string }[] };
  entries: { id: string; title: string; link: string; updated: string | null; summary: string; tags: string[] }[];
};

// feedparser's own reading, as JSON: what a feed reader makes of the document (bozo 1 for any defect it met).
const FEEDPARSER = `
import feedparser, json, sys, calendar
d = feedparser.parse(sys.stdin.buffer.read())
iso = lambda t: None if t is None else calendar.timegm(t)
print(json.dumps({
  "bozo": int(d.bozo),
  "bozoException": str(d.get("bozo_exception")) if d.bozo else None,
  "version": d.version,
  "feed": {"id": d.feed.get("id"), "title": d.feed.get("title"), "updated": iso(d.feed.get("updated_parsed")),
           "links": [dict(l) for l in d.feed.get("links", [])]},
  "entries": [{"id": e.get("id"), "title": e.get("title"), "link": e.get("link"),
               "updated": iso(e.get("updated_parsed")), "summary": e.get("summary"),
               "tags": [t.term for t in e.get("tags", [])]} for e in d.entries],
}))
`;

/**
 * An Atom or RSS document as Debian's python3-feedparser reads it (times as seconds since 1970). Run by Debian's
 * own Python, the one whose path holds the package (a pyenv python3 first on the PATH does not).
 */
export function feedparser(xml: string): ParsedFeed {
  const run = spawnSync("/usr/bin/python3", ["-c", FEEDPARSER], { input: xml, encoding: "utf8" });
  if (run.error || run.status !== 0)
    throw new Error(
      `python3 feedparser could not run (${run.error?.message ?? run.stderr}): ` +
        "apt-get install -y python3-feedparser (see .ci/run).",
    );
  return JSON.parse(run.stdout) as ParsedFeed;
}
