#!/usr/bin/env node
// A small round-robin HTTP proxy in front of several portal instances, for trying the multi-instance
// setup on one machine and for its test. In production use your load balancer (nginx, a cloud LB).
//   node scripts/proxy.mjs --port 8080 http://127.0.0.1:3001 http://127.0.0.1:3002
// It appends the client's address to X-Forwarded-For (run the instances with TRUST_PROXY=1), and a request
// may pick its instance with the header `x-atlas-instance: <index>` (0, 1, …), which the tests use.
import http from "node:http";

/** Start the proxy; resolves to { url, close, served } where served counts requests per instance. */
export function startProxy({ port = 0, host = "127.0.0.1", upstreams }) {
  if (!upstreams?.length) throw new Error("The proxy needs at least one upstream instance URL.");
  const targets = upstreams.map((u) => new URL(u));
  const served = targets.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const pinned = Number(req.headers["x-atlas-instance"]);
    const index = Number.isInteger(pinned) && pinned >= 0 && pinned < targets.length ? pinned : next++ % targets.length;
    const target = targets[index];
    served[index]++;
    const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          "x-forwarded-for": forwardedFor,
          "x-forwarded-host": req.headers.host ?? "",
          "x-forwarded-proto": "http",
        },
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, { ...upstreamRes.headers, "x-atlas-served-by": String(index) });
        upstreamRes.pipe(res);
      },
    );
    upstream.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      res.end(`Instance ${index} (${target.host}) did not answer: ${error.message}\n`);
    });
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        url: `http://${host}:${address.port}`,
        served,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const portIndex = args.indexOf("--port");
  const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 8080;
  const upstreams = args.filter((a, i) => a.startsWith("http") && i !== portIndex + 1);
  const proxy = await startProxy({ port, host: "0.0.0.0", upstreams }).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
  console.log(`Proxy on ${proxy.url.replace("0.0.0.0", "localhost")} → ${upstreams.join(", ")}`);
}
