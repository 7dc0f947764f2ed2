// A request that arrives after an invalidation never gets the answer of a render that began before it
// (lib/cache/renders-in-flight.mjs). Next's own response cache (next/dist/server/response-cache) is driven here with
// the real cache handler under it, as the server drives it: one handler object per request, the local store of one
// instance, and Redis for the invalidations of the others.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ResponseCache from "next/dist/server/response-cache/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Redis from "ioredis";
import { connectRedis, deleteKeys } from "../support/instances";

type Entry = { value: unknown; lastModified: number; cacheControl?: unknown } | null;
type Handler = {
  get: (key: string, ctx: Record<string, unknown>) => Promise<Entry>;
  set: (key: string, data: unknown, ctx: Record<string, unknown>) => Promise<void>;
  revalidateTag: (tags: string | string[], durations?: { expire?: number }) => Promise<void>;
};
type HandlerModule = { default: new (options: Record<string, unknown>) => Handler; disconnectCache: () => void };
type Renders = typeof import("@/lib/cache/renders-in-flight.mjs");

const cacheRoot = mkdtempSync(path.join(tmpdir(), "atlas-renders-"));
const serverDistDir = path.join(cacheRoot, "server");
const prefix = `atlas-test-renders:${process.pid}-${Date.now().toString(36)}:`;
let handlers: HandlerModule;
let renders: Renders;
let redis: Redis;
let redisUrl = "";

