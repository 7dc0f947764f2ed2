// Answers compressed by the front (scripts/serve.mjs) instead of by Next, so that a page served from the page cache is
// compressed and tagged once, not on every request. Next did both on every response: gzip at zlib's default level as
// the bytes went out (0.9 ms of the server's CPU for a 75 KB page; 18 % of the busy samples in a CPU profile of
// cached hits), and an ETag hashed over the whole page in JavaScript (FNV, 155 µs for 75 KB; 11 % of those samples
// once the gzip was gone), for a page that is the same each time. Next hands such a page to the response whole
// (`res.end(payload)`, send-payload.js). Here:
// - its ETag is a SHA-1 of the page, and If-None-Match gets a 304;
// - when it came from Next's page cache (x-nextjs-cache: HIT or STALE), its ETag is remembered with the page by
//   address (TAGGED_PAGES of them: the same page sent again is compared, not hashed; a string compared with itself is
//   done at once) and its gzipped bytes are kept by that ETag (ONCE_BYTES of them), so they are compressed once per
//   process. A first visit is compressed by the middleware as before and kept nowhere: a crawl fills neither store.
// Everything else (a page rendered as it streams, a file, an API answer, a 404, a HEAD) is compressed as Next did, by
// the same middleware Next uses. next.config.ts sets `compress: false` and `generateEtags: false`, so that this runs
// here and only once; files keep their Last-Modified, and API answers their own ETags.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { gzip } from "node:zlib";

const require = createRequire(import.meta.url);
const compression = require("next/dist/compiled/compression");
const fresh = require("next/dist/compiled/fresh");
const { releaseCompressionStream } = require("next/dist/server/lib/release-compression-stream");

/** Below this a body is sent as it is (the middleware's own threshold). */
const THRESHOLD = 1024;
/**
 * The gzipped bodies kept, by their size: about 300 pages of 13 KB (a 75 KB page gzipped), the pages sent most
 * recently; outside the JavaScript heap, within the server's memory target (512 MB at its peak under the bench).
 */
export const ONCE_BYTES = 4 * 1024 * 1024;
/**
 * The pages whose body and ETag are remembered by address, the most recently sent. A page's body is mostly the same
 * string Next's page cache holds; one it has let go is held here too, so they are few (at most about 5 MB).
 */
export const TAGGED_PAGES = 32;
/** What Next sends whole for a page: its HTML, or its RSC payload for a client-side navigation. */
const WHOLE_PAGE = /^(?:text\/html|text\/x-component)\b/i;

/** The encoding `res.end` was given for a string body (utf8 unless named). */
const encodingOf = (encoding) => (typeof encoding === "string" ? encoding : "utf8");

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

/** A strong ETag for a page's body: its SHA-1 (native, half the time of Next's hash in JavaScript). */
export function pageTag(body, encoding) {
  const hash = createHash("sha1");
  if (typeof body === "string") hash.update(body, encodingOf(encoding));
  else hash.update(body);
  return `"${hash.digest("base64url")}"`;
}

/** Least recently used first: a Map keeps insertion order, so a key used again is moved to the end. */
function touch(map, key) {
  const value = map.get(key);
  if (value === undefined) return undefined;
  map.delete(key);
  map.set(key, value);
  return value;
}

/**
 * A front's compression: `compressResponse(req, res)` before Next's handler sees `res`. `stats` counts, for the
 * tests, the bodies gzipped here and those sent from the store, the pages hashed and those whose tag was remembered.
 */
export function compressOnce({ maxBytes = ONCE_BYTES, taggedPages = TAGGED_PAGES } = {}) {
  const middleware = compression();
  /** ETag and content type → gzipped body. */
  const store = new Map();
  let held = 0;
  /** Content type and address → the body last sent there, and its ETag. */
  const tags = new Map();
  const stats = { compressed: 0, reused: 0, tagged: 0, tagReused: 0 };

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

  /** The page's ETag: remembered when this address last sent this very body, else hashed (and remembered). */
  const tagOf = (req, type, chunk, encoding) => {
    const key = `${type}\n${req.url}`;
    const known = touch(tags, key);
    const same =
      known !== undefined &&
      (typeof chunk === "string"
        ? known.body === chunk
        : Buffer.isBuffer(known.body) && known.body.length === chunk.length && known.body.equals(chunk));
    if (same) {
      stats.tagReused++;
      return known.tag;
    }
    const tag = pageTag(chunk, encoding);
    stats.tagged++;
    tags.delete(key);
    tags.set(key, { body: chunk, tag });
    for (const oldest of tags.keys()) {
      if (tags.size <= taggedPages) break;
      tags.delete(oldest);
    }
    return tag;
  };

  /** A page Next hands over whole: a 200 to a GET, HTML or RSC, not encoded yet. */
  const isWholePage = (req, res, chunk) =>
    req.method === "GET" &&
    res.statusCode === 200 &&
    !res.headersSent &&
    (typeof chunk === "string" || Buffer.isBuffer(chunk)) &&
    WHOLE_PAGE.test(String(res.getHeader("content-type") ?? "")) &&
    res.getHeader("content-encoding") === undefined;

  /** Whether this client gets this page gzipped here. */
  const gzipsHere = (req, res, chunk, encoding) => {
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(String(res.getHeader("cache-control") ?? ""))) return false;
    if (!acceptsGzip(req.headers["accept-encoding"])) return false;
    // Next has measured the body (Content-Length): a page found in the store is never encoded to bytes again.
    const length = Number(res.getHeader("content-length") ?? Buffer.byteLength(chunk, encodingOf(encoding)));
    return length >= THRESHOLD;
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
      if (wrote || !isWholePage(req, res, chunk)) return end.call(this, chunk, encoding, callback);
      const done = typeof encoding === "function" ? encoding : callback;
      const type = String(res.getHeader("content-type"));
      // Only a page served from Next's page cache is sent again as it is: a first visit (a crawl's every page) is
      // tagged and compressed, as Next did, but neither kept nor remembered, so a crawl fills neither store.
      const fromCache = /^(?:HIT|STALE)$/i.test(String(res.getHeader("x-nextjs-cache") ?? ""));
      // An ETag set before (by the page itself) is kept, and its 304 was the page's to give.
      let tag = res.getHeader("etag");
      if (typeof tag !== "string") {
        tag = fromCache ? tagOf(req, type, chunk, encoding) : pageTag(chunk, encoding);
        res.setHeader("etag", tag);
        if (fresh(req.headers, { etag: tag })) {
          res.statusCode = 304;
          res.removeHeader("content-type");
          res.removeHeader("content-length");
          end.call(res, done);
          return res;
        }
      }
      if (!fromCache || !gzipsHere(req, res, chunk, encoding)) return end.call(this, chunk, encoding, callback);
      // Already encoded: the middleware lets it through, and still adds Accept-Encoding to Vary.
      const send = (body) => {
        res.setHeader("content-encoding", "gzip");
        res.setHeader("content-length", body.length);
        end.call(res, body, done);
      };
      const key = `${type}\n${tag}`;
      const kept = touch(store, key);
      if (kept) {
        stats.reused++;
        send(kept);
        return res;
      }
      // On zlib's threads, as the middleware's stream did: the event loop goes on meanwhile.
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, encodingOf(encoding)) : chunk;
      gzip(bytes, (error, gzipped) => {
        if (error) return end.call(res, chunk, encoding, callback);
        stats.compressed++;
        keep(key, gzipped);
        send(gzipped);
      });
      return res;
    };
  }

  return { compressResponse, stats, heldBytes: () => held, taggedCount: () => tags.size };
}
