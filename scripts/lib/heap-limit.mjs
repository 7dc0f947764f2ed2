// The server's V8 heap limit: the Node flag every script that starts scripts/serve.mjs passes (npm start, the tests,
// the bench). Without one V8 sizes its heap from the machine's memory (4 GB here) and keeps that much garbage
// before collecting it: the server's RSS reached 833 MB under the bench while 179 MB were alive. Nothing the
// server does holds the whole registry any more (the downloads stream), so a small heap is safe.

export const DEFAULT_HEAP_MB = 256;
// Below this Next cannot even load its routes.
const SMALLEST_HEAP_MB = 128;

/** `--max-old-space-size` for the server, from ATLAS_HEAP_MB (megabytes); a bad value throws a clear error. */
export function heapLimitArgs(env = process.env) {
  const raw = (env.ATLAS_HEAP_MB ?? "").trim();
  if (!raw) return [`--max-old-space-size=${DEFAULT_HEAP_MB}`];
  if (!/^\d+$/.test(raw) || Number(raw) < SMALLEST_HEAP_MB)
    throw new Error(
      `ATLAS_HEAP_MB must be a whole number of megabytes, at least ${SMALLEST_HEAP_MB} (it is "${raw}").`,
    );
  return [`--max-old-space-size=${Number(raw)}`];
}

/**
 * The server's environment for glibc's allocator: at most 2 malloc arenas unless MALLOC_ARENA_MAX says otherwise.
 * glibc gives each thread that allocates at once an arena of its own, up to 8 per core, and keeps what each has
 * touched; Node's threads (libuv's pool, V8's helpers, zlib) spread the Buffers of pages, cache entries and database
 * rows over them. A crawl of 1,000 first visits on the world database, the same pages against one server each
 * (2026-12-02 00:2x): the server's peak RSS 494 MB with glibc's default, 443 MB with 2 arenas, pages per second and
 * CPU per page within the runs' noise (22.2-24.7 against 23.0 pages/s; 43.8 against 41.4 ms p50).
 */
export function allocatorEnv(env = process.env) {
  return { MALLOC_ARENA_MAX: (env.MALLOC_ARENA_MAX ?? "").trim() || "2" };
}