beforeAll(async () => {
  delete process.env.REDIS_URL;
  handlers = (await import("@/lib/cache/handler.mjs")) as unknown as HandlerModule;
  renders = await import("@/lib/cache/renders-in-flight.mjs");
  const connected = await connectRedis();
  redis = connected.client;
  redisUrl = connected.url;
});
afterAll(async () => {
  handlers.disconnectCache();
  await deleteKeys(redis, prefix);
  redis.disconnect();
  delete process.env.REDIS_URL;
  delete process.env.CACHE_PREFIX;
  rmSync(cacheRoot, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** One request's cache handler (Next makes one per request), on the local store of one instance. */
const request = () => new handlers.default({ serverDistDir });
/** The handler's key for a page, as Next's app-page route names it. */
const keyOf = (page: string) => `/route-cache/APP_PAGE/0123abcd/$${page}`;

/** Next's incremental cache over one request's handler: what the response cache calls. */
function incrementalCache(handler: Handler) {
  return {
    async get(page: string) {
      const entry = await handler.get(keyOf(page), { kind: "APP_PAGE" });
      return entry && { value: entry.value, isStale: entry.lastModified === 1, cacheControl: entry.cacheControl };
    },
    set: (page: string, value: unknown, ctx: Record<string, unknown>) => handler.set(keyOf(page), value, ctx),
  };
}

/**
 * A page whose render reads `database.notes` when it begins and takes `ms` to finish, as a render under load does;
 * `ask()` is one request for it through Next's response cache, answered with the notes its render read.
 */
function pageOf(page: string, database: { notes: string }, ms = 300) {
  // Typed loosely: the render's value stands for a page (an HTML string where Next has a stream of it).
  const cache = new ResponseCache({
    minimalMode: false,
    route: "/[locale]/institutions/[slug]" as never,
  }) as unknown as {
    get: (key: string, render: () => Promise<unknown>, ctx: Record<string, unknown>) => Promise<{ value: unknown }>;
  };
  const render = async () => {
    const read = database.notes;
    await sleep(ms);
    return {
      value: {
        kind: "APP_PAGE",
        html: { toUnchunkedString: async () => read },
        rscData: Buffer.from(read),
        headers: { "x-next-cache-tags": `pages,institution:${page}` },
        status: 200,
        segmentData: new Map(),
        postponed: undefined,
      },
      cacheControl: { revalidate: 3600, expire: undefined },
    };
  };
  return async () => {
    const answer = await cache.get(page, render, {
      incrementalCache: incrementalCache(request()),
      isOnDemandRevalidate: false,
      isFallback: false,
      isRoutePPREnabled: false,
      isPrefetch: false,
    });
    const value = answer.value as { html: { toUnchunkedString: () => Promise<string> } };
    return value.html.toUnchunkedString();
  };
}

describe("a request after an approval and a render that began before it", () => {
  it(`Next alone hands the request the render under way, read before the change (why the server holds it): \
the approval reached the page only when that render ended`, async () => {
    const page = `/en/institutions/joined-${Date.now().toString(36)}`;
    const database = { notes: "before" };
    const ask = pageOf(page, database);
    const first = ask();
    await sleep(100);
    database.notes = "after";
    await request().revalidateTag([`institution:${page}`]);
    expect(await ask()).toBe("before");
    expect(await first).toBe("before");
  });

  it(`held until that render has stored its result, the request gets a fresh render with the change; \
a request held for nothing is not held at all`, async () => {
    const page = `/en/institutions/held-${Date.now().toString(36)}`;
    const database = { notes: "before" };
    const ask = pageOf(page, database);
    const first = ask();
    await sleep(100);
    // No invalidation since the render began: nothing to wait for (the render's answer is as fresh as any).
    const started = Date.now();
    await renders.olderRenderToAwait(page);
    expect(Date.now() - started).toBeLessThan(100);

    database.notes = "after";
    await request().revalidateTag([`institution:${page}`]);
    const held = renders.olderRenderToAwait(page);
    expect(held).not.toBeNull();
    await held;
    expect(await ask()).toBe("after");
    expect(await first).toBe("before");
    // The render has ended: nothing holds the next request.
    expect(renders.olderRenderToAwait(page)).toBeNull();
  });

  it(`a stale copy's background refresh holds requests the same way; a prefetch's read of the copy \
starts none`, async () => {
    const page = `/en/institutions/stale-${Date.now().toString(36)}`;
    const database = { notes: "first" };
    const ask = pageOf(page, database, 200);
    expect(await ask()).toBe("first");
    // Every page is refreshed in the background after any approval (tags.pages)…
    await request().revalidateTag("pages", { expire: 3600 });
    // …a prefetch reads the stale copy and Next refreshes nothing for it: no render is noted.
    await renders.inRequest(true, () => request().get(keyOf(page), { kind: "APP_PAGE" }));
    expect(renders.olderRenderToAwait(page)).toBeNull();
    // A visit is answered with the copy and starts the refresh, which reads the database as it is then…
    expect(await ask()).toBe("first");
    await sleep(50);
    // Another approval revalidates every page in the background again: that holds nobody (the copy is served
    // stale meanwhile, whichever render answers).
    await request().revalidateTag("pages", { expire: 3600 });
    const started = Date.now();
    await renders.olderRenderToAwait(page);
    expect(Date.now() - started).toBeLessThan(100);
    // …then this page's own change commits while the refresh is under way.
    database.notes = "second";
    await request().revalidateTag([`institution:${page}`]);
    await renders.olderRenderToAwait(page);
    expect(await ask()).toBe("second");
  });

  it("a render that never stores its result holds a request at most the limit, and only once", async () => {
    const page = `/en/institutions/failed-${Date.now().toString(36)}`;
    expect(await request().get(keyOf(page), { kind: "APP_PAGE" })).toBeNull();
    await sleep(5);
    await request().revalidateTag([`institution:${page}`]);
    const started = Date.now();
    await renders.olderRenderToAwait(page, undefined, 150);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(renders.olderRenderToAwait(page)).toBeNull();
  });

  it(`a second render noted for a page already rendering keeps the first's end: a request waiting for it is let in \
when the render stores its result, not at the limit`, async () => {
    const page = `/en/institutions/twice-${Date.now().toString(36)}`;
    const started = Date.now();
    renders.renderStarted(keyOf(page), started, false);
    renders.invalidated(started + 1);
    const held = renders.olderRenderToAwait(page, undefined, 2_000);
    expect(held).not.toBeNull();
    // A request that began earlier is noted later (its read of the cache took longer)…
    renders.renderStarted(keyOf(page), started - 5, false);
    await sleep(20);
    // …and the render stores its result: the waiting request goes on now.
    renders.renderEnded(keyOf(page));
    await held;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("with Redis, an invalidation another instance recorded holds the request too", async () => {
    const page = `/en/institutions/elsewhere-${Date.now().toString(36)}`;
    process.env.REDIS_URL = redisUrl;
    process.env.CACHE_PREFIX = prefix;
    try {
      const { RedisStore } = await import("@/lib/cache/redis-store.mjs");
      // This instance notes a render…
      expect(await new handlers.default({}).get(keyOf(page), { kind: "APP_PAGE" })).toBeNull();
      await sleep(5);
      // …and another instance records an invalidation in Redis (written as that instance would: straight to Redis).
      const at = Date.now();
      await new RedisStore("test-build").setTagStates([`institution:${page}`], { expired: at });
      expect(await RedisStore.latestInvalidation()).toBe(at);
      // A background revalidation there is not an expiry: it moves nothing.
      await new RedisStore("test-build").setTagStates(["pages"], { stale: at + 1, expired: at + 3_600_000 });
      expect(await RedisStore.latestInvalidation()).toBe(at);
      const started = Date.now();
      await renders.olderRenderToAwait(page, () => RedisStore.latestInvalidation(), 150);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      delete process.env.REDIS_URL;
    }
  });

  it("reads a page's address from Next's key for it, and nothing from any other key", () => {
    expect(renders.pageOfKey("/route-cache/APP_PAGE/44c4da8b/$/en/institutions/x")).toBe("/en/institutions/x");
    expect(renders.pageOfKey("/route-cache/APP_ROUTE/44c4da8b/$/api/v1/organizations")).toBe("/api/v1/organizations");
    expect(renders.pageOfKey("d8032552b2128e73bcfe821a0cf6da134e9c712986233974e55fd78133b546f0")).toBeNull();
  });
});
