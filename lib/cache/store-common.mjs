// What both stores of the cache handler (handler.mjs) share: how entries survive JSON, and how failures are told.
import { promisify } from "node:util";
import { brotliCompress, brotliDecompress, constants } from "node:zlib";

// An entry older than this is dropped (a bounded store); pages revalidate hourly at most.
export const ENTRY_TTL_SECONDS = 24 * 60 * 60;
export const MAX_TTL_SECONDS = 30 * 24 * 60 * 60;

let warned = 0;

export function warn(what, error) {
  // One line per problem rather than one per request while the store is away.
  if (warned++ % 100 === 0)
    console.error(`[cache] ${what} failed (${error?.message ?? error}); serving without the cache.`);
}

// An entry as bytes, for both stores: a small JSON header, then its large parts as they are. A page's entry is its HTML
// (a string), its RSC payload and a payload per segment (Buffers in a Map). As one JSON document, every first visit
// base64-encoded the payloads, escaped every quote of the HTML and then encoded the whole of it as UTF-8 for the
// disk: 9 % of the server's CPU over 300 first visits (a CPU profile, 2026-12-02). Here each payload is copied once
// and the HTML encoded once; reading decodes no base64 and parses only the header.
const MAGIC = Buffer.from("atlas-entry/1\n");
/** Strings at least this long (a page's HTML) travel as raw UTF-8 beside the header rather than inside it. */
const RAW_TEXT_FROM = 1024;

/**
 * `value` as one Buffer: MAGIC, the header's length (4 bytes), the header (JSON of `value` in which each Buffer,
 * Uint8Array and long string is a reference to a part, Maps as lists of pairs, and the parts' lengths), the parts.
 */
export function packEntry(value) {
  const parts = [];
  const walk = (v) => {
    if (v instanceof Uint8Array) {
      parts.push(v);
      return { __atlasPart: parts.length - 1 };
    }
    if (typeof v === "string" && v.length >= RAW_TEXT_FROM) {
      parts.push(Buffer.from(v, "utf8"));
      return { __atlasText: parts.length - 1 };
    }
    if (v instanceof Map) return { __atlasMap: [...v].map(([k, x]) => [k, walk(x)]) };
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const body = walk(value);
  const header = Buffer.from(JSON.stringify({ body, parts: parts.map((p) => p.byteLength) }), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.byteLength);
  return Buffer.concat([MAGIC, length, header, ...parts]);
}

/** What packEntry packed (Buffers as views of `bytes`); null for bytes it did not write (a miss, not an error). */
export function unpackEntry(bytes) {
  if (!Buffer.isBuffer(bytes) || bytes.byteLength < MAGIC.byteLength + 4) return null;
  if (!bytes.subarray(0, MAGIC.byteLength).equals(MAGIC)) return null;
  const headerAt = MAGIC.byteLength + 4;
  const headerEnd = headerAt + bytes.readUInt32LE(MAGIC.byteLength);
  if (headerEnd > bytes.byteLength) return null;
  let header;
  try {
    header = JSON.parse(bytes.toString("utf8", headerAt, headerEnd));
  } catch {
    return null;
  }
  const { body, parts } = header;
  if (!Array.isArray(parts)) return null;
  const at = [];
  let offset = headerEnd;
  for (const n of parts) {
    at.push(offset);
    offset += n;
  }
  if (offset !== bytes.byteLength) return null;
  const walk = (v) => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      if (typeof v.__atlasPart === "number")
        return bytes.subarray(at[v.__atlasPart], at[v.__atlasPart] + parts[v.__atlasPart]);
      if (typeof v.__atlasText === "number")
        return bytes.toString("utf8", at[v.__atlasText], at[v.__atlasText] + parts[v.__atlasText]);
      if (Array.isArray(v.__atlasMap)) return new Map(v.__atlasMap.map(([k, x]) => [k, walk(x)]));
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(body);
}

/**
 * About what an entry takes in memory, for the local store's budget: its packed bytes (its Buffers, or the file they
 * are views of) and its long strings at two bytes a character, as V8 holds a string with any character beyond Latin-1
 * (a page's HTML has some). Counted by the packed bytes alone, a page read back from disk held its HTML twice over.
 */
export function memoryCost(packedBytes, value) {
  let chars = 0;
  const walk = (v) => {
    if (typeof v === "string") {
      if (v.length >= RAW_TEXT_FROM) chars += v.length;
    } else if (v instanceof Uint8Array) {
      // counted in the packed bytes
    } else if (v instanceof Map) for (const x of v.values()) walk(x);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === "object") for (const x of Object.values(v)) walk(x);
  };
  walk(value);
  return packedBytes + 2 * chars;
}

// What a store keeps: a packed entry compressed (brotli at quality 1). A page's entry is its HTML and its RSC
// payload, the same tree twice in two notations, and compresses about 8.5 to 1: over 218 world pages' entries,
// 153.7 KB → 18 KB each, 0.31 ms to compress and 0.25 ms to expand one (gzip at level 1: 27.8 KB and 1.0 ms; brotli
// at quality 4: 15.4 KB and 1.2 ms). 1,000 random world pages with their data reads took 40 MB and more on disk
// uncompressed, 28 MB compressed: the default 1 GB holds about 37,000 pages instead of 5,000, and Redis's memory
// as many more. Entries in memory stay unpacked: a page served from memory expands nothing.
const COMPRESSED = Buffer.from("atlas-entry/br\n");
/** Packed entries shorter than this are stored as they are: a file takes a 4 KiB block whatever it holds. */
const COMPRESS_FROM = 1024;
const compress = promisify(brotliCompress);
const expand = promisify(brotliDecompress);

/** A packed entry (packEntry) as a store keeps it. */
export async function toStored(packed) {
  if (packed.byteLength < COMPRESS_FROM) return packed;
  const body = await compress(packed, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_SIZE_HINT]: packed.byteLength },
  });
  return Buffer.concat([COMPRESSED, body]);
}

/** The packed entry a store kept (toStored), or null for bytes it did not write (a miss, not an error). */
export async function fromStored(bytes) {
  if (!Buffer.isBuffer(bytes) || !bytes.subarray(0, COMPRESSED.byteLength).equals(COMPRESSED)) return bytes;
  try {
    return await expand(bytes.subarray(COMPRESSED.byteLength));
  } catch {
    return null;
  }
}
