import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type Redis from "ioredis";
import { connectRedis, deleteKeys } from "../support/instances";

// lib/cache/handler.mjs with both of its stores: Redis under a prefix of this run's own (two handler objects
// stand for two instances: they share nothing but Redis), and the local store of one instance (memory and a
// directory of this run's own). Next makes a handler per request, so a handler object is also one request.
type Handler = {
  get: (key: string, ctx: Record<string, unknown>) => Promise<{ value: unknown; lastModified: number } | null>;
  set: (key: string, data: unknown, ctx: Record<string, unknown>) => Promise<void>;
  revalidateTag: (tags: string | string[], durations?: { expire?: number }) => Promise<void>;
};
type HandlerClass = new (options: Record<string, unknown>) => Handler;
const prefix = `atlas-test-cache:${process.pid}-${Date.now().toString(36)}:`;
const cacheRoot = mkdtempSync(path.join(tmpdir(), "atlas-cache-"));
// The local store sits beside the build's server folder, as in .next/server and .next/cache.
const serverDistDir = path.join(cacheRoot, "server");
let redis: Redis;
let redisUrl = "";
let HandlerModule: { default: HandlerClass; disconnectCache: () => void };

beforeAll(async () => {
  const connected = await connectRedis();
  redis = connected.client;
  redisUrl = connected.url;
  process.env.CACHE_PREFIX = prefix;
  HandlerModule = (await import("@/lib/cache/handler.mjs")) as unknown as typeof HandlerModule;
});
afterAll(async () => {
  HandlerModule.disconnectCache();
  await deleteKeys(redis, prefix);
  redis.disconnect();
  delete process.env.REDIS_URL;
  delete process.env.CACHE_PREFIX;
  rmSync(cacheRoot, { recursive: true, force: true });
});

const page = (html: string, tags: string) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(`rsc:${html}`),
  segmentData: new Map([["/_tree", Buffer.from("tree")]]),
  headers: { "x-next-cache-tags": tags },
  status: 200,
  postponed: undefined,
});
const tick = () => new Promise((r) => setTimeout(r, 5));

const stores = [
  { name: "Redis (several instances)", env: () => (process.env.REDIS_URL = redisUrl), options: {} },
  { name: "local (one instance)", env: () => delete process.env.REDIS_URL, options: { serverDistDir } },
] as const;

