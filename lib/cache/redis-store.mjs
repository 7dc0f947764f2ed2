// The cache handler's store shared by every instance (handler.mjs uses it when REDIS_URL is set).
import Redis from "ioredis";
import { fromStored, packEntry, toStored, unpackEntry, warn } from "./store-common.mjs";

let client;

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

/**
 * What Redis's own settings leave unbounded, as a sentence for the server's log at start; null when it is bounded
 * and evicts, or when it will not say (a managed Redis may refuse CONFIG, or be away: the cache copes with both). A
 * crawl of every record page writes a page entry for each, kept up to 30 days: without maxmemory it fills Redis's
 * memory, and with noeviction a full Redis refuses every new page. Every entry has an expiry, so volatile-lru evicts
 * entries and never the tag states (a hash without one).
 */
export async function redisBoundWarning(url = process.env.REDIS_URL) {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  const advice = 'Set maxmemory and maxmemory-policy volatile-lru (README, "Deploying on more than one instance").';
  try {
    await probe.connect();
    const [, maxmemory] = await probe.config("GET", "maxmemory");
    const [, policy] = await probe.config("GET", "maxmemory-policy");
    if (Number(maxmemory) === 0) return `Redis has no maxmemory: a crawl of every page can fill its memory. ${advice}`;
    if (policy === "noeviction")
      return `Redis evicts nothing (maxmemory-policy noeviction): once full it refuses new pages. ${advice}`;
    return null;
  } catch {
    return null;
  } finally {
    probe.disconnect();
  }
}

function prefix() {
  const p = process.env.CACHE_PREFIX ?? "atlas:";
  if (!/^[\w:.-]{1,100}$/.test(p))
    throw new Error("CACHE_PREFIX may only contain letters, digits, _ : . - (at most 100).");
  return p;
}

/** Entries and tag states in Redis, shared by every instance (tag states outlive builds: a rolling deploy sees them).
 * */
export class RedisStore {
  constructor(build) {
    const p = prefix();
    this.entryPrefix = `${p}entry:${build}:`;
    this.tagsKey = `${p}tags`;
  }

  /**
   * When any instance last expired a tag (ms; 0 if none): a request is held only for a render that began before
   * such an expiry (renders-in-flight.mjs), and the change may have been approved on another instance.
   */
  static async latestInvalidation() {
    return Number(await redis().get(`${prefix()}invalidated-at`)) || 0;
  }

  async read(key) {
    const raw = await redis().getBuffer(this.entryPrefix + key);
    const packed = raw ? await fromStored(raw) : null;
    return packed ? unpackEntry(packed) : null;
  }

  async write(key, entry, ttlSeconds) {
    await redis().set(this.entryPrefix + key, await toStored(packEntry(entry)), "EX", ttlSeconds);
  }

  async remove(key) {
    await redis().del(this.entryPrefix + key);
  }

  async tagStates(tags) {
    return (await redis().hmget(this.tagsKey, ...tags)).map((state) => (state ? JSON.parse(state) : null));
  }

  async setTagStates(tags, state) {
    const write = redis()
      .multi()
      .hset(this.tagsKey, ...tags.flatMap((tag) => [tag, JSON.stringify(state)]));
    // An expiry now (updateTag), not a background revalidation: the one a request is held for.
    if (state.stale === undefined && state.expired !== undefined) write.set(`${prefix()}invalidated-at`, state.expired);
    const results = await write.exec();
    const failed = results?.find(([error]) => error);
    if (failed) throw failed[0];
  }
}
