#!/usr/bin/env node
// The portal's HTTP server: Next.js's own request handler (the one `next start` uses) behind a thin front that
// makes what the app reads of a request trustworthy first (scripts/lib/request-front.mjs): the client's
// address and scheme come from the socket unless TRUST_PROXY=1, and an oversized body is refused with a 413
// before any parser reads it. `npm start`, the tests and the bench all serve through it.
//   node scripts/serve.mjs [--dev]        (PORT, default 3000; HOST, default 127.0.0.1)
// Beyond loopback (or with ATLAS_ENV=production) it refuses to start while a demo account still has the
// password the README publishes (scripts/lib/demo-accounts.mjs).
import http from "node:http";
import path from "node:path";
import { applyForwardingHeaders, refusalFor } from "./lib/request-front.mjs";
import { varyRecordPagesByAccept } from "./lib/vary-by-accept.mjs";
import { expireAtFrontWithinTheSecond } from "./lib/front-expiry.mjs";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || "127.0.0.1";
// The app reads where it listens (lib/env.ts): some things are only done for a portal no one else can reach.
process.env.HOST = host;
const trustProxy = process.env.TRUST_PROXY === "1";

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`[atlas] PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(1);
}
// The local page cache's disk bound (lib/cache/local-store.mjs reads it per process): a bad value stops the start here
// with its reason, rather than failing every request that reaches the cache.
if (!process.env.REDIS_URL) {
  const { cacheDiskBytes } = await import("../lib/cache/local-store.mjs");
  try {
    cacheDiskBytes();
  } catch (error) {
    console.error(`[atlas] ${error.message}`);
    process.exit(1);
  }
}
// With Redis, its bound is Redis's own setting: said at start when there is none (the portal runs either way).
else {
  const { redisBoundWarning } = await import("../lib/cache/redis-store.mjs");
  const warning = await redisBoundWarning();
  if (warning) console.warn(`[atlas] ${warning}`);
}
// Nothing is served to other machines (or in production) while a demo account keeps its published password.
const { demoPasswordRefusal } = await import("./lib/demo-accounts.mjs");
const refusal = await demoPasswordRefusal({
  databaseUrl: process.env.DATABASE_URL,
  host,
  production: process.env.ATLAS_ENV === "production",
});
if (refusal) {
  console.error(`[atlas] ${refusal}`);
  process.exit(1);
}

// As `next start` and `next dev` do; Next reads it when its modules load, so before the import below.
process.env.NODE_ENV ??= dev ? "development" : "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
process.title = "alliance-atlas";

// Before Next loads: its page-cache write measures what it stores even where nothing reads the measure.
const { takeNextCacheMeasureOnlyWhenChecked } = await import("./lib/next-cache-write.mjs");
takeNextCacheMeasureOnlyWhenChecked();
const { default: next } = await import("next");
const { inRequest, olderRenderToAwait } = await import("../lib/cache/renders-in-flight.mjs");
const { RedisStore } = await import("../lib/cache/redis-store.mjs");
// Another instance's expiries are in Redis; one instance records its own in memory (renders-in-flight.mjs).
const latestElsewhere = process.env.REDIS_URL ? () => RedisStore.latestInvalidation() : undefined;
const { mendNotFoundAnswers, notFoundTexts } = await import("./lib/not-found-shell.mjs");
// Responses are compressed and pages tagged here, not by Next (next.config.ts): a cached page's gzip and ETag are kept.
const { compressOnce } = await import("./lib/compress-once.mjs");
const { compressResponse } = compressOnce();
const { readFileSync } = await import("node:fs");
const messages = Object.fromEntries(
  ["en", "zh"].map((l) => [l, JSON.parse(readFileSync(path.join(root, "messages", `${l}.json`), "utf8"))]),
);

/** Answer a refused request and close its connection. */
function refuse(res, { status, message }) {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    connection: "close",
  });
  res.end(`${message}\n`);
}

/**
 * Read and drop a refused request's body before answering: a client still sending would otherwise meet a
 * reset connection instead of the 413 that says why. Past DRAIN_LIMIT bytes (or 10 s) it is cut off.
 */
function drainThenRefuse(req, res, refusal) {
  let seen = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, 10_000);
  req.on("data", (chunk) => {
    seen += chunk.length;
    if (seen > DRAIN_LIMIT) cut();
  });
  req.on("end", () => {
    clearTimeout(timer);
    refuse(res, refusal);
  });
  req.on("error", () => clearTimeout(timer));
}
const DRAIN_LIMIT = 16 * 1024 * 1024;

const server = http.createServer((req, res) => {
  const refusal = refusalFor(req);
  if (refusal) return drainThenRefuse(req, res, refusal);
  applyForwardingHeaders(req, { trustProxy });
  mendNotFoundAnswers(req, res, (url) => notFoundTexts(new URL(url, "http://front").pathname, messages));
  varyRecordPagesByAccept(req, res);
  expireAtFrontWithinTheSecond(req, res);
  // A page request waits for a render of the same page that began before the latest expiry (Next would hand it
  // that render's answer, read before the change): lib/cache/renders-in-flight.mjs.
  const older =
    req.method === "GET" || req.method === "HEAD"
      ? olderRenderToAwait((req.url ?? "/").split("?")[0], latestElsewhere)
      : null;
  const prefetch = req.headers["next-router-prefetch"] !== undefined;
  // Last, where Next's own compression was: the wrappers above see the bytes as they go out, compressed.
  compressResponse(req, res);
  (older
    ? older.then(() => inRequest(prefetch, () => handle(req, res)))
    : inRequest(prefetch, () => handle(req, res))
  ).catch((error) => {
    console.error(`[atlas] request ${req.method} ${req.url} failed:`, error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error\n");
  });
});
// A client that asks before sending its body (Expect: 100-continue) is refused without sending it.
server.on("checkContinue", (req, res) => {
  const refusal = refusalFor(req);
  if (refusal) return refuse(res, refusal);
  res.writeContinue();
  server.emit("request", req, res);
});
// Like `next start`: keep-alive connections outlive a load balancer's idle timeout rather than the reverse.
server.keepAliveTimeout = 65_000;

const app = next({ dev, dir: root, hostname: host, port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();

server.on("error", (error) => {
  const reason =
    error.code === "EADDRINUSE" ? `port ${port} on ${host} is already in use (set PORT to another one)` : error.message;
  console.error(`[atlas] The server could not start: ${reason}.`);
  process.exit(1);
});
server.listen(port, host, () => {
  const address = server.address();
  const shown = host.includes(":") ? `[${host}]` : host;
  console.log(
    `Ready on http://${shown}:${typeof address === "object" && address ? address.port : port}` +
      `${dev ? " (development)" : ""}`,
  );
});

let closing = false;
async function shutdown(signal) {
  if (closing) return;
  closing = true;
  // Finish what is in flight (an approval's after-commit work included), then let Next clean up.
  // Idle keep-alive connections would hold close() open for their whole timeout; busy ones get 10 s.
  const closed = new Promise((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const forced = setTimeout(() => server.closeAllConnections(), 10_000);
  await closed;
  clearTimeout(forced);
  // The job engine (lib/jobs/start.ts): its running jobs finish and it leaves the shared queue.
  await globalThis[Symbol.for("alliance-atlas.stop-jobs")]?.().catch((error) => console.error(error));
  await app.close().catch((error) => console.error(error));
  process.exit(signal === "SIGINT" ? 130 : 143);
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
