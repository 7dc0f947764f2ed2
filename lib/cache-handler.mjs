// Next.js's server cache (ISR pages, route responses and unstable_cache data) in Redis, shared by every
// instance of the portal. next.config.ts enables it when REDIS_URL is set; without it Next keeps its
// default per-instance cache in .next/cache and nothing here runs.
//
// Next loads this file by itself, outside the app's bundle, so it cannot import lib/env.ts (TypeScript,
// bundled by Next): it reads REDIS_URL and CACHE_PREFIX from process.env directly and validates them here.
//
// Tag invalidation reaches every instance because it lives in Redis too: revalidateTag records when each
// tag was invalidated (a hash of tag → {stale, expired}), and get() compares an entry's time with the
// times of its tags, so an entry written before the invalidation is a miss on every instance at once.
import { readFileSync } from "node:fs";
import path from "node:path";
import Redis from "ioredis";

const TAGS_HEADER = "x-next-cache-tags";
// An entry older than this is dropped by Redis itself (bounded store); pages revalidate hourly at most.
const ENTRY_TTL_SECONDS = 24 * 60 * 60;

let client;
let warned = 0;

function redis() {
  if (client) return client;
  const url = process.env.REDIS_URL;
  if (!url || !/^rediss?:\/\//.test(url)) throw new Error("REDIS_URL must be a redis:// or rediss:// URL for the shared cache handler.");
  client = new Redis(url, {
    // A slow or absent Redis must not hold pages up: a command fails after two seconds and the page is
    // rendered as if the cache were empty.
    commandTimeout: 2_000,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  client.on("error", (error) => warn("connection", error));
  return client;
}

/** Close this process's Redis connection (tests; Next keeps it for the life of the server). */
export function disconnectCache() {
  client?.disconnect();
  client = undefined;
}

function warn(what, error) {
  // One line per problem rather than one per request while Redis is away.
  if (warned++ % 100 === 0) console.error(`[cache] Redis ${what} failed (${error?.message ?? error}); serving without the shared cache.`);
}

function prefix() {
  const p = process.env.CACHE_PREFIX ?? "atlas:";
  if (!/^[\w:.-]{1,100}$/.test(p)) throw new Error("CACHE_PREFIX may only contain letters, digits, _ : . - (at most 100).");
  return p;
}

// Buffers (rscData, route bodies) and Maps (segmentData) do not survive JSON on their own.
function encode(value) {
  if (Buffer.isBuffer(value)) return { __atlasBuffer: value.toString("base64") };
  if (value instanceof Uint8Array) return { __atlasBuffer: Buffer.from(value).toString("base64") };
  if (value instanceof Map) return { __atlasMap: [...value].map(([k, v]) => [k, encode(v)]) };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    if (typeof value.__atlasBuffer === "string") return Buffer.from(value.__atlasBuffer, "base64");
    if (Array.isArray(value.__atlasMap)) return new Map(value.__atlasMap.map(([k, v]) => [k, decode(v)]));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

function tagsOf(entry, ctx) {
  const tags = [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
  const header = entry?.value?.headers?.[TAGS_HEADER];
  if (typeof header === "string") tags.push(...header.split(","));
  if (Array.isArray(entry?.tags)) tags.push(...entry.tags);
  return [...new Set(tags.filter(Boolean))];
}

export default class RedisCacheHandler {
  constructor(options = {}) {
    const p = prefix();
    let build = "dev";
    try {
      // Entries hold HTML that names this build's scripts: a new build starts with its own entries,
      // while tag invalidations stay shared (a rolling deploy still sees them).
      if (options.serverDistDir) build = readFileSync(path.join(options.serverDistDir, "..", "BUILD_ID"), "utf8").trim();
    } catch {
      // no BUILD_ID (development): one namespace
    }
    this.entryPrefix = `${p}entry:${build}:`;
    this.tagsKey = `${p}tags`;
  }

  async get(key, ctx) {
    try {
      const raw = await redis().get(this.entryPrefix + key);
      if (!raw) return null;
      const entry = decode(JSON.parse(raw));
      const tags = tagsOf(entry, ctx);
      if (tags.length) {
        const states = await redis().hmget(this.tagsKey, ...tags);
        const now = Date.now();
        let stale = false;
        for (const state of states) {
          if (!state) continue;
          const { expired, stale: staleAt } = JSON.parse(state);
          // Invalidated after this entry was written: a miss, so the page is rendered afresh.
          if (typeof expired === "number" && expired <= now && expired > entry.lastModified) return null;
          if (typeof staleAt === "number" && staleAt > entry.lastModified) stale = true;
        }
        // revalidateTag(tag, profile): serve this one while a fresh copy is made in the background
        // (an entry from the epoch is past any revalidate time).
        if (stale) return { ...entry, lastModified: 1 };
      }
      return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
    } catch (error) {
      warn("read", error);
      return null;
    }
  }

  async set(key, data, ctx) {
    try {
      if (!data) {
        await redis().del(this.entryPrefix + key);
        return;
      }
      const entry = {
        value: data,
        lastModified: Date.now(),
        cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
        tags: ctx?.fetchCache ? ctx.tags ?? [] : [],
      };
      const ttl = Math.max(ENTRY_TTL_SECONDS, Number(ctx?.cacheControl?.expire) || 0);
      await redis().set(this.entryPrefix + key, JSON.stringify(encode(entry)), "EX", Math.min(ttl, 30 * 24 * 60 * 60));
    } catch (error) {
      warn("write", error);
    }
  }

  async revalidateTag(tags, durations) {
    const list = (typeof tags === "string" ? [tags] : tags ?? []).filter(Boolean);
    if (!list.length) return;
    const now = Date.now();
    // Same meaning as Next's own tag manifest: no durations = expired now (updateTag); durations = stale
    // now, expired after durations.expire seconds (revalidateTag with a profile).
    const state = durations ? { stale: now, ...(durations.expire !== undefined ? { expired: now + durations.expire * 1000 } : {}) } : { expired: now };
    const fields = list.flatMap((tag) => [tag, JSON.stringify(state)]);
    try {
      await redis().hset(this.tagsKey, ...fields);
    } catch (error) {
      // The change itself is committed, so the action must not fail; but say so loudly: other instances
      // keep serving the old page until it revalidates (at most an hour) if Redis lost this write.
      console.error(`[cache] could not record the invalidation of ${list.join(", ")} in Redis: ${error?.message ?? error}`);
    }
  }

  resetRequestCache() {}
}