describe.each(stores)("the cache handler, $name", ({ env, options }) => {
  // A handler for one request (on one instance), made with this store chosen.
  const request = (): Handler => {
    env();
    return new HandlerModule.default(options);
  };
  const key = (name: string) => `/en/${name}-${Date.now().toString(36)}`;

  it("an entry written by one request is read by another, Buffers and Maps intact", async () => {
    const k = key("institutions/x");
    await request().set(k, page("<p>x</p>", "institution:x,_N_T_/en/institutions/x"), {
      cacheControl: { revalidate: 3600, expire: undefined },
    });
    const got = await request().get(k, { kind: "APP_PAGE" });
    expect(got).not.toBeNull();
    const value = got!.value as ReturnType<typeof page>;
    expect(value.html).toBe("<p>x</p>");
    expect(Buffer.isBuffer(value.rscData) && value.rscData.toString()).toBe("rsc:<p>x</p>");
    expect(value.segmentData).toBeInstanceOf(Map);
    expect(value.segmentData.get("/_tree")!.toString()).toBe("tree");
    expect(await request().get(key("nothing-here"), { kind: "APP_PAGE" })).toBeNull();
  });

  it("updateTag in one request (expire now) makes the entry a miss in the next; other tags are untouched", async () => {
    const [p, data, other] = [key("institutions/y"), key("data"), key("other")];
    const writer = request();
    await writer.set(p, page("<p>y</p>", "institution:y"), { cacheControl: { revalidate: 3600 } });
    await writer.set(
      data,
      { kind: "FETCH", data: { body: "{}", headers: {}, status: 200, url: "" }, revalidate: 3600 },
      { fetchCache: true, tags: ["institution:y", "registry"] },
    );
    await writer.set(
      other,
      { kind: "FETCH", data: { body: "{}", headers: {}, status: 200, url: "" }, revalidate: 3600 },
      { fetchCache: true, tags: ["institution:z"] },
    );
    await tick();
    await request().revalidateTag(["institution:y"]);
    const reader = request();
    expect(await reader.get(p, { kind: "APP_PAGE" })).toBeNull();
    expect(await reader.get(data, { kind: "FETCH", tags: ["institution:y", "registry"], softTags: [] })).toBeNull();
    expect(await reader.get(other, { kind: "FETCH", tags: ["institution:z"], softTags: [] })).not.toBeNull();
    // A fresh entry, written by a request that began after the invalidation, is a hit again.
    await tick();
    await request().set(p, page("<p>y2</p>", "institution:y"), { cacheControl: { revalidate: 3600 } });
    expect(((await request().get(p, { kind: "APP_PAGE" }))!.value as { html: string }).html).toBe("<p>y2</p>");
  });

  it("revalidateTag with a profile marks entries stale (served while refreshed), not gone", async () => {
    const k = key("stale");
    await request().set(k, page("<p>s</p>", "institutions"), { cacheControl: { revalidate: 3600 } });
    await tick();
    await request().revalidateTag("institutions", { expire: 3600 });
    const got = await request().get(k, { kind: "APP_PAGE" });
    expect(got).not.toBeNull();
    expect(got!.lastModified).toBe(1);
  });

  it(`a render whose request began before a tag was expired, and wrote after it, is a miss: \
it may hold what the change replaced`, async () => {
    const [p, data] = [key("organizations/race"), key("race-data")];
    // The visitor's request begins; its render reads the organization as it was…
    const render = request();
    await tick();
    // …an admin's change commits and its action expires the organization's pages…
    await request().revalidateTag(["organization:race"]);
    await tick();
    // …and only then does the render finish and store what it read.
    await render.set(
      data,
      { kind: "FETCH", data: { body: '{"confirmed":false}', headers: {}, status: 200, url: "" }, revalidate: 3600 },
      { fetchCache: true, tags: ["pages", "organization:race"] },
    );
    await render.set(p, page("<p>not confirmed</p>", "pages,organization:race"), {
      cacheControl: { revalidate: 3600 },
    });
    const next = request();
    expect(await next.get(p, { kind: "APP_PAGE" })).toBeNull();
    expect(await next.get(data, { kind: "FETCH", tags: ["pages", "organization:race"], softTags: [] })).toBeNull();
  });

  it("a page is stored compressed: its HTML and payload, the same tree twice, take a fraction of it", async () => {
    const k = key("organizations/compressed");
    const rows = Array.from({ length: 300 }, (_, i) => `<tr class="card-row"><th>Member ${i}</th><td>2019</td></tr>`);
    const html = `<table>${rows.join("")}</table>`;
    await request().set(k, page(html, "organization:compressed"), { cacheControl: { revalidate: 3600 } });
    const stored = process.env.REDIS_URL
      ? await redis.strlen((await redis.keys(`${prefix}entry:*`)).find((r) => r.endsWith(k))!)
      : statSync(
          path.join(
            cacheRoot,
            "cache",
            "atlas",
            "entries",
            "dev",
            `${createHash("sha256").update(k).digest("hex")}.entry`,
          ),
        ).size;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan((2 * html.length) / 8);
    expect(((await request().get(k, { kind: "APP_PAGE" }))!.value as { html: string }).html).toBe(html);
  });

  describe("a 404, and a read that found nothing", () => {
    const missing = (html: string, tags: string) => ({ ...page(html, tags), status: 404 });
    const nothing = (body: "null" | "[]") => ({
      kind: "FETCH",
      data: { body, headers: {}, status: 200, url: "" },
      revalidate: 3600,
    });
    // Another instance, or this one restarted: its own memory, the same store.
    const elsewhere = async () => {
      env();
      vi.resetModules();
      const mod = (await import("@/lib/cache/handler.mjs")) as unknown as typeof HandlerModule;
      return { handler: new mod.default(options), done: () => mod.disconnectCache() };
    };
    const fetchCtx = (tags: string[]) => ({ kind: "FETCH", tags, softTags: [] });

    it(`stay in this instance: asked again they are hits, and the shared store never holds them, \
nor what the address held before`, async () => {
      const [gone, none, empty, replaced] = [key("institutions/zz"), key("zz-null"), key("zz-empty"), key("merged")];
      await request().set(replaced, page("<p>was here</p>", "institution:merged"), {
        cacheControl: { revalidate: 3600 },
      });
      await request().set(gone, missing("<p>Page not found</p>", "institution:zz"), {
        cacheControl: { revalidate: 3600 },
      });
      await request().set(none, nothing("null"), { fetchCache: true, tags: ["institution:zz"] });
      await request().set(empty, nothing("[]"), { fetchCache: true, tags: ["institution:zz"] });
      // The record behind `replaced` was merged away: its address now renders a 404.
      await request().set(replaced, missing("<p>Page not found</p>", "institution:merged"), {
        cacheControl: { revalidate: 3600 },
      });
      const here = request();
      expect(((await here.get(gone, { kind: "APP_PAGE" }))!.value as { status: number }).status).toBe(404);
      expect(await here.get(none, fetchCtx(["institution:zz"]))).not.toBeNull();
      expect(await here.get(empty, fetchCtx(["institution:zz"]))).not.toBeNull();
      expect(((await here.get(replaced, { kind: "APP_PAGE" }))!.value as { html: string }).html).toContain("not found");
      const other = await elsewhere();
      try {
        for (const k of [gone, replaced]) expect(await other.handler.get(k, { kind: "APP_PAGE" })).toBeNull();
        for (const k of [none, empty]) expect(await other.handler.get(k, fetchCtx(["institution:zz"]))).toBeNull();
      } finally {
        other.done();
      }
    });

    it("are invalidated by their tags, and give way to the record once it exists", async () => {
      const [gone, born] = [key("institutions/soon"), key("institutions/born")];
      await request().set(gone, missing("<p>Page not found</p>", "institution:soon"), {
        cacheControl: { revalidate: 3600 },
      });
      await request().set(born, missing("<p>Page not found</p>", "institution:born"), {
        cacheControl: { revalidate: 3600 },
      });
      await tick();
      await request().revalidateTag(["institution:soon"]);
      expect(await request().get(gone, { kind: "APP_PAGE" })).toBeNull();
      await request().set(born, page("<p>born</p>", "institution:born"), { cacheControl: { revalidate: 3600 } });
      expect(((await request().get(born, { kind: "APP_PAGE" }))!.value as { html: string }).html).toBe("<p>born</p>");
      // Stored as any page: another instance reads it.
      const other = await elsewhere();
      try {
        expect(((await other.handler.get(born, { kind: "APP_PAGE" }))!.value as { html: string }).html).toBe(
          "<p>born</p>",
        );
      } finally {
        other.done();
      }
    });

    it("a stream of addresses no record has turns over only the last few hundred of them", async () => {
      const { MAX_ABSENT_ENTRIES } = await import("@/lib/cache/absent-entries.mjs");
      const real = key("organizations/real");
      await request().set(real, page("<p>real</p>", "organization:real"), { cacheControl: { revalidate: 3600 } });
      const guesses = Array.from({ length: MAX_ABSENT_ENTRIES + 10 }, (_, i) => key(`institutions/guess-${i}`));
      for (const k of guesses)
        await request().set(k, missing("<p>Page not found</p>", "pages"), { cacheControl: { revalidate: 3600 } });
      expect(await request().get(guesses[0]!, { kind: "APP_PAGE" })).toBeNull();
      expect(await request().get(guesses.at(-1)!, { kind: "APP_PAGE" })).not.toBeNull();
      expect(((await request().get(real, { kind: "APP_PAGE" }))!.value as { html: string }).html).toBe("<p>real</p>");
    });
  });

  it(`a background refresh whose request began before a revalidateTag, and wrote after it, is stale again, \
never fresh`, async () => {
    const k = key("organizations/swr");
    const refresh = request();
    await tick();
    await request().revalidateTag("pages", { expire: 3600 });
    await tick();
    await refresh.set(k, page("<p>old</p>", "pages,organization:swr"), { cacheControl: { revalidate: 3600 } });
    expect((await request().get(k, { kind: "APP_PAGE" }))!.lastModified).toBe(1);
  });
});

