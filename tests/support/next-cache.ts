// Stand-in for next/cache in vitest: no cache outside a Next request, so reads call straight through and
// revalidation calls are recorded for assertions.
//
// A test file may switch on a small model of Next's data cache (useDataCache): results kept under their
// key with their tags, updateTag drops them, revalidateTag marks them stale (the next read recomputes, as the
// background refresh of the next visit does). It checks that the tags a write expires reach every cached read
// of what it changed; how Next stores entries is tested against lib/cache/handler.mjs itself.
export const revalidated: string[] = [];

type Entry = { json: string; tags: string[]; stale: boolean };
let store: Map<string, Entry> | null = null;
let bypass = false;

/** Keep unstable_cache results in this file's process from now on (an empty cache). */
export function useDataCache() {
  store = new Map();
}

/** Run `read` against the database itself, past the cache (what a fresh render would see). */
export async function uncached<T>(read: () => Promise<T>): Promise<T> {
  bypass = true;
  try {
    return await read();
  } finally {
    bypass = false;
  }
}

// Cached values cross JSON, as in Next's data cache: Dates come back as strings either way.
const roundTrip = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

export function unstable_cache<T extends (...args: never[]) => Promise<unknown>>(
  fn: T,
  keyParts?: string[],
  options?: { tags?: string[] },
): T {
  return (async (...args: Parameters<T>) => {
    if (!store) return fn(...args);
    if (bypass) return roundTrip(await fn(...args));
    const key = JSON.stringify([keyParts ?? [], args]);
    const hit = store.get(key);
    if (hit && !hit.stale) return JSON.parse(hit.json);
    const value = await fn(...args);
    store.set(key, { json: JSON.stringify(value ?? null), tags: options?.tags ?? [], stale: false });
    return roundTrip(value);
  }) as T;
}

function invalidate(tag: string, stale: boolean) {
  for (const [key, entry] of store ?? []) {
    if (!entry.tags.includes(tag)) continue;
    if (stale) entry.stale = true;
    else store?.delete(key);
  }
}

export function revalidateTag(tag: string, _profile?: unknown) {
  revalidated.push(tag);
  invalidate(tag, true);
}

export function revalidatePath(path: string) {
  revalidated.push(`path:${path}`);
}

export function updateTag(tag: string) {
  revalidated.push(tag);
  invalidate(tag, false);
}

/** Next's "re-render the page that called this action": recorded, since there is no router here. */
export function refresh() {
  revalidated.push("refresh");
}
