// The page renders under way in this process, so that a request that arrives after an invalidation never gets the
// answer of a render that began before it.
//
// Next's response cache (next/dist/server/response-cache, its getBatcher) gives every request for a page the render
// already under way for that page, and keeps that render's promise until the render (or the background refresh of a
// stale copy) has finished. A request that arrived after an approval had committed and expired the page was answered
// with a render that had read the database before the commit, for as long as that render still had to go: 1–2 s
// under load, and a caching front then kept that answer for its second (the approval reached the public page after
// 2 s, not within 1). The batcher sits above the cache handler, so the handler cannot refuse the join; instead:
//   - the handler (handler.mjs) notes a render when it answers a page's key with a miss or a stale copy (a render
//     follows), and its end when that render stores its result;
//   - the server (scripts/serve.mjs) holds a request for a page while a render of that page is under way that began
//     before the latest expiry (an approval expires the pages it is about at once), and hands it to Next once that
//     render has stored its result. That result is dated before the expiry (handler.mjs), so Next renders the page
//     afresh for the request. A background revalidation (every other page, after any approval) holds nothing: Next
//     serves the stale copy meanwhile whichever render answers.
// Next loads the handler by itself and the server imports this file too: the state lives on globalThis, so both
// see the same renders whichever module instance each has.

import { AsyncLocalStorage } from "node:async_hooks";

const STATE = Symbol.for("atlas.cache.rendersInFlight");
globalThis[STATE] ??= { renders: new Map(), invalidatedAt: 0, requests: new AsyncLocalStorage() };
const state = globalThis[STATE];

/**
 * Run the handling of one request, saying whether it is a router prefetch: Next answers a prefetch from a stale copy
 * without refreshing it, so the stale copy it reads starts no render.
 */
export function inRequest(prefetch, handle) {
  return state.requests.run({ prefetch }, handle);
}

/** How long a request waits for an older render at most: a render that failed never stores a result. */
export const WAIT_LIMIT_MS = 10_000;

/** The page a response-cache key is for ("/route-cache/APP_PAGE/<hash>/$/en/institutions/x" → "/en/…"), or null. */
export function pageOfKey(key) {
  const match = /^\/route-cache\/[A-Z_]+\/[^/]+\/\$(\/.*)$/.exec(key);
  return match ? match[1] : null;
}

/**
 * The handler answered the page under `key` with a miss or (`stale`) a stale copy, for the request that began at
 * `startedAt`: a render of it follows, unless a prefetch read the stale copy.
 */
export function renderStarted(key, startedAt, stale) {
  const page = pageOfKey(key);
  if (!page) return;
  if (stale && state.requests.getStore()?.prefetch) return;
  // One render of a page at a time is noted: another one's start moves its date back, never replaces it (a request
  // already waiting for the first would then wait for nothing until the limit).
  const earlier = state.renders.get(page);
  if (earlier) {
    earlier.startedAt = Math.min(earlier.startedAt, startedAt);
    return;
  }
  let end;
  const done = new Promise((resolve) => {
    end = resolve;
  });
  state.renders.set(page, { startedAt, done, end });
}

/** The render of the page under `key` stored its result (or found it must not). */
export function renderEnded(key) {
  const page = pageOfKey(key);
  const render = page ? state.renders.get(page) : undefined;
  if (!render) return;
  state.renders.delete(page);
  render.end();
}

/** This process expired a tag at `at` (ms): an approval's own pages (a background revalidation is not one). */
export function invalidated(at) {
  state.invalidatedAt = Math.max(state.invalidatedAt, at);
}

/**
 * Before a request for `page` goes to Next: if a render of it is under way that began before the latest expiry
 * (this process's, or `latestElsewhere()`'s: another instance's, read only then), wait for it to store its result,
 * at most WAIT_LIMIT_MS. Null when nothing need wait (the usual case: no render of this page is under way).
 */
export function olderRenderToAwait(page, latestElsewhere = async () => 0, limitMs = WAIT_LIMIT_MS) {
  const render = state.renders.get(page);
  if (!render) return null;
  return (async () => {
    const invalidatedAt = Math.max(state.invalidatedAt, await latestElsewhere().catch(() => 0));
    if (render.startedAt >= invalidatedAt) return;
    let timer;
    const limit = new Promise((resolve) => {
      timer = setTimeout(resolve, limitMs);
    });
    await Promise.race([render.done, limit]);
    clearTimeout(timer);
    // A render that never stored its result is forgotten: the next request does not wait for it again.
    if (state.renders.get(page) === render) state.renders.delete(page);
    // Next drops the finished render from its batcher a few promise turns after the result is stored.
    await new Promise((resolve) => setImmediate(resolve));
  })();
}
