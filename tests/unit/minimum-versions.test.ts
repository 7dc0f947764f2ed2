// CI fails when next, react or react-dom fall below the patched releases kept in security/minimum-versions.json,
// whether in package.json (what a fresh install gets) or in node_modules (what actually runs).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
type Minimums = { packages: Record<string, { minimums: string[]; advisories: string }> };
const policy = JSON.parse(readFileSync(path.join(root, "security", "minimum-versions.json"), "utf8")) as Minimums;

function parse(version: string): [number, number, number] {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-.*)?$/.exec(version.trim());
  if (!m) throw new Error(`"${version}" is not an exact version (x.y.z): pin exact versions in package.json.`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function compare(a: string, b: string): number {
  const [pa, pb] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  // A prerelease of x.y.z comes before x.y.z.
  return Number(/-/.test(b)) - Number(/-/.test(a));
}

/**
 * The minimum that applies to `version`: its own major.minor line's, else (a line newer or older than all
 * listed ones) the highest minimum — newer lines ship the fixes, older ones never got them.
 */
function requiredMinimum(version: string, minimums: string[]): string {
  const [major, minor] = parse(version);
  const sameLine = minimums.find((m) => parse(m)[0] === major && parse(m)[1] === minor);
  return sameLine ?? [...minimums].sort(compare).at(-1)!;
}

/** null when fine, else a message naming the package, the version found and the minimum. */
function checkVersion(pkg: string, version: string, where: string, minimums: string[]): string | null {
  const minimum = requiredMinimum(version, minimums);
  return compare(version, minimum) < 0
    ? `${pkg} ${version} (${where}) is below the patched minimum ${minimum} listed in security/minimum-versions.json.`
    : null;
}

describe("minimum versions of next and react", () => {
  it("the policy lists next, react and react-dom", () => {
    expect(Object.keys(policy.packages).sort()).toEqual(["next", "react", "react-dom"]);
    for (const { minimums } of Object.values(policy.packages)) expect(minimums.length).toBeGreaterThan(0);
  });

  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  for (const [pkg, { minimums }] of Object.entries(policy.packages)) {
    it(`${pkg} in package.json and node_modules is at least the patched minimum`, () => {
      const declared = manifest.dependencies[pkg];
      if (!declared) throw new Error(`${pkg} is not a dependency in package.json.`);
      const installed = (
        JSON.parse(readFileSync(path.join(root, "node_modules", pkg, "package.json"), "utf8")) as { version: string }
      ).version;
      const problems = [
        checkVersion(pkg, declared, "package.json", minimums),
        checkVersion(pkg, installed, "node_modules", minimums),
      ].filter(Boolean);
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }

  it("the check refuses unpatched releases and accepts patched ones (so it can fail)", () => {
    const next = policy.packages.next!.minimums;
    const react = policy.packages.react!.minimums;
    expect(checkVersion("next", "16.0.6", "x", next)).toMatch(
      /next 16\.0\.6 \(x\) is below the patched minimum 16\.2\.6/,
    );
    expect(checkVersion("next", "15.5.17", "x", next)).toMatch(/minimum 15\.5\.18/);
    expect(checkVersion("next", "14.2.30", "x", next)).toMatch(/below/);
    expect(checkVersion("next", "16.2.6-canary.1", "x", next)).toMatch(/below/);
    expect(checkVersion("next", "16.2.6", "x", next)).toBeNull();
    expect(checkVersion("next", "17.0.0", "x", next)).toBeNull();
    expect(checkVersion("react", "19.2.0", "x", react)).toMatch(/react 19\.2\.0 .* minimum 19\.2\.6/);
    expect(checkVersion("react", "19.1.6", "x", react)).toMatch(/minimum 19\.1\.7/);
    expect(checkVersion("react", "19.0.6", "x", react)).toBeNull();
    expect(checkVersion("react", "18.3.1", "x", react)).toMatch(/below/);
    expect(checkVersion("react", "19.3.1", "x", react)).toBeNull();
    expect(() => checkVersion("react", "^19.2.0", "x", react)).toThrow(/exact version/);
  });
});
