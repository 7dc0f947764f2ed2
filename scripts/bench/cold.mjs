// First visits, as crawlers and visitors from search engines make them: record pages each requested once, which the
// page cache cannot have kept (the autocannon scenarios request one URL for 10 s and so measure the cache). Three
// measurements in one run, with the same client:
//   - a crawl: N organization and institution URLs, each once, at a fixed concurrency, with a static file fetched N
//     times by the same client at the same concurrency right before it (the ratio's baseline);
//   - the server's CPU per page one at a time: M more URLs, one after another, each page's CPU time read from the
//     kernel for the Node server's threads and for the database server processes that serve it (/proc schedstat);
//   - the HTML's size per page;
//   - the search page with distinct words, and the type-ahead API with distinct prefixes, each asked once;
//   - the crawl's pages asked again at the same concurrency: how many the bounded page cache still held, at what
//     speed, and the disk the crawl added to it (a page's share, for the 185,000 of the world);
//   - the framework's floor: an empty page under the site's layout (app/[locale]/bench-floor, which the bench's server
//     serves with BENCH_FLOOR_PAGE=1), each address once, so rendered and kept like a record page on its first visit;
//     crawled and one at a time like the pages, so a page's distance to it is its own.
// Used by scripts/bench.mjs; the URLs are chosen at random each run, so a run never measures pages an earlier run
// left in the cache (a clash is 1 in 185 for a thousand pages of the world database). A `seed` (0 ≤ seed < 1) picks
// the same pages again: two builds, each served with its own empty cache, are compared on the same pages.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { processTree } from "./http.mjs";

const headers = { accept: "text/html", "accept-encoding": "gzip, br" };

/** Numbers in [0, 1) that follow from `seed` alone (mulberry32), so one seed picks and orders the same pages again. */
function seededRandom(seed) {
  let state = Math.floor(seed * 2 ** 32) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 10) / 10 : null;
};
const spread = (xs) => ({ p50: percentile(xs, 50), p99: percentile(xs, 99), max: percentile(xs, 100) });

/** CPU time run so far by every thread of these processes, in milliseconds (schedstat: nanoseconds on a CPU). */
function cpuMs(pids) {
  let ns = 0;
  for (const pid of pids) {
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        // the thread ended while we looked
      }
    }
  }
  return ns / 1e6;
}

/** Fetch every URL once with `connections` requests in flight; each request's time, status and body size. */
async function crawl(urls, connections, expected = 200) {
  const results = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++];
      const t = performance.now();
      try {
        const res = await fetch(url, { headers, redirect: "manual" });
        const body = await res.arrayBuffer();
        const hit = res.headers.get("x-nextjs-cache") === "HIT";
        results.push({ ms: performance.now() - t, status: res.status, bytes: body.byteLength, hit });
      } catch (error) {
        results.push({ ms: performance.now() - t, status: 0, bytes: 0, error: String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  const ok = results.filter((r) => r.status === expected);
  return {
    requests: results.length,
    reqPerSec: Math.round((results.length / seconds) * 10) / 10,
    latencyMs: spread(results.map((r) => r.ms)),
    errors: results.length - ok.length,
    htmlKB: spread(ok.map((r) => r.bytes / 1024)),
    fromCache: results.filter((r) => r.hit).length,
  };
}

/** The files of the local page cache (one instance, no Redis) and the disk they take, counted in blocks as du does. */
function cacheOnDisk(dir) {
  let files = 0;
  let bytes = 0;
  try {
    for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!f.isFile() || !f.name.endsWith(".entry")) continue;
      try {
        bytes += statSync(path.join(f.parentPath, f.name)).blocks * 512;
        files++;
      } catch {
        // evicted while we counted
      }
    }
  } catch {
    return null;
  }
  return { files, bytes };
}

/**
 * `databaseUrl`: the world database (the record slugs, and the database processes whose CPU counts); `serverPid`:
 * the portal's server; `count`: the crawl's pages; `serial`: the pages measured one at a time; `seed`: which pages;
 * `cacheDir`: where the server's local page cache keeps its entries (null with Redis).
 */
