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
