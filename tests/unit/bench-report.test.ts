// The bench's report (scripts/bench/report.mjs): what a run measured, as the tables bench/results.md and the README
// show. A section the run skipped says so; the cached pages against their own HTML as a file, and the crawl's pages
// asked again, say what they measured.
import { describe, expect, it } from "vitest";
import { formatResults } from "../../scripts/bench/report.mjs";

const spread = (p50: number, p99: number, max: number) => ({ p50, p99, max });
const skipped = { missing: "skipped" };
const run = {
  machine: { cpus: 2, cpu: "AMD EPYC", memoryGB: 24, node: "v20.20.2", postgres: "PostgreSQL 15.20" },
  measuredAt: "2026-12-02T18:00:00.000Z",
  world: { organizations: 75000, institutions: 120237, memberships: 1000000 },
  settings: { connections: 10, duration: 10 },
  http: [],
  memory: { idleMB: 180, peakMB: 350, highWaterMB: 450 },
  database: skipped,
  importer: skipped,
  matching: skipped,
  approval: skipped,
  lighthouse: skipped,
  front: skipped,
  copies: {
    rows: [
      {
        name: "home",
        path: "/en",
        htmlKB: 88.1,
        page: { reqPerSec: 412, p50: 21, p99: 60, errors: 0 },
        file: { reqPerSec: 824, p50: 11, p99: 31, errors: 0 },
        ratio: 0.5,
      },
    ],
  },
  cold: {
    count: 1000,
    connections: 10,
    staticFile: { reqPerSec: 900, latencyMs: spread(9, 40, 60), errors: 0 },
    pages: { reqPerSec: 24, latencyMs: spread(400, 650, 760), errors: 0, htmlKB: spread(72, 216, 262) },
    ratio: 0.027,
    revisit: { requests: 1000, fromCache: 998, reqPerSec: 300, latencyMs: spread(30, 90, 120), errors: 0 },
    cacheGrowth: { files: 2400, bytes: 29_000_000, perPageKB: 28.3 },
    oneAtATime: {
      count: 100,
      latencyMs: spread(42, 259, 269),
      serverCpuMs: spread(44, 325, 483),
      databaseCpuMs: spread(4, 14.7, 16.7),
      htmlKB: spread(74, 226, 232),
    },
  },
};

describe("the bench's report", () => {
  it("gives each cached page beside its own HTML as a file, with the ratio", () => {
    const text = formatResults(run);
    expect(text).toContain("| home `/en` | 88.1 | 824 | 412 | 0.5 | 21 / 60 | 11 / 31 |");
  });

  it("gives the crawl's pages asked again: how many came from the cache, and the disk a page took", () => {
    const text = formatResults(run);
    expect(text).toContain("| the same pages again (998 of 1000 from the cache) | 300 | 0.333 | 30 / 90 / 120 | 0 | |");
    expect(text).toContain("The crawl added 2400 files and 27.7 MB to the page cache's disk");
    // 28.3 KB × 185,000 = 5.0 GB.
    expect(text).toContain("28.3 KB a page, 5 GB for the world's 185,000 record pages");
  });

  it("gives the framework's floor (an empty page's first visits) and each record page's distance to it", () => {
    const text = formatResults({
      ...run,
      cold: {
        ...run.cold,
        floor: { requests: 1000, reqPerSec: 80, latencyMs: spread(110, 200, 240), errors: 0 },
        floorOneAtATime: {
          count: 100,
          latencyMs: spread(12, 30, 41),
          serverCpuMs: spread(14, 28, 90),
          databaseCpuMs: spread(0, 0.4, 1),
          htmlKB: spread(14, 14, 14),
        },
      },
    });
    expect(text).toContain(
      "| framework floor: an empty page with the layout, first visits (1000) | 80 | 0.089 | 110 / 200 / 240 | 0 | |",
    );
    expect(text).toContain("(100 empty pages with the site's layout, each on its first visit)");
    // 44 ms against 14 ms; 24 pages/s against 80.
    expect(text).toContain(
      "A record page's own work: 30 ms of server CPU above the floor's (p50 against p50, 3.1× the floor)",
    );
    expect(text).toContain("crawled, record pages come at 0.3× the floor's pages per second.");
  });

  it("says which parts a run skipped instead of leaving them out", () => {
    const text = formatResults({ ...run, copies: { missing: "skipped (--skip-copies)" } });
    expect(text).toContain("Cached pages against their HTML as a file missing: skipped (--skip-copies)");
  });
});
