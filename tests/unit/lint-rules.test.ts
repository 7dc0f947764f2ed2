// The structural rules of biome.json (import cycles, who may import the database and lib/data, process.env, file
// and function sizes) checked on a small tree made for each rule. A rule that cannot see what it is meant to
// catch passes on any code: a cycle checker that does not resolve the "@/" alias finds nothing in this project,
// whose imports mostly use it. The project's own biome.json is used, with only its VCS settings dropped (the
// tree is not a git checkout).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const project = path.resolve(import.meta.dirname, "../..");
const biome = path.join(project, "node_modules", ".bin", "biome");
let root: string;
let findings: string[];

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

const body = (lines: number) => Array.from({ length: lines }, (_, i) => `  total += ${i};`).join("\n");

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "atlas-lint-rules-"));
  const config = JSON.parse(readFileSync(path.join(project, "biome.json"), "utf8"));
  delete config.$schema;
  delete config.vcs;
  write("biome.json", JSON.stringify(config));
  // Biome resolves "@/" through tsconfig.json's paths only inside a package: without package.json, no cycle.
  write("package.json", JSON.stringify({ name: "lint-rules-probe", private: true }));
  write("tsconfig.json", JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } }));
  write("lib/data/db.ts", "export const db = () => 1;\n");
  write("lib/data/organizations/list.ts", 'import { db } from "@/lib/data/db";\nexport const list = () => db();\n');
  // A cycle through the alias, of type imports only.
  write(
    "lib/cycle/first.ts",
    'import type { Second } from "@/lib/cycle/second";\nexport type First = { s?: Second };\n',
  );
  write(
    "lib/cycle/second.ts",
    'import type { First } from "@/lib/cycle/first";\nexport type Second = { f?: First };\n',
  );
  write("lib/clean/uses-first.ts", 'import type { First } from "@/lib/cycle/first";\nexport const f: First = {};\n');
  write("components/cards/card.tsx", 'import { list } from "@/lib/data/organizations/list";\nexport const c = list;\n');
  write("app/page/page.tsx", 'import { db } from "@/lib/data/db";\nexport const p = db;\n');
  write("lib/settings/reads-env.ts", "export const url = process.env.DATABASE_URL;\n");
  write("lib/big/file.ts", `${Array.from({ length: 301 }, (_, i) => `export const v${i} = ${i};`).join("\n")}\n`);
  write("lib/big/function.ts", `export function long() {\n  let total = 0;\n${body(60)}\n  return total;\n}\n`);
  let output: string;
  try {
    output = execFileSync(biome, ["lint", "--colors=off", "--max-diagnostics=100", "."], {
      cwd: root,
      encoding: "utf8",
      stdio: "pipe",
    });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    output = `${failed.stdout ?? ""}${failed.stderr ?? ""}`;
  }
  findings = output.split("\n").filter((line) => /^\S+:\d+:\d+ lint\//.test(line));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const found = (file: string, rule: string) =>
  findings.some((line) => line.startsWith(`${file}:`) && line.includes(`lint/${rule}`));

describe("biome.json's structural rules", () => {
  it("find an import cycle made through the @/ alias, of type imports only", () => {
    expect(found("lib/cycle/first.ts", "suspicious/noImportCycles")).toBe(true);
    expect(found("lib/cycle/second.ts", "suspicious/noImportCycles")).toBe(true);
  });

  it("refuse lib/data in a component and the database outside lib/data; lib/data itself may use it", () => {
    expect(found("components/cards/card.tsx", "style/noRestrictedImports")).toBe(true);
    expect(found("app/page/page.tsx", "style/noRestrictedImports")).toBe(true);
    expect(found("lib/data/organizations/list.ts", "style/noRestrictedImports")).toBe(false);
  });

  it("refuse process.env outside the env module", () => {
    expect(found("lib/settings/reads-env.ts", "style/noProcessEnv")).toBe(true);
  });

  it("refuse a file over 300 lines and a function over 60", () => {
    expect(found("lib/big/file.ts", "style/noExcessiveLinesPerFile")).toBe(true);
    expect(found("lib/big/function.ts", "complexity/noExcessiveLinesPerFunction")).toBe(true);
  });

  it("say nothing of a file that only imports from the cycle", () => {
    expect(findings.filter((line) => line.startsWith("lib/clean/"))).toEqual([]);
  });
});
