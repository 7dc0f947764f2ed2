// Next.js's server cache (ISR pages, route responses and unstable_cache data). next.config.ts always uses this
// handler: with REDIS_URL, entries and tag invalidations live in Redis, shared by every instance; without it,
// in this process's memory and under .next/cache/atlas on disk (one instance).
//
// Why not Next's own file-system cache for one instance: it dates an entry by when the entry is *written*. A
// render that read the database before a change committed, and finished after the change's updateTag(), was
// stored as fresh and served with the old value for an hour: an admin's recorded confirmation never reached
// the public page (issue 11). Next makes a handler per request ("incremental-cache is request specific"), so
// here an entry is dated by when its request began; whatever the render read cannot be older than that, and
// an invalidation made after it makes the entry a miss (expired) or stale (revalidated in the background).
//
// Next loads this file by itself, outside the app's bundle, so it cannot import lib/env.ts (TypeScript,
// bundled by Next): it reads REDIS_URL and CACHE_PREFIX from process.env directly and validates them here.
//
// Tag invalidation reaches every instance because it lives in the store too: revalidateTag records when each
// tag was invalidated (tag → {stale, expired}), and get() compares an entry's date with its tags' times.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import Redis from "ioredis";

const TAGS_HEADER = "x-next-cache-tags";
// An entry older than this is dropped (a bounded store); pages revalidate hourly at most.
const ENTRY_TTL_SECONDS = 24 * 60 * 60;
const MAX_TTL_SECONDS = 30 * 24 * 60 * 60;

let client;
let warned = 0;

