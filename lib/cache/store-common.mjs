// What both stores of the cache handler (handler.mjs) share: how entries survive JSON, and how failures are told.

// An entry older than this is dropped (a bounded store); pages revalidate hourly at most.
export const ENTRY_TTL_SECONDS = 24 * 60 * 60;
export const MAX_TTL_SECONDS = 30 * 24 * 60 * 60;

let warned = 0;

export function warn(what, error) {
  // One line per problem rather than one per request while the store is away.
  if (warned++ % 100 === 0)
    console.error(`[cache] ${what} failed (${error?.message ?? error}); serving without the cache.`);
}

// Buffers (rscData, route bodies) and Maps (segmentData) do not survive JSON on their own.
export function encode(value) {
  if (Buffer.isBuffer(value)) return { __atlasBuffer: value.toString("base64") };
  if (value instanceof Uint8Array) return { __atlasBuffer: Buffer.from(value).toString("base64") };
  if (value instanceof Map) return { __atlasMap: [...value].map(([k, v]) => [k, encode(v)]) };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

export function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    if (typeof value.__atlasBuffer === "string") return Buffer.from(value.__atlasBuffer, "base64");
    if (Array.isArray(value.__atlasMap)) return new Map(value.__atlasMap.map(([k, v]) => [k, decode(v)]));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}
