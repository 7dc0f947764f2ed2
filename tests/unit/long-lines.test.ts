import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLongLines, longLines, main } from "../../scripts/lib/long-lines.mjs";

const line = (length: number, char = "x") => char.repeat(length);

describe("longLines", () => {
  it("lists a line of 121 characters and not one of 120, numbered from 1", () => {
    expect(longLines([line(120), line(121), "", line(119)].join("\n"))).toEqual([{ line: 2, length: 121 }]);
  });

  it("counts characters, not bytes or UTF-16 units, and not the CR of a CRLF", () => {
    // "中" is 3 bytes in UTF-8, "😀" 2 UTF-16 units: 120 of either is 120 characters.
    const text = [line(120, "中"), line(120, "😀"), `${line(120)}\r`, line(121, "é"), `${line(121)}\r`].join("\n");
    expect(longLines(text)).toEqual([
      { line: 4, length: 121 },
      { line: 5, length: 121 },
    ]);
  });
});

describe("scripts/lint-lines.mjs on a checkout", () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const run = (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(argv, { root, out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  };

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "atlas-lines-"));
    write("tests/fits.ts", `// ${line(117)}\nexport const a = 1;\n`);
    write("tests/over.ts", `export const a = 1;\n// ${line(118)}\n`);
    write("app/page.css", `.a { content: "${line(120)}"; }\n`);
    write("next.config.ts", `// ${line(200)}\n`);
    write("bench/run.ts", `// ${line(200)}\n`);
    write("tests/data.json", `"${line(200)}"\n`);
    write("lib/generated/prisma/client.ts", `// ${line(200)}\n`);
    write("tests/scratch.ts", `// ${line(200)}\n`);
    write(".gitignore", "tests/scratch.ts\n");
    execFileSync("git", ["init", "-q"], { cwd: root });
    execFileSync("git", ["add", "-f", "tests/fits.ts", "tests/over.ts", "next.config.ts", "bench", "tests/data.json"], {
      cwd: root,
    });
    execFileSync("git", ["add", "-f", "lib/generated"], { cwd: root });
    // app/page.css stays untracked but not ignored: a new file is checked before it is added.
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("lists the 121-character line, the new CSS file and the root's config as file:line: length, and exits 1", () => {
    const { code, out, err } = run();
    expect(out).toEqual(["app/page.css:1: 139", "next.config.ts:1: 203", "tests/over.ts:2: 121"]);
    expect(err.join("\n")).toMatch(/^3 line\(s\) over 120 characters/);
    expect(code).toBe(1);
  });

  it("leaves out JSON, lib/generated, ignored files and folders outside the set unless --paths names them", () => {
    expect(findLongLines(root)).toEqual({
      files: 4,
      found: [
        { file: "app/page.css", line: 1, length: 139 },
        { file: "next.config.ts", line: 1, length: 203 },
        { file: "tests/over.ts", line: 2, length: 121 },
      ],
    });
    expect(run("--paths", "bench").out).toEqual(["bench/run.ts:1: 203"]);
    expect(run("--paths", "lib").code).toBe(2);
  });

  it("--paths checks only the files and folders given: a file of 120-character lines passes", () => {
    expect(run("--paths", "tests/fits.ts")).toEqual({
      code: 0,
      out: ["No line over 120 characters in 1 files."],
      err: [],
    });
    expect(run("--paths", "tests", "app/").out).toEqual(["app/page.css:1: 139", "tests/over.ts:2: 121"]);
  });

  it("refuses a path with nothing to check, one outside the checkout and unknown options (exit 2)", () => {
    expect(run("--paths", "test")).toEqual({
      code: 2,
      out: [],
      err: ["Nothing to check under test: no .ts/.tsx/.js/.mjs/.mts/.css file there."],
    });
    expect(run("--paths", "../elsewhere").err[0]).toMatch(/outside/);
    expect(run("--paths").code).toBe(2);
    expect(run("--fix").code).toBe(2);
  });
});