export async function measureColdVisits({
  baseUrl,
  databaseUrl,
  serverPid,
  connections,
  count = 1000,
  serial = 100,
  searches = 300,
  seed = Math.random(),
  cacheDir = null,
}) {
  const random = seededRandom(seed);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let slugs;
  let words;
  let prefixes;
  try {
    await client.query("SELECT setseed($1)", [seed * 2 - 1]);
    // Organizations and institutions in the world's proportions, at random.
    const { rows } = await client.query(
      `(SELECT 'organizations' AS kind, slug FROM "Organization" ORDER BY random() LIMIT $1)
       UNION ALL (SELECT 'institutions', slug FROM "Institution" ORDER BY random() LIMIT $2)`,
      [Math.round((count + serial) * 0.4), Math.round((count + serial) * 0.6)],
    );
    // Shuffled by the seed (Fisher–Yates): the same seed splits the same pages between the crawl and the one at a time.
    slugs = rows;
    for (let i = slugs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [slugs[i], slugs[j]] = [slugs[j], slugs[i]];
    }
    // Distinct search words, as visitors type them: words the registry's names hold (atlas_name_words), at random.
    words = (
      await client.query(
        `SELECT word FROM atlas_name_words WHERE length(word) >= 4 AND word ~ '^[a-z]+$' ORDER BY random() LIMIT $1`,
        [searches],
      )
    ).rows.map((r) => r.word);
    // Type-ahead: the first 3 to 8 letters of random names, each prefix once.
    prefixes = [
      ...new Set(
        (
          await client.query(
            `SELECT name FROM "InstitutionName" WHERE name ~ '^[A-Za-z]{3}' ORDER BY random() LIMIT $1`,
            [searches * 2],
          )
        ).rows.map((r) => r.name.slice(0, 3 + Math.floor(random() * 6)).toLowerCase()),
      ),
    ].slice(0, searches);
  } finally {
    await client.end();
  }
  const urls = slugs.map((r) => `${baseUrl}/en/${r.kind}/${r.slug}`);
  const tag = Math.floor(seed * 1e9).toString(36);
  const crawlUrls = urls.slice(0, count);
  const serialUrls = urls.slice(count);

  const staticFile = await crawl(
    crawlUrls.map(() => `${baseUrl}/ping.txt`),
    connections,
  );
  const diskBefore = cacheDir ? cacheOnDisk(cacheDir) : null;
  const pages = await crawl(crawlUrls, connections);
  const diskAfter = cacheDir ? cacheOnDisk(cacheDir) : null;
  // The crawl's pages again, as the next crawler or the long tail's next visitor asks for them: what the bounded page
  // cache kept of a crawl, and what a page costs from it (from memory, or from disk once memory has let it go).
  const revisit = await crawl(crawlUrls, connections);
  const cacheGrowth =
    diskBefore && diskAfter
      ? {
          files: diskAfter.files - diskBefore.files,
          bytes: diskAfter.bytes - diskBefore.bytes,
          perPageKB: Math.round((diskAfter.bytes - diskBefore.bytes) / crawlUrls.length / 102.4) / 10,
        }
      : null;
  const search = await crawl(
    words.map((w) => `${baseUrl}/en/search?q=${encodeURIComponent(w)}`),
    connections,
  );
  // The floor: empty pages, each address once (the tag keeps them apart from any earlier run's, which the cache may
  // hold).
  const floorUrls = crawlUrls.map((_, i) => `${baseUrl}/en/bench-floor/${tag}-${i}`);
  const floor = await crawl(floorUrls, connections);
  if (floor.errors === floor.requests)
    throw new Error("The floor page (/en/bench-floor/…) is a 404: the server must run with BENCH_FLOOR_PAGE=1.");
  const typeAhead = await crawl(
    prefixes.map((p) => `${baseUrl}/api/v1/suggest?q=${encodeURIComponent(p)}&limit=8`),
    connections,
  );

  // One at a time: the server's CPU for each page, the database's included (its server processes for this database).
  const watcher = new pg.Client({ connectionString: databaseUrl });
  await watcher.connect();
  const backends = async () =>
    (
      await watcher.query(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      )
    ).rows.map((r) => r.pid);
  const node = processTree(serverPid);
  const oneAtATime = async (list, expected) => {
    const perPage = { server: [], database: [], html: [], ms: [] };
    for (const url of list) {
      const database = await backends();
      const before = { server: cpuMs(node), database: cpuMs(database) };
      const t = performance.now();
      const res = await fetch(url, { headers: { ...headers, "accept-encoding": "identity" }, redirect: "manual" });
      const body = await res.arrayBuffer();
      perPage.ms.push(performance.now() - t);
      // A connection the pool opened for this page is counted from its start (its whole run was this page).
      const after = { server: cpuMs(node), database: cpuMs(await backends()) };
      perPage.server.push(after.server - before.server);
      perPage.database.push(Math.max(0, after.database - before.database));
      if (res.status === expected) perPage.html.push(body.byteLength / 1024);
    }
    return {
      count: list.length,
      latencyMs: spread(perPage.ms),
      serverCpuMs: spread(perPage.server),
      databaseCpuMs: spread(perPage.database),
      htmlKB: spread(perPage.html),
    };
  };
  let pagesOneAtATime;
  let floorSerial;
  try {
    pagesOneAtATime = await oneAtATime(serialUrls, 200);
    // Addresses of their own: the crawl's are kept in the page cache now.
    floorSerial = await oneAtATime(
      serialUrls.map((_, i) => `${baseUrl}/en/bench-floor/${tag}-alone-${i}`),
      200,
    );
  } finally {
    await watcher.end();
  }
  return {
    count,
    connections,
    staticFile,
    pages,
    ratio: staticFile.reqPerSec ? Math.round((pages.reqPerSec / staticFile.reqPerSec) * 1000) / 1000 : null,
    revisit,
    cacheGrowth,
    search,
    typeAhead,
    floor,
    oneAtATime: pagesOneAtATime,
    floorOneAtATime: floorSerial,
  };
}
