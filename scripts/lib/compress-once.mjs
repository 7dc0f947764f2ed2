// Responses compressed by the front (scripts/serve.mjs) instead of by Next, so that a page served from the page cache
// is compressed once, not on every request. Next compresses every response with gzip at zlib's default level, as it
// goes out: for a cached page of 75 KB that is 0.9 ms of the server's CPU each time (a CPU profile of cached hits:
// 18 % of the busy samples), for bytes that are the same each time. Next hands such a page to the response whole,
// with an ETag that is a hash of it (send-payload.js: `res.end(payload)` after setting ETag); the ETag is the key of
// a small store of gzipped bodies, so the same bytes are compressed once per process and sent as they are after.
// Everything else (a page rendered as it streams, a file, an API answer, a 404, a HEAD) is compressed as Next did,
// by the same middleware Next uses (next.config.ts sets `compress: false` so that it runs here, and only once).
import { createRequire } from "node:module";
import { gzip } from "node:zlib";

const require = createRequire(import.meta.url);
const compression = require("next/dist/compiled/compression");
const { releaseCompressionStream } = require("next/dist/server/lib/release-compression-stream");

/** Below this a body is sent as it is (the middleware's own threshold). */
const THRESHOLD = 1024;
/**
 * The gzipped bodies kept, by their size: about 600 pages of 13 KB (a 75 KB page gzipped), the pages asked for most
 * recently; outside the JavaScript heap, within the server's memory target (512 MB at its peak under the bench).
 */
export const ONCE_BYTES = 8 * 1024 * 1024;
/** What Next sends whole for a page: its HTML, or its RSC payload for a client-side navigation. */
const WHOLE_PAGE = /^(?:text\/html|text\/x-component)\b/i;

/** The client takes gzip (Accept-Encoding names it, or `*`, with a q above 0). */
export function acceptsGzip(header) {
  let gzip = null;
  let any = null;
  for (const part of String(header ?? "").split(",")) {
    const [name, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name === "gzip") gzip = weight;
    else if (name === "*") any = weight;
  }
  const weight = gzip ?? any ?? 0;
  return Number.isFinite(weight) && weight > 0;
}

/**
 * A front's compression: `compressResponse(req, res)` before Next's handler sees `res`. `stats` counts the bodies
 * gzipped here and those sent from the store, for the tests.
 */
export function compressOnce({ maxBytes = ONCE_BYTES } = {}) {
  const middleware = compression();
  /** ETag and content type → gzipped body; a Map keeps insertion order, so the first key is the least recent. */
  const store = new Map();
  let held = 0;
  const stats = { compressed: 0, reused: 0 };

  const keep = (key, body) => {
    if (body.length > maxBytes) return;
    // Two requests that missed the same page at once both compressed it: the second replaces the first.
    const before = store.get(key);
    if (before !== undefined) held -= before.length;
    store.delete(key);
    store.set(key, body);
    held += body.length;
    for (const [oldest, old] of store) {
      if (held <= maxBytes) break;
      store.delete(oldest);
      held -= old.length;
    }
  };

  /** A whole page's body and its key in the store, or null when this answer is not one to compress here. */
  const wholePage = (req, res, chunk, encoding) => {
    if (req.method !== "GET" || res.statusCode !== 200 || res.headersSent) return null;
    if (typeof chunk !== "string" && !Buffer.isBuffer(chunk)) return null;
    const etag = res.getHeader("etag");
    const type = String(res.getHeader("content-type") ?? "");
    if (typeof etag !== "string" || !WHOLE_PAGE.test(type)) return null;
    if (res.getHeader("content-encoding") !== undefined) return null;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(String(res.getHeader("cache-control") ?? ""))) return null;
    if (!acceptsGzip(req.headers["accept-encoding"])) return null;
    const bytes =
      typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : chunk;
    if (bytes.length < THRESHOLD) return null;
    // Next's ETag is a hash of the body with its length: the same key is the same body.
    return { key: `${type}\n${etag}`, bytes };
  };

  const kept = (key) => {
    const body = store.get(key);
    if (body === undefined) return null;
    store.delete(key);
    store.set(key, body);
    return body;
  };

  function compressResponse(req, res) {
    middleware(req, res, () => {});
    // As Next does: a client that leaves mid-answer would otherwise leave the middleware's zlib stream open.
    res.once("close", () => {
      if (!res.writableFinished) releaseCompressionStream(res);
    });
    let wrote = false;
    const write = res.write;
    res.write = function (...args) {
      wrote = true;
      return write.apply(this, args);
    };
    const end = res.end;
    res.end = function (chunk, encoding, callback) {
      const page = wrote ? null : wholePage(req, res, chunk, encoding);
      if (!page) return end.call(this, chunk, encoding, callback);
      const done = typeof encoding === "function" ? encoding : callback;
      // Already encoded: the middleware lets it through, and still adds Accept-Encoding to Vary.
      const send = (body) => {
        res.setHeader("content-encoding", "gzip");
        res.setHeader("content-length", body.length);
        end.call(res, body, done);
      };
      const body = kept(page.key);
      if (body) {
        stats.reused++;
        send(body);
        return res;
      }
      // On zlib's threads, as the middleware's stream did: the event loop goes on meanwhile.
      gzip(page.bytes, (error, gzipped) => {
        if (error) return end.call(res, chunk, encoding, callback);
        stats.compressed++;
        keep(page.key, gzipped);
        send(gzipped);
      });
      return res;
    };
  }

  return { compressResponse, stats, heldBytes: () => held };
}
