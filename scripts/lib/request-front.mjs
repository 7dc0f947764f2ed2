// What the portal's server (scripts/serve.mjs) does to each request before Next.js sees it. Plain JavaScript:
// it runs outside Next's bundle, in front of it, and the unit tests import it directly.

/** The largest request body accepted: Next's own limit for server-action bodies (1 MB), for every body. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Headers a client may send to claim another address, host or scheme; only a trusted proxy may set them. */
const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

/** "::ffff:127.0.0.1" (an IPv4 client on a dual-stack socket) is the IPv4 address it wraps. */
export function normalizeAddress(address) {
  if (!address) return "unknown";
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/**
 * Make the forwarding headers say what the socket says, unless a trusted proxy stands in front (TRUST_PROXY=1),
 * whose headers are then kept. Next fills X-Forwarded-For only when a request has none, so without this any
 * client could name its own address (a fresh sign-in bucket per request, or someone else's bucket locked).
 */
export function applyForwardingHeaders(req, { trustProxy }) {
  const address = normalizeAddress(req.socket?.remoteAddress);
  const proto = req.socket?.encrypted ? "https" : "http";
  if (trustProxy) {
    req.headers["x-forwarded-for"] ??= address;
    req.headers["x-forwarded-proto"] ??= proto;
    return;
  }
  for (const name of FORWARDING_HEADERS) delete req.headers[name];
  req.headers["x-forwarded-for"] = address;
  req.headers["x-forwarded-proto"] = proto;
}

/**
 * A request the server answers itself instead of handing it to Next, or null. A body over the limit would
 * reach Next's server-action parser and end in a 500; a body of unknown length cannot be checked before it is
 * read, and every browser form and fetch sends its length.
 */
export function refusalFor(req, { maxBodyBytes = MAX_BODY_BYTES } = {}) {
  const length = req.headers["content-length"];
  if (length !== undefined) {
    if (!/^\d{1,15}$/.test(length)) return { status: 400, message: "This request's Content-Length is not a number." };
    if (Number(length) > maxBodyBytes) {
      return {
        status: 413,
        message:
          `This request is too large: at most ${Math.floor(maxBodyBytes / 1024)} KB may be sent. ` +
          "Nothing was changed.",
      };
    }
    return null;
  }
  if (req.headers["transfer-encoding"]) {
    return {
      status: 411,
      message: "Send this request with a Content-Length: bodies of unknown length are not accepted.",
    };
  }
  return null;
}

// The loopback rule lives in lib/ so that the app applies the same one (lib/env.ts).
export { isLoopbackHost } from "../../lib/http/loopback.mjs";
