// The front's compression (scripts/lib/compress-once.mjs): a page Next sends whole is tagged and gzipped once, and the
// same tag and bytes are sent after; everything else is compressed by the middleware Next used, as before.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { acceptsGzip, compressOnce, pageTag } from "../../scripts/lib/compress-once.mjs";

type Answer = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server that compresses as scripts/serve.mjs does, then answers as `answer` (standing in for Next) says. */
async function serve(answer: Answer, options?: Parameters<typeof compressOnce>[0]) {
  const front = compressOnce(options);
  const server = http.createServer((req, res) => {
    front.compressResponse(req, res);
    answer(req, res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** The raw answer: node:http does not decode bodies, so what was sent is what is read. */
  const get = (
    path: string,
    headers: Record<string, string> = { "accept-encoding": "gzip, deflate, br" },
    method = "GET",
  ) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .request(`${base}${path}`, { headers, method }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        })
        .on("error", reject)
        .end();
    });
  return { front, get };
}

/** A page of rows that do not repeat (numbers drawn from `n`), so its gzip is of some size. */
const page = (n: number) => {
  let x = n * 7919 + 1;
  const rows = Array.from({ length: 400 }, (_, i) => {
    x = (x * 48271) % 2147483647;
    return `<p>row ${i}: ${x.toString(36)}</p>`;
  });
  return `<!DOCTYPE html><html><body>${rows.join("")}</body></html>`;
};

/**
 * What Next's send-payload does for a page it has whole, with generateEtags off: type, length, then end(payload).
 * `extra` headers are set too (an ETag of the page's own among them, for one test).
 */
const wholePage =
  (body: (path: string) => string, extra: Record<string, string> = {}, status = 200): Answer =>
  (req, res) => {
    const html = body(req.url ?? "/");
    res.statusCode = status;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    // As Next marks a page it read from its page cache; a first visit says MISS.
    for (const [k, v] of Object.entries({ "x-nextjs-cache": "HIT", ...extra })) res.setHeader(k, v);
    res.setHeader("Content-Length", Buffer.byteLength(html));
    if (req.method === "HEAD") return res.end(null);
    res.end(html);
  };

