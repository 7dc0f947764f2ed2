// Next's page-cache write, as the server loads it (scripts/lib/next-cache-write.mjs): the entry is measured with
// JSON.stringify only where Next's 2 MB check reads the measure, which a custom cache handler (the portal's) skips.
// The installed release must still read as the rewrite expects, and the rewritten check must decide as Next's does.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  measureOnlyWhenChecked,
  NEXT_CACHE_SOURCES,
  takeNextCacheMeasureOnlyWhenChecked,
} from "../../scripts/lib/next-cache-write.mjs";

const require = createRequire(import.meta.url);
const nextDir = path.dirname(require.resolve("next/package.json"));
const runtimes = path.join(nextDir, "dist", "compiled", "next-server");
const cacheModule = path.join(nextDir, "dist", "server", "lib", "incremental-cache", "index.js");

describe("the installed Next reads as the rewrite expects", () => {
  const sources = [
    ...readdirSync(runtimes)
      .filter((f) => f.endsWith(".runtime.prod.js"))
      .map((f) => path.join(runtimes, f)),
    cacheModule,
  ];

  it.each(sources.map((f) => [path.basename(f), f]))("%s: its one measure is rewritten", (_, file) => {
    expect(NEXT_CACHE_SOURCES.some((pattern) => pattern.test(file))).toBe(true);
    const source = readFileSync(file, "utf8");
    const { source: rewritten, rewritten: places } = measureOnlyWhenChecked(source);
    // Every file that holds the cache holds one measure, and none is left taken before its check.
    expect(places).toBe(source.includes("hasCustomCacheHandler") ? 1 : 0);
    const unguarded = /=JSON\.stringify\(\w+\)\.length;if\(\w+\.fetchCache&&|const itemSize = JSON\.stringify/;
    expect(unguarded.test(rewritten)).toBe(false);
  });

  it("the server's page runtime (app-page-turbo) is among them", () => {
    const source = readFileSync(path.join(runtimes, "app-page-turbo.runtime.prod.js"), "utf8");
    expect(measureOnlyWhenChecked(source).rewritten).toBe(1);
  });
});

// The check as Next's minified runtimes write it, in a class of its own: `set` answers what Next would do.
const NEXT_SET =
  "class Cache{constructor(h){this.hasCustomCacheHandler=h}set(e,t,r){let i=JSON.stringify(t).length;" +
  "if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler&&!r.isImplicitBuildTimeCache){" +
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Next's source, which holds a template literal
  "return `refused (${i} bytes)`}return 'stored'}}";

type Cache = { set(key: string, value: unknown, ctx: Record<string, boolean>): string };
const load = (source: string) => new Function(`${source};return Cache`)() as new (custom: boolean) => Cache;

describe("the rewritten check decides as Next's", () => {
  const before = load(NEXT_SET);
  const after = load(measureOnlyWhenChecked(NEXT_SET).source);
  const big = { html: "x".repeat(2_200_000) };
  const small = { html: "x" };

  it("gives the same answer for every case of the check", () => {
    for (const custom of [false, true])
      for (const fetchCache of [false, true])
        for (const isImplicitBuildTimeCache of [false, true])
          for (const value of [big, small]) {
            const ctx = { fetchCache, isImplicitBuildTimeCache };
            expect(new after(custom).set("k", value, ctx)).toBe(new before(custom).set("k", value, ctx));
          }
    expect(new after(false).set("k", big, { fetchCache: true })).toBe("refused (2200011 bytes)");
  });

  it("does not serialize an entry the check will not read: a custom handler's, or a page's", () => {
    let serialized = 0;
    const entry = {
      toJSON: () => {
        serialized++;
        return {};
      },
    };
    new after(true).set("k", entry, { fetchCache: true });
    new after(false).set("k", entry, { fetchCache: false });
    expect(serialized).toBe(0);
    new after(false).set("k", entry, { fetchCache: true });
    expect(serialized).toBe(1);
    new before(true).set("k", entry, { fetchCache: true });
    expect(serialized).toBe(2);
  });
});

describe("applied as Next loads", () => {
  it("Next's IncrementalCache, required after the hook, guards its measure", () => {
    takeNextCacheMeasureOnlyWhenChecked({
      warn: (message) => {
        throw new Error(message);
      },
    });
    delete require.cache[cacheModule];
    const { IncrementalCache } = require(cacheModule) as { IncrementalCache: { prototype: { set: () => unknown } } };
    expect(String(IncrementalCache.prototype.set)).toContain("? JSON.stringify(data).length : 0");
  });
});
