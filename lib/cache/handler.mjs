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
// bundled by Next): it reads REDIS_URL and CACHE_PREFIX from process.env directly and checks them
// (redis-store.mjs).
//
// Tag invalidation reaches every instance because it lives in the store too: revalidateTag records when each
// tag was invalidated (tag → {stale, expired}), and get() compares an entry's date with its tags' times.
import path from "node:path";
import { forgetAbsent, isAbsent, keepAbsent, readAbsent } from "./absent-entries.mjs";
import { buildIdOf } from "./build-id.mjs";
import { localStore } from "./local-store.mjs";
import { RedisStore } from "./redis-store.mjs";
import { invalidated, renderEnded, renderStarted } from "./renders-in-flight.mjs";
import { ENTRY_TTL_SECONDS, MAX_TTL_SECONDS, warn } from "./store-common.mjs";

export { disconnectCache } from "./redis-store.mjs";

const TAGS_HEADER = "x-next-cache-tags";

function tagsOf(entry, ctx) {
  const tags = [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
  const header = entry?.value?.headers?.[TAGS_HEADER];
  if (typeof header === "string") tags.push(...header.split(","));
  if (Array.isArray(entry?.tags)) tags.push(...entry.tags);
  return [...new Set(tags.filter(Boolean))];
}

/** This build's id: entries hold HTML that names its scripts, so each build has entries of its own. */
function buildId(serverDistDir) {
  return serverDistDir ? buildIdOf(path.join(serverDistDir, "..")) : "dev"; // no folder (development): one namespace
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
      const entry = readAbsent(key) ?? (await this.store.read(key));
      if (!entry) return this.miss(key);
      const tags = tagsOf(entry, ctx);
      if (tags.length) {
        const states = await this.store.tagStates(tags);
        const now = Date.now();
        let stale = false;
        for (const state of states) {
          if (!state) continue;
          // Invalidated since the entry's request began (the same millisecond included): a miss, rendered afresh.
          if (typeof state.expired === "number" && state.expired <= now && state.expired >= entry.lastModified)
            return this.miss(key);
          if (typeof state.stale === "number" && state.stale >= entry.lastModified) stale = true;
        }
        // revalidateTag(tag, profile): serve this one while a fresh copy is made in the background
        // (an entry from the epoch is past any revalidate time).
        if (stale) {
          renderStarted(key, this.startedAt, true);
          return { value: entry.value, lastModified: 1, cacheControl: entry.cacheControl };
        }
      }
      return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
    } catch (error) {
      warn(`${this.storeName} read`, error);
      return this.miss(key);
    }
  }

  /** A miss: the page is rendered next (renders-in-flight.mjs). */
  miss(key) {
    renderStarted(key, this.startedAt, false);
    return null;
  }

  async set(key, data, ctx) {
    if (this.building) return;
    try {
      if (!data) {
        forgetAbsent(key);
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
      // A 404, or a read that found nothing, stays in this process (absent-entries.mjs); what the key held before
      // (a record since removed or merged) goes, so no instance reads it again.
      if (isAbsent(data)) {
        keepAbsent(key, entry, ttl);
        await this.store.remove(key);
        return;
      }
      forgetAbsent(key);
      await this.store.write(key, entry, ttl);
    } catch (error) {
      warn(`${this.storeName} write`, error);
    } finally {
      renderEnded(key);
    }
  }

  async revalidateTag(tags, durations) {
    if (this.building) return;
    const list = (typeof tags === "string" ? [tags] : (tags ?? [])).filter(Boolean);
    if (!list.length) return;
    const now = Date.now();
    // Only an expiry holds requests for the renders under way (renders-in-flight.mjs): a page revalidated in the
    // background (tags.pages, after every approval) is served stale anyway while its fresh copy renders.
    if (!durations) invalidated(now);
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
      const reason = error?.message ?? error;
      console.error(`[cache] could not record the invalidation of ${list.join(", ")} in ${this.storeName}: ${reason}`);
    }
  }

  resetRequestCache() {}
}