describe("the local store across a restart, within its memory, and during a build", () => {
  const local = async (opts: Record<string, unknown> = {}) => {
    delete process.env.REDIS_URL;
    // A new module instance is a new server process: nothing in memory, only what is on disk.
    vi.resetModules();
    const mod = (await import("@/lib/cache/handler.mjs")) as unknown as typeof HandlerModule;
    return () => new mod.default({ serverDistDir, ...opts });
  };

  it(`a restarted server serves what the last one stored, \
and still knows what was invalidated before it stopped`, async () => {
    const first = await local();
    await first().set("/en/kept", page("<p>kept</p>", "organization:kept"), { cacheControl: { revalidate: 3600 } });
    await first().set("/en/dropped", page("<p>dropped</p>", "organization:dropped"), {
      cacheControl: { revalidate: 3600 },
    });
    await tick();
    await first().revalidateTag(["organization:dropped"]);
    const restarted = await local();
    expect(((await restarted().get("/en/kept", { kind: "APP_PAGE" }))!.value as { html: string }).html).toBe(
      "<p>kept</p>",
    );
    expect(await restarted().get("/en/dropped", { kind: "APP_PAGE" })).toBeNull();
  });

  it("memory holds at most its budget, the most recently used; what it let go is read back from disk", async () => {
    const small = await local({ maxMemoryCacheSize: 4_000 });
    const html = "x".repeat(1_000);
    for (const n of [1, 2, 3, 4, 5])
      await small().set(`/en/many-${n}`, page(html, "organizations"), { cacheControl: { revalidate: 3600 } });
    for (const n of [1, 2, 3, 4, 5])
      expect(((await small().get(`/en/many-${n}`, { kind: "APP_PAGE" }))!.value as { html: string }).html).toBe(html);
    // Without the files, only what memory kept is left: the last ones read, not the first.
    rmSync(path.join(cacheRoot, "cache"), { recursive: true, force: true });
    expect(await small().get("/en/many-5", { kind: "APP_PAGE" })).not.toBeNull();
    expect(await small().get("/en/many-1", { kind: "APP_PAGE" })).toBeNull();
  });

  it("a cache folder removed while the server runs is made again by the next write", async () => {
    const running = await local();
    await running().set("/en/before", page("<p>before</p>", "organizations"), { cacheControl: { revalidate: 3600 } });
    rmSync(path.join(cacheRoot, "cache"), { recursive: true, force: true });
    await running().set("/en/after", page("<p>after</p>", "organizations"), { cacheControl: { revalidate: 3600 } });
    const restarted = await local();
    expect(((await restarted().get("/en/after", { kind: "APP_PAGE" }))!.value as { html: string }).html).toBe(
      "<p>after</p>",
    );
  });

  describe("on disk, at most CACHE_DISK_MB", () => {
    // Entries of about 240 KB on disk (120 KB of HTML and an RSC payload as large, random so that compression keeps
    // them as large): a bound of 1 MB holds four.
    const big = (n: number) => ({
      ...page(`<p>${n}</p>xx${randomBytes(90_000).toString("base64")}`, "organizations"),
      rscData: randomBytes(120_000),
    });
    const onDisk = () => {
      const dir = path.join(cacheRoot, "cache", "atlas", "entries");
      return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((f) => f.isFile() && f.name.endsWith(".entry"))
        .reduce((sum, f) => sum + statSync(path.join(f.parentPath, f.name)).size, 0);
    };
    const html = async (store: () => Handler, key: string) =>
      ((await store().get(key, { kind: "APP_PAGE" }))?.value as { html: string } | undefined)?.html.slice(0, 10);
    const withBound = async (mb: string) => {
      process.env.CACHE_DISK_MB = mb;
      try {
        const store = await local();
        store(); // the store is made, and the bound read, with the first handler
        return store;
      } finally {
        delete process.env.CACHE_DISK_MB;
      }
    };

    it(`the least recently used files go first (a read counts as a use), \
and a restart finds only what was kept`, async () => {
      rmSync(path.join(cacheRoot, "cache"), { recursive: true, force: true });
      const store = await withBound("1");
      for (const n of [1, 2, 3, 4]) await store().set(`/en/disk-${n}`, big(n), { cacheControl: { revalidate: 3600 } });
      expect(onDisk()).toBeLessThanOrEqual(1024 * 1024);
      expect(await html(store, "/en/disk-1")).toBe("<p>1</p>xx"); // read: now the most recently used
      await store().set("/en/disk-5", big(5), { cacheControl: { revalidate: 3600 } });
      await tick();
      expect(onDisk()).toBeLessThanOrEqual(1024 * 1024);
      // A new process, nothing in memory: only the files decide.
      const restarted = await withBound("1");
      expect(await html(restarted, "/en/disk-2")).toBeUndefined();
      for (const n of [1, 3, 4, 5]) expect(await html(restarted, `/en/disk-${n}`)).toBe(`<p>${n}</p>xx`);
    });

    it("a restart with a lower bound cuts what an earlier run left to it, oldest first", async () => {
      rmSync(path.join(cacheRoot, "cache"), { recursive: true, force: true });
      const roomy = await withBound("4");
      for (const n of [1, 2, 3, 4, 5, 6]) {
        await roomy().set(`/en/kept-${n}`, big(n), { cacheControl: { revalidate: 3600 } });
        // A restart orders the files by their mtime, which the kernel takes from a clock that moves in ticks of up
        // to 10 ms: files written within one tick tie, and the order among them is the directory's (CI once kept
        // kept-1 and cut a later one). Apart by more than a tick, the files' order is the order written.
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(onDisk()).toBeGreaterThan(1024 * 1024);
      const tight = await withBound("1");
      await tick();
      expect(onDisk()).toBeLessThanOrEqual(1024 * 1024);
      expect(await html(tight, "/en/kept-1")).toBeUndefined();
      expect(await html(tight, "/en/kept-6")).toBe("<p>6</p>xx");
    });

    it("small entries are counted by the blocks they take on disk, not by their length", async () => {
      rmSync(path.join(cacheRoot, "cache"), { recursive: true, force: true });
      const store = await withBound("1");
      // 400 data reads of 300 bytes: 120 KB by their length, 400 blocks of 4 KiB (1.6 MB) on the disk.
      for (let n = 0; n < 400; n++)
        await store().set(
          `/data/small-${n}`,
          {
            kind: "FETCH",
            data: { body: JSON.stringify({ n, pad: "x".repeat(200) }), headers: {}, status: 200, url: "" },
          },
          { fetchCache: true, tags: ["registry"] },
        );
      await tick();
      const dir = path.join(cacheRoot, "cache", "atlas", "entries");
      const blocks = readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((f) => f.isFile() && f.name.endsWith(".entry"))
        .reduce((sum, f) => sum + statSync(path.join(f.parentPath, f.name)).blocks * 512, 0);
      expect(blocks).toBeGreaterThan(0);
      expect(blocks).toBeLessThanOrEqual(1024 * 1024);
    });

    it("a bound that is not a whole number of megabytes is refused with its reason", async () => {
      for (const bad of ["lots", "0", "1.5", "-3"]) {
        process.env.CACHE_DISK_MB = bad;
        try {
          const store = await local();
          expect(() => store()).toThrow(
            `CACHE_DISK_MB must be a whole number of megabytes, at least 1 (it is "${bad}")`,
          );
        } finally {
          delete process.env.CACHE_DISK_MB;
        }
      }
    });
  });

  it("while `next build` prerenders, nothing is stored or read", async () => {
    const building = await local();
    process.env.NEXT_PHASE = "phase-production-build";
    try {
      const before = readdirSync(cacheRoot, { recursive: true }).length;
      await building().set("/en/at-build", page("<p>b</p>", "organizations"), { cacheControl: { revalidate: 3600 } });
      expect(await building().get("/en/kept", { kind: "APP_PAGE" })).toBeNull();
      expect(readdirSync(cacheRoot, { recursive: true }).length).toBe(before);
    } finally {
      delete process.env.NEXT_PHASE;
    }
  });
});

describe("Redis's own bound, said at start", () => {
  const config = async (name: string) => ((await redis.config("GET", name)) as string[])[1]!;

  it("no maxmemory, or noeviction, is a warning naming the setting to make; a bound that evicts is none", async () => {
    const { redisBoundWarning } = await import("@/lib/cache/redis-store.mjs");
    const before = { maxmemory: await config("maxmemory"), policy: await config("maxmemory-policy") };
    try {
      await redis.config("SET", "maxmemory", "0");
      expect(await redisBoundWarning(redisUrl)).toMatch(/^Redis has no maxmemory: .*maxmemory-policy volatile-lru/);
      // Far above what the tests store: nothing is evicted while this runs.
      await redis.config("SET", "maxmemory", "4gb");
      await redis.config("SET", "maxmemory-policy", "noeviction");
      expect(await redisBoundWarning(redisUrl)).toMatch(/^Redis evicts nothing \(maxmemory-policy noeviction\)/);
      await redis.config("SET", "maxmemory-policy", "volatile-lru");
      expect(await redisBoundWarning(redisUrl)).toBeNull();
    } finally {
      await redis.config("SET", "maxmemory", before.maxmemory);
      await redis.config("SET", "maxmemory-policy", before.policy);
    }
  });

  it("a Redis that does not answer gives no warning and no exception (the cache copes with its absence)", async () => {
    const { redisBoundWarning } = await import("@/lib/cache/redis-store.mjs");
    expect(await redisBoundWarning("redis://127.0.0.1:1")).toBeNull();
  });
});

describe("without Redis answering", () => {
  it("the Redis store behaves as an empty cache: misses, writes dropped, no exception", async () => {
    vi.resetModules();
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    const offline = (await import("@/lib/cache/handler.mjs")) as unknown as typeof HandlerModule;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const h = new offline.default({});
    const started = Date.now();
    expect(await h.get("/en", { kind: "APP_PAGE" })).toBeNull();
    await expect(h.set("/en", page("x", "t"), {})).resolves.toBeUndefined();
    await expect(h.revalidateTag("t")).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(errors).toHaveBeenCalled();
    offline.disconnectCache();
    errors.mockRestore();
    process.env.REDIS_URL = redisUrl;
  });
});