function redis() {
  if (client) return client;
  const url = process.env.REDIS_URL;
  if (!url || !/^rediss?:\/\//.test(url))
    throw new Error("REDIS_URL must be a redis:// or rediss:// URL for the shared cache handler.");
  client = new Redis(url, {
    // A slow or absent Redis must not hold pages up: a command fails after two seconds and the page is
    // rendered as if the cache were empty.
    commandTimeout: 2_000,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  client.on("error", (error) => warn("Redis connection", error));
  return client;
}

/** Close this process's Redis connection (tests; Next keeps it for the life of the server). */
export function disconnectCache() {
  client?.disconnect();
  client = undefined;
}

function warn(what, error) {
  // One line per problem rather than one per request while the store is away.
  if (warned++ % 100 === 0)
    console.error(`[cache] ${what} failed (${error?.message ?? error}); serving without the cache.`);
}

function prefix() {
  const p = process.env.CACHE_PREFIX ?? "atlas:";
  if (!/^[\w:.-]{1,100}$/.test(p))
    throw new Error("CACHE_PREFIX may only contain letters, digits, _ : . - (at most 100).");
  return p;
}

// Buffers (rscData, route bodies) and Maps (segmentData) do not survive JSON on their own.
function encode(value) {
  if (Buffer.isBuffer(value)) return { __atlasBuffer: value.toString("base64") };
  if (value instanceof Uint8Array) return { __atlasBuffer: Buffer.from(value).toString("base64") };
  if (value instanceof Map) return { __atlasMap: [...value].map(([k, v]) => [k, encode(v)]) };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
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

const buildIds = new Map();

/** This build's id: entries hold HTML that names its scripts, so each build has entries of its own. */
function buildId(serverDistDir) {
  if (!buildIds.has(serverDistDir)) {
    let id = "dev"; // no BUILD_ID (development): one namespace
    try {
      if (serverDistDir) id = readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
    } catch {
      // as above
    }
    // Read once per process (a handler is made per request); a new build is a new process.
    buildIds.set(serverDistDir, id);
  }
  return buildIds.get(serverDistDir);
}

/** Entries and tag states in Redis, shared by every instance (tag states outlive builds: a rolling deploy sees them).
 * */
class RedisStore {
  constructor(build) {
    const p = prefix();
    this.entryPrefix = `${p}entry:${build}:`;
    this.tagsKey = `${p}tags`;
  }

  async read(key) {
    const raw = await redis().get(this.entryPrefix + key);
    return raw ? decode(JSON.parse(raw)) : null;
  }

  async write(key, entry, ttlSeconds) {
    await redis().set(this.entryPrefix + key, JSON.stringify(encode(entry)), "EX", ttlSeconds);
  }

  async remove(key) {
    await redis().del(this.entryPrefix + key);
  }

  async tagStates(tags) {
    return (await redis().hmget(this.tagsKey, ...tags)).map((state) => (state ? JSON.parse(state) : null));
  }

  async setTagStates(tags, state) {
    await redis().hset(this.tagsKey, ...tags.flatMap((tag) => [tag, JSON.stringify(state)]));
  }
}

/**
 * One instance: entries in memory (least recently used first out, within Next's cacheMaxMemorySize) and on
 * disk, so a restart or an evicted page costs a file read, not a render; tag states in memory and in one file,
 * so a restarted server still knows what was invalidated before it stopped.
 */
class LocalStore {
  constructor(dir, build, maxMemoryBytes) {
    this.entriesDir = dir ? path.join(dir, "entries", build) : null;
    this.tagsFile = dir ? path.join(dir, "tags.json") : null;
    this.maxMemoryBytes = maxMemoryBytes;
    this.memory = new Map();
    this.memoryBytes = 0;
    this.tags = new Map();
    this.tagsWritten = Promise.resolve();
    if (!dir) return;
    try {
      for (const [tag, state] of Object.entries(JSON.parse(readFileSync(this.tagsFile, "utf8"))))
        this.tags.set(tag, state);
    } catch {
      // first start, or an unreadable file: no invalidation recorded yet
    }
    try {
      mkdirSync(this.entriesDir, { recursive: true });
      // Earlier builds' entries can never be read again.
      for (const old of readdirSync(path.join(dir, "entries")))
        if (old !== build) rm(path.join(dir, "entries", old), { recursive: true, force: true }).catch(() => {});
    } catch (error) {
      warn("preparing the cache directory", error);
    }
  }

  file(key) {
    return path.join(this.entriesDir, `${createHash("sha256").update(key).digest("hex")}.json`);
  }

  remember(key, entry, bytes) {
    this.forget(key);
    if (bytes > this.maxMemoryBytes) return;
    this.memory.set(key, { entry, bytes });
    this.memoryBytes += bytes;
    for (const [oldest, { bytes: size }] of this.memory) {
      if (this.memoryBytes <= this.maxMemoryBytes) break;
      this.memory.delete(oldest);
      this.memoryBytes -= size;
    }
  }

  forget(key) {
    const held = this.memory.get(key);
    if (!held) return;
    this.memory.delete(key);
    this.memoryBytes -= held.bytes;
  }

  async read(key) {
    const held = this.memory.get(key);
    let entry = held?.entry;
    if (held) {
      // Most recently used last.
      this.memory.delete(key);
      this.memory.set(key, held);
    } else if (this.entriesDir) {
      let raw;
      try {
        raw = await readFile(this.file(key), "utf8");
      } catch {
        return null;
      }
      entry = decode(JSON.parse(raw));
      this.remember(key, entry, raw.length);
    }
    if (!entry) return null;
    if (entry.expiresAt <= Date.now()) {
      await this.remove(key);
      return null;
    }
    return entry;
  }

  async write(key, entry, ttlSeconds) {
    const stored = { ...entry, expiresAt: Date.now() + ttlSeconds * 1000 };
    const raw = JSON.stringify(encode(stored));
    this.remember(key, stored, raw.length);
    if (!this.entriesDir) return;
    // Written whole, then renamed: a reader never sees half an entry.
    const file = this.file(key);
    const partial = `${file}.${process.pid}.${createHash("sha256").update(`${Math.random()}`).digest("hex").slice(0, 8)}`;
    await mkdir(this.entriesDir, { recursive: true });
    await writeFile(partial, raw);
    await rename(partial, file);
  }

  async remove(key) {
    this.forget(key);
    if (this.entriesDir) await unlink(this.file(key)).catch(() => {});
  }

  async tagStates(tags) {
    return tags.map((tag) => this.tags.get(tag) ?? null);
  }

  async setTagStates(tags, state) {
    for (const tag of tags) this.tags.set(tag, state);
    if (!this.tagsFile) return;
    // States older than any live entry can no longer change an answer.
    const horizon = Date.now() - MAX_TTL_SECONDS * 1000;
    for (const [tag, s] of this.tags) if (Math.max(s.stale ?? 0, s.expired ?? 0) < horizon) this.tags.delete(tag);
    const snapshot = JSON.stringify(Object.fromEntries(this.tags));
    // One write at a time, each of the whole map: the last one holds every state (and one that failed does
    // not stop the next; memory already has the states either way).
    const written = this.tagsWritten
      .catch(() => {})
      .then(async () => {
        const partial = `${this.tagsFile}.${process.pid}`;
        await mkdir(path.dirname(this.tagsFile), { recursive: true });
        await writeFile(partial, snapshot);
        await rename(partial, this.tagsFile);
      });
    this.tagsWritten = written;
    await written;
  }
}

// One local store per process and directory: every request's handler shares it.
const localStores = new Map();

function localStore(options, build) {
  const dir = options.serverDistDir ? path.join(options.serverDistDir, "..", "cache", "atlas") : null;
  const key = `${dir}\0${build}`;
  if (!localStores.has(key))
    localStores.set(key, new LocalStore(dir, build, Number(options.maxMemoryCacheSize ?? 50 * 1024 * 1024)));
  return localStores.get(key);
}

export default class AtlasCacheHandler {
  constructor(options = {}) {
    // The request this handler serves began now: everything it renders read the database after this.
    this.startedAt = Date.now();
    // While `next build` prerenders, nothing is kept: its entries would carry no running build's id.
    this.building = process.env.NEXT_PHASE === "phase-production-build";
    const build = buildId(options.serverDistDir);
    this.store = this.building ? null : process.env.REDIS_URL ? new RedisStore(build) : localStore(options, build);
    this.storeName = process.env.REDIS_URL ? "Redis" : "the local cache";
  }

  async get(key, ctx) {
    if (this.building) return null;
    try {
      const entry = await this.store.read(key);
      if (!entry) return null;
      const tags = tagsOf(entry, ctx);
      if (tags.length) {
        const states = await this.store.tagStates(tags);
        const now = Date.now();
        let stale = false;
        for (const state of states) {
          if (!state) continue;
          // Invalidated since the entry's request began (the same millisecond included): a miss, rendered afresh.
          if (typeof state.expired === "number" && state.expired <= now && state.expired >= entry.lastModified)
            return null;
          if (typeof state.stale === "number" && state.stale >= entry.lastModified) stale = true;
        }
        // revalidateTag(tag, profile): serve this one while a fresh copy is made in the background
        // (an entry from the epoch is past any revalidate time).
        if (stale) return { value: entry.value, lastModified: 1, cacheControl: entry.cacheControl };
      }
      return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
    } catch (error) {
      warn(`${this.storeName} read`, error);
      return null;
    }
  }

  async set(key, data, ctx) {
    if (this.building) return;
    try {
      if (!data) {
        await this.store.remove(key);
        return;
      }
      const entry = {
        value: data,
        lastModified: this.startedAt,
        cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
        tags: ctx?.fetchCache ? (ctx.tags ?? []) : [],
      };
      const ttl = Math.min(Math.max(ENTRY_TTL_SECONDS, Number(ctx?.cacheControl?.expire) || 0), MAX_TTL_SECONDS);
      await this.store.write(key, entry, ttl);
    } catch (error) {
      warn(`${this.storeName} write`, error);
    }
  }

  async revalidateTag(tags, durations) {
    if (this.building) return;
    const list = (typeof tags === "string" ? [tags] : (tags ?? [])).filter(Boolean);
    if (!list.length) return;
    const now = Date.now();
    // Same meaning as Next's own tag manifest: no durations = expired now (updateTag); durations = stale
    // now, expired after durations.expire seconds (revalidateTag with a profile).
    const state = durations
      ? { stale: now, ...(durations.expire !== undefined ? { expired: now + durations.expire * 1000 } : {}) }
      : { expired: now };
    try {
      await this.store.setTagStates(list, state);
    } catch (error) {
      // The change itself is committed, so the action must not fail; but say so loudly: pages keep the old
      // value until they revalidate (at most an hour) if this write was lost.
      console.error(
        `[cache] could not record the invalidation of ${list.join(", ")} in ${this.storeName}: ${error?.message ?? error}`,
      );
    }
  }

  resetRequestCache() {}
}
