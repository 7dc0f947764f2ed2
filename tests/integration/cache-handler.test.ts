import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type Redis from "ioredis";
import { connectRedis, deleteKeys } from "../support/instances";

// lib/cache-handler.mjs against the real Redis, under a prefix of this run's own. Two handler objects
// stand for two instances: they share nothing but Redis.
type Handler = {
  get: (key: string, ctx: Record<string, unknown>) => Promise<{ value: unknown; lastModified: number } | null>;
  set: (key: string, data: unknown, ctx: Record<string, unknown>) => Promise<void>;
  revalidateTag: (tags: string | string[], durations?: { expire?: number }) => Promise<void>;
};
const prefix = `atlas-test-cache:${process.pid}-${Date.now().toString(36)}:`;
let redis: Redis;
let redisUrl = "";
let HandlerClass: new (options: Record<string, unknown>) => Handler;

beforeAll(async () => {
  const connected = await connectRedis();
  redis = connected.client;
  redisUrl = connected.url;
  process.env.REDIS_URL = connected.url;
  process.env.CACHE_PREFIX = prefix;
  HandlerClass = (await import("@/lib/cache-handler.mjs")).default as typeof HandlerClass;
});
afterAll(async () => {
  (await import("@/lib/cache-handler.mjs")).disconnectCache();
  await deleteKeys(redis, prefix);
  redis.disconnect();
  delete process.env.REDIS_URL;
  delete process.env.CACHE_PREFIX;
});

const page = (html: string, tags: string) => ({
  kind: "APP_PAGE", html, rscData: Buffer.from(`rsc:${html}`), segmentData: new Map([["/_tree", Buffer.from("tree")]]),
  headers: { "x-next-cache-tags": tags }, status: 200, postponed: undefined,
});

describe("the Redis cache handler", () => {
  it("an entry written by one instance is read by another, Buffers and Maps intact", async () => {
    const a = new HandlerClass({});
    const b = new HandlerClass({});
    await a.set("/en/institutions/x", page("<p>x</p>", "institution:x,_N_T_/en/institutions/x"), { cacheControl: { revalidate: 3600, expire: undefined } });
    const got = await b.get("/en/institutions/x", { kind: "APP_PAGE" });
    expect(got).not.toBeNull();
    const value = got!.value as ReturnType<typeof page>;
    expect(value.html).toBe("<p>x</p>");
    expect(Buffer.isBuffer(value.rscData) && value.rscData.toString()).toBe("rsc:<p>x</p>");
    expect(value.segmentData).toBeInstanceOf(Map);
    expect(value.segmentData.get("/_tree")!.toString()).toBe("tree");
    expect(await b.get("/en/nothing-here", { kind: "APP_PAGE" })).toBeNull();
  });

  it("updateTag on one instance (expire now) makes the entry a miss on the other; other tags are untouched", async () => {
    const a = new HandlerClass({});
    const b = new HandlerClass({});
    await b.set("/en/institutions/y", page("<p>y</p>", "institution:y"), { cacheControl: { revalidate: 3600 } });
    await b.set("data-key", { kind: "FETCH", data: { body: "{}", headers: {}, status: 200, url: "" }, revalidate: 3600 }, { fetchCache: true, tags: ["institution:y", "registry"] });
    await b.set("other-key", { kind: "FETCH", data: { body: "{}", headers: {}, status: 200, url: "" }, revalidate: 3600 }, { fetchCache: true, tags: ["institution:z"] });
    await new Promise((r) => setTimeout(r, 5));
    await a.revalidateTag(["institution:y"]);
    expect(await b.get("/en/institutions/y", { kind: "APP_PAGE" })).toBeNull();
    expect(await b.get("data-key", { kind: "FETCH", tags: ["institution:y", "registry"], softTags: [] })).toBeNull();
    expect(await b.get("other-key", { kind: "FETCH", tags: ["institution:z"], softTags: [] })).not.toBeNull();
    // A fresh entry written after the invalidation is a hit again.
    await new Promise((r) => setTimeout(r, 5));
    await b.set("/en/institutions/y", page("<p>y2</p>", "institution:y"), { cacheControl: { revalidate: 3600 } });
    expect(((await a.get("/en/institutions/y", { kind: "APP_PAGE" }))!.value as { html: string }).html).toBe("<p>y2</p>");
  });

  it("revalidateTag with a profile marks entries stale (served while refreshed), not gone", async () => {
    const a = new HandlerClass({});
    await a.set("/en/stale", page("<p>s</p>", "institutions"), { cacheControl: { revalidate: 3600 } });
    await new Promise((r) => setTimeout(r, 5));
    await a.revalidateTag("institutions", { expire: 3600 });
    const got = await a.get("/en/stale", { kind: "APP_PAGE" });
    expect(got).not.toBeNull();
    expect(got!.lastModified).toBe(1);
  });

  it("without Redis it behaves as an empty cache: misses, writes dropped, no exception", async () => {
    vi.resetModules();
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    const offline = await import("@/lib/cache-handler.mjs");
    const Offline = offline.default as typeof HandlerClass;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const h = new Offline({});
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
