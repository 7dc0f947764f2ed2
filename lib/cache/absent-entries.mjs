// What a request for something that does not exist leaves in Next's cache: a record page's 404 (its whole page, about
// 40 KB) and the reads that found nothing behind it (a record read as null, its history as an empty list). Stored
// like any entry, every address no record has (a mistyped link, a crawler's guess, anyone's loop over random slugs)
// wrote three entries to the shared store, where each pushed a real page out of the bounded disk cache or out of
// Redis's memory: 2,000 random slugs left none of 200 record pages in a 40 MB disk cache (at that rate, 27,000 empty
// the default 1 GB). They are kept here instead, in this process's memory only, a few hundred at most: a missing
// address asked for again is still answered from the cache, and a stream of new ones turns over only this list.
// Recomputing one costs a lookup by slug.

/** The most entries kept: about 14 MB of 404 pages (the not-found page is the same small page for every address). */
export const MAX_ABSENT_ENTRIES = 256;

/** Whether Next's cache value is an answer about something that does not exist. */
export function isAbsent(value) {
  if (value?.kind === "APP_PAGE") return value.status === 404;
  // unstable_cache's entries (lib/cache/read-cache.ts): the read's result as JSON.
  if (value?.kind === "FETCH") return value.data?.body === "null" || value.data?.body === "[]";
  return false;
}

const entries = new Map();

/** The entry kept for `key` (most recently used from now on), or null; an expired one is dropped. */
export function readAbsent(key) {
  const entry = entries.get(key);
  if (!entry) return null;
  entries.delete(key);
  if (entry.expiresAt <= Date.now()) return null;
  entries.set(key, entry);
  return entry;
}

export function keepAbsent(key, entry, ttlSeconds) {
  entries.delete(key);
  entries.set(key, { ...entry, expiresAt: Date.now() + ttlSeconds * 1000 });
  for (const oldest of entries.keys()) {
    if (entries.size <= MAX_ABSENT_ENTRIES) break;
    entries.delete(oldest);
  }
}

export function forgetAbsent(key) {
  entries.delete(key);
}