describe("compressOnce", () => {
  it("gzips a whole page once and sends the same bytes to the next client", async () => {
    const { front, get } = await serve(wholePage(() => page(1)));
    const first = await get("/a");
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(Number(first.headers["content-length"])).toBe(first.body.length);
    expect(first.body.length).toBeLessThan(page(1).length / 2);
    expect(gunzipSync(first.body).toString()).toBe(page(1));
    expect(first.headers.vary).toMatch(/Accept-Encoding/);
    const second = await get("/a");
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(front.stats).toEqual({ compressed: 1, reused: 1, tagged: 1, tagReused: 1 });
  });

  it("tags a whole page with a hash of it, and answers If-None-Match with that tag: 304, no body", async () => {
    const { get } = await serve(wholePage(() => page(5)));
    const first = await get("/p");
    expect(first.headers.etag).toBe(pageTag(page(5)));
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    for (const headers of [{ "if-none-match": first.headers.etag! }, { "if-none-match": `W/${first.headers.etag}` }]) {
      const again = await get("/p", { ...headers, "accept-encoding": "gzip" });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.headers["content-length"]).toBeUndefined();
    }
    const other = await get("/p", { "if-none-match": '"something-else"' });
    expect(other.status).toBe(200);
    expect(other.body.toString()).toBe(page(5));
    // A client that takes no gzip gets the same tag.
    expect(other.headers.etag).toBe(first.headers.etag);
  });

  it("a page changed at the same address gets a new tag and its own gzip, never the old one's", async () => {
    let version = 6;
    const { front, get } = await serve(wholePage(() => page(version)));
    const before = await get("/same");
    version = 7;
    const after = await get("/same");
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.headers.etag).toBe(pageTag(page(7)));
    expect(gunzipSync(after.body).toString()).toBe(page(7));
    expect((await get("/same", { "if-none-match": before.headers.etag! })).status).toBe(200);
    expect(front.stats).toEqual({ compressed: 2, reused: 0, tagged: 2, tagReused: 1 });
  });

  it("tags and gzips a first visit (not from the page cache) but keeps neither: a crawl fills no store", async () => {
    const { front, get } = await serve(wholePage((path) => page(Number(path.slice(1))), { "x-nextjs-cache": "MISS" }));
    for (const n of [11, 12, 11]) {
      const r = await get(`/${n}`);
      expect(r.headers.etag).toBe(pageTag(page(n)));
      expect(r.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(r.body).toString()).toBe(page(n));
      expect((await get(`/${n}`, { "if-none-match": r.headers.etag! })).status).toBe(304);
    }
    expect(front.heldBytes()).toBe(0);
    expect(front.taggedCount()).toBe(0);
    expect(front.stats).toEqual({ compressed: 0, reused: 0, tagged: 0, tagReused: 0 });
  });

  it("keeps an ETag the page set itself", async () => {
    const { front, get } = await serve(wholePage(() => page(8), { ETag: '"its-own"' }));
    const r = await get("/");
    expect(r.headers.etag).toBe('"its-own"');
    expect(gunzipSync(r.body).toString()).toBe(page(8));
    expect(front.stats.tagged).toBe(0);
  });

  it("remembers the tags of a bounded number of addresses", async () => {
    const { front, get } = await serve(
      wholePage((path) => page(Number(path.slice(1)))),
      { taggedPages: 3 },
    );
    for (const n of [1, 2, 3, 4, 1]) await get(`/${n}`);
    expect(front.taggedCount()).toBe(3);
    // /1 had been let go when /4 came: it was hashed again.
    expect(front.stats).toMatchObject({ tagged: 5, tagReused: 0 });
    await get("/4");
    expect(front.stats).toMatchObject({ tagged: 5, tagReused: 1 });
  });

  it("sends a client that takes no gzip the page as it is", async () => {
    const { front, get } = await serve(wholePage(() => page(2)));
    for (const encoding of ["identity", "br", "gzip;q=0"]) {
      const r = await get("/", { "accept-encoding": encoding });
      expect(r.headers["content-encoding"], encoding).toBeUndefined();
      expect(r.body.toString(), encoding).toBe(page(2));
    }
    expect(front.stats).toMatchObject({ compressed: 0, reused: 0 });
  });

  it("leaves to the middleware what is not a whole page: streamed, not HTML, a 404, a HEAD", async () => {
    const streamed: Answer = (_req, res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("ETag", '"x"');
      res.write(page(3).slice(0, 5000));
      res.end(page(3).slice(5000));
    };
    for (const answer of [streamed, wholePage(() => page(3), {}, 404)]) {
      const { front, get } = await serve(answer);
      const r = await get("/");
      expect(r.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(r.body).toString()).toBe(page(3));
      expect(front.stats).toEqual({ compressed: 0, reused: 0, tagged: 0, tagReused: 0 });
    }
    const json = await serve((_req, res) => {
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ page: page(3) }));
    });
    const r = await json.get("/");
    expect(r.headers.etag).toBeUndefined();
    expect(JSON.parse(gunzipSync(r.body).toString())).toEqual({ page: page(3) });
    expect(json.front.stats).toEqual({ compressed: 0, reused: 0, tagged: 0, tagReused: 0 });
    const head = await serve(wholePage(() => page(3)));
    const h = await head.get("/", undefined, "HEAD");
    expect(h.status).toBe(200);
    expect(h.body.length).toBe(0);
    expect(head.front.stats).toEqual({ compressed: 0, reused: 0, tagged: 0, tagReused: 0 });
  });

  it("never compresses a page that says no-transform", async () => {
    const { front, get } = await serve(wholePage(() => page(4), { "Cache-Control": "public, no-transform" }));
    const r = await get("/");
    expect(r.headers["content-encoding"]).toBeUndefined();
    expect(r.body.toString()).toBe(page(4));
    expect(front.stats).toMatchObject({ compressed: 0, reused: 0 });
  });

  it("keeps each page apart, and no more bytes than its bound, the least recently sent going first", async () => {
    const one = gzipSync(Buffer.from(page(1))).length;
    const bound = Math.round(2.5 * one);
    const { front, get } = await serve(
      wholePage((path) => page(Number(path.slice(1)))),
      { maxBytes: bound },
    );
    expect((await get("/1")).body.length).toBe(one);
    expect(gunzipSync((await get("/2")).body).toString()).toBe(page(2));
    expect(front.heldBytes()).toBeLessThanOrEqual(bound);
    // /1 was the older: /3 pushes it out, /2 stays.
    await get("/2");
    await get("/3");
    expect(front.heldBytes()).toBeLessThanOrEqual(bound);
    expect(front.stats).toMatchObject({ compressed: 3, reused: 1 });
    await get("/2");
    expect(front.stats.reused).toBe(2);
    await get("/1");
    expect(front.stats.compressed).toBe(4);
    expect(gunzipSync((await get("/1")).body).toString()).toBe(page(1));
  });
});

describe("acceptsGzip", () => {
  it("reads Accept-Encoding as the middleware would for gzip", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("deflate, gzip;q=0.5")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("*;q=0, gzip")).toBe(true);
    expect(acceptsGzip("br, deflate")).toBe(false);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
