// The bench's results as Markdown tables (printed, written to bench/results.md and shown in the README).
const fmt = (v, unit = "") => (v === null || v === undefined ? "—" : `${v}${unit}`);

/**
 * How far first visits are from the framework's floor in the same run: server CPU per page one at a time (p50 against
 * p50) and pages per second in the crawls.
 */
function floorDistance(c) {
  const page = c.oneAtATime?.serverCpuMs?.p50;
  const floor = c.floorOneAtATime?.serverCpuMs?.p50;
  if (typeof page !== "number" || typeof floor !== "number" || !c.floor?.reqPerSec) return "";
  const extra = Math.round((page - floor) * 10) / 10;
  const times = floor > 0 ? Math.round((page / floor) * 10) / 10 : "—";
  const rate = Math.round((c.pages.reqPerSec / c.floor.reqPerSec) * 100) / 100;
  return (
    `A record page's own work: ${extra} ms of server CPU above the floor's (p50 against p50, ${times}× the floor); ` +
    `crawled, record pages come at ${rate}× the floor's pages per second.`
  );
}

export function formatResults(r) {
  const lines = [];
  const m = r.machine;
  lines.push(
    `Measured ${r.measuredAt.slice(0, 16).replace("T", " ")} UTC on ${m.cpus} × ${m.cpu}, ${m.memoryGB} GB, ` +
      `Node ${m.node}, ${m.postgres}; ` +
      `load average ${m.loadAverage?.before ?? "?"} before, ${m.loadAverage?.after ?? "?"} after;`,
  );
  lines.push(
    `world: ${r.world.organizations.toLocaleString("en")} organizations, ` +
      `${r.world.institutions.toLocaleString("en")} institutions` +
      (r.world.directory ? ` (${r.world.directory.toLocaleString("en")} of them from the directory), ` : ", ") +
      `${r.world.memberships.toLocaleString("en")} memberships;`,
  );
  lines.push(`autocannon ${r.settings.connections} connections × ${r.settings.duration} s per page.`, "");
  lines.push(
    "| page | req/s | × baseline | p50 ms | p99 ms | errors | RSS peak MB |",
    "|---|---:|---:|---:|---:|---:|---:|",
  );
  for (const h of r.http) {
    if (h.missing) lines.push(`| ${h.name} | missing: ${h.missing} | | | | | |`);
    else
      lines.push(
        `| ${h.name} \`${h.path}\` | ${h.reqPerSec} | ${fmt(h.ratio)} | ` +
          `${h.p50} | ${h.p99} | ${h.errors} | ${h.rssPeakMB} |`,
      );
  }
  lines.push(
    "",
    `Server memory: ${r.memory.idleMB} MB idle, ${r.memory.peakMB} MB peak in the runs above; ` +
      `the most it held at any time in the bench (VmHWM, first visits, the front, the approval and Lighthouse ` +
      `included): ${r.memory.highWaterMB ?? "not measured"} MB.`,
    "",
  );
  if (r.copies && !r.copies.missing) {
    lines.push(
      "Cached pages through Next alone, each against its own HTML saved as a file in `public/` and served by Next " +
        "(a second server of the same build), back to back, same client, same concurrency:",
      "",
      "| page | HTML KB | the file req/s | the page req/s | × the file | page p50 / p99 ms | file p50 / p99 ms |",
      "|---|---:|---:|---:|---:|---:|---:|",
      ...r.copies.rows.map(
        (c) =>
          `| ${c.name} \`${c.path}\` | ${c.htmlKB} | ${c.file.reqPerSec} | ${c.page.reqPerSec} | ${fmt(c.ratio)} | ` +
          `${c.page.p50} / ${c.page.p99} | ${c.file.p50} / ${c.file.p99} |`,
      ),
      "",
    );
  } else if (r.copies) lines.push(`Cached pages against their HTML as a file missing: ${r.copies.missing}`, "");
  if (r.cold && !r.cold.missing) {
    const c = r.cold;
    const three = (s) => `${fmt(s?.p50)} / ${fmt(s?.p99)} / ${fmt(s?.max)}`;
    const toStatic = (x) =>
      c.staticFile.reqPerSec ? Math.round((x.reqPerSec / c.staticFile.reqPerSec) * 1000) / 1000 : "—";
    const mb = (bytes) => Math.round(bytes / 104857.6) / 10;
    const gb = (bytes) => Math.round(bytes / 107374182.4) / 10;
    lines.push(
      `First visits: ${c.count} organization and institution pages, each requested once, ${c.connections} at a time, ` +
        "and the static file as often by the same client just before:",
      "",
      "| first visits | req/s | × static file | p50 / p99 / max ms | errors | HTML KB p50 / p99 / max |",
      "|---|---:|---:|---:|---:|---:|",
      `| static file | ${c.staticFile.reqPerSec} | 1 | ${three(c.staticFile.latencyMs)} | ${c.staticFile.errors} | |`,
      `| record pages | ${c.pages.reqPerSec} | ${fmt(c.ratio)} | ${three(c.pages.latencyMs)} | ${c.pages.errors} | ` +
        `${three(c.pages.htmlKB)} |`,
      ...(c.revisit
        ? [
            `| the same pages again (${c.revisit.fromCache} of ${c.revisit.requests} from the cache) | ` +
              `${c.revisit.reqPerSec} | ${toStatic(c.revisit)} | ${three(c.revisit.latencyMs)} | ` +
              `${c.revisit.errors} | |`,
          ]
        : []),
      ...[
        ["search page, distinct words", c.search],
        ["type-ahead API, distinct prefixes", c.typeAhead],
        ["framework floor: an empty page with the layout, first visits", c.floor],
      ]
        .filter(([, x]) => x)
        .map(
          ([name, x]) =>
            `| ${name} (${x.requests}) | ${x.reqPerSec} | ${toStatic(x)} | ${three(x.latencyMs)} | ${x.errors} | |`,
        ),
      "",
      ...(c.cacheGrowth
        ? [
            `The crawl added ${c.cacheGrowth.files} files and ${mb(c.cacheGrowth.bytes)} MB to the page cache's ` +
              `disk (blocks, as du counts them): ${c.cacheGrowth.perPageKB} KB a page, ` +
              `${gb(c.cacheGrowth.perPageKB * 185_000 * 1024)} GB for the world's ` +
              "185,000 record pages in one language, against a bound of `CACHE_DISK_MB` (1 GB unless set).",
            "",
          ]
        : []),
      `One at a time (${c.oneAtATime.count} more pages): time ${three(c.oneAtATime.latencyMs)} ms; server CPU ` +
        `${three(c.oneAtATime.serverCpuMs)} ms; database CPU ${three(c.oneAtATime.databaseCpuMs)} ms; ` +
        `HTML ${three(c.oneAtATime.htmlKB)} KB (p50 / p99 / max).`,
      ...(c.floorOneAtATime
        ? [
            "",
            `The framework's floor one at a time (${c.floorOneAtATime.count} empty pages with the site's layout, ` +
              `each on its first visit): time ${three(c.floorOneAtATime.latencyMs)} ms; server CPU ` +
              `${three(c.floorOneAtATime.serverCpuMs)} ms; ` +
              `database CPU ${three(c.floorOneAtATime.databaseCpuMs)} ms; ` +
              `HTML ${three(c.floorOneAtATime.htmlKB)} KB. ${floorDistance(c)}`,
          ]
        : []),
      "",
    );
  } else if (r.cold) lines.push(`First visits missing: ${r.cold.missing}`, "");
  if (r.front && !r.front.missing) {
    lines.push(
      "The caching front (nginx with deploy/nginx/): each page through its cache, and the same page's HTML saved as " +
        "a file that the same nginx serves itself, same client, same run:",
      "",
      "| page | HTML KB | file req/s | through the front req/s | × the file | front p50 / p99 ms |",
      "|---|---:|---:|---:|---:|---:|",
      ...r.front.rows.map(
        (f) =>
          `| ${f.name} \`${f.path}\` | ${f.htmlKB} | ${f.file.reqPerSec} | ${f.cached.reqPerSec} | ${fmt(f.ratio)} | ` +
          `${f.cached.p50} / ${f.cached.p99} |`,
      ),
      "",
    );
  } else if (r.front) lines.push(`Caching front missing: ${r.front.missing}`, "");
  if (Array.isArray(r.database)) {
    lines.push(
      "| database: data-layer call | call p50/p99/max ms | page SQL p50/p99/max ms " +
        "| total + facets SQL p50/p99/max ms | indexes EXPLAIN uses | seq scans |",
      "|---|---:|---:|---:|---|---|",
    );
    for (const d of r.database) {
      const q = (k) => (d.queries[k] ? `${d.queries[k].p50} / ${d.queries[k].p99} / ${fmt(d.queries[k].max)}` : "—");
      const idx = [...new Set(Object.values(d.explain).flatMap((e) => e.indexes))].join(", ") || "none";
      const seq = [...new Set(Object.values(d.explain).flatMap((e) => e.seqScans))].join(", ") || "none";
      const wall = `${d.wall.p50} / ${d.wall.p99} / ${fmt(d.wall.max)}`;
      lines.push(`| ${d.name} | ${wall} | ${q("search")} | ${q("facet")} | ${idx} | ${seq} |`);
    }
  } else lines.push(`Database measurements missing: ${r.database.missing}`);
  lines.push("");
  if (Array.isArray(r.lighthouse)) {
    lines.push(
      "| Lighthouse (desktop, median of 3) | performance | accessibility | best practices | SEO | JS KB (compressed) |",
      "|---|---:|---:|---:|---:|---:|",
    );
    for (const l of r.lighthouse)
      lines.push(
        `| ${l.name} \`${l.path}\` | ${l.performance} | ${l.accessibility} | ` +
          `${l.bestPractices} | ${l.seo} | ${l.jsKB} |`,
      );
    const failing = r.lighthouse.flatMap((l) =>
      (l.failing ?? []).map(
        (f) => `${l.name}: ${f.category} — ${f.title}${f.displayValue ? ` (${f.displayValue})` : ""}`,
      ),
    );
    if (failing.length) lines.push("", "Audits below 0.9 in any run:", ...failing.map((f) => `- ${f}`));
  } else lines.push(`Lighthouse missing: ${r.lighthouse.missing}`);
  if (r.approval)
    lines.push(
      "",
      r.approval.missing
        ? `Approved change → public page: missing (${r.approval.missing})`
        : `Approved change visible on the public page after at worst ${r.approval.worstMs} ms (${r.approval.how}).`,
    );
  if (r.matching) lines.push(formatMatching(r.matching), "");
  if (r.importer)
    lines.push(
      "",
      r.importer.missing ? `Importer: missing (${r.importer.missing})` : formatImporter(r.importer).trimEnd(),
    );
  return `${lines.join("\n")}\n`;
}

/** The importer's 200 KB adversarial pages (scripts/bench/import.ts). */
export function formatImporter(r) {
  const lines = [
    `Reading a ${r.length.toLocaleString("en")}-character adversarial page as a preview does ` +
      `(${r.readingRounds} rounds; every name "known"):`,
    "",
  ];
  lines.push(
    "| 200 KB page | read p50 / p99 / max ms | longest step ms | work per character | steps |",
    "|---|---:|---:|---:|---:|",
  );
  for (const x of r.reading)
    lines.push(`| ${x.name} | ${x.p50} / ${x.p99} / ${x.max} | ${x.longestStepMs} | ${x.workPerChar} | ${x.steps} |`);
  lines.push(
    "",
    `Whole previews through lib/data (reading, matching names in PostgreSQL, the draft; ${r.previewRounds} rounds):`,
    "",
  );
  lines.push("| 200 KB page | preview p50 / p99 / max ms | outcome |", "|---|---:|---|");
  for (const x of r.previews) lines.push(`| ${x.name} | ${x.p50} / ${x.p99} / ${x.max} | ${x.outcome} |`);
  return `${lines.join("\n")}\n`;
}

/** The labelled affiliations through the matcher (scripts/bench/matching.mjs). */
export function formatMatching(matching) {
  if (matching.missing) return `Affiliation matching: missing (${matching.missing})`;
  const lines = [
    "| affiliation matching (labelled set) | strings | precision | recall | TP / FP / FN " +
      "| p50 / p99 / max ms per string |",
    "|---|---:|---:|---:|---|---:|",
  ];
  for (const [name, m] of [
    ["seed + directory (the target: precision ≥ 0.95 at recall ≥ 0.85)", matching.seed],
    ["world (latency at scale)", matching.world],
  ]) {
    if (m.missing) lines.push(`| ${name} | missing: ${m.missing.split("\n").at(-1)} | | | | |`);
    else
      lines.push(
        `| ${name} | ${m.strings} | ${m.precision} | ${m.recall} | ${m.tp} / ${m.fp} / ${m.fn} | ` +
          `${m.latencyMs.p50} / ${m.latencyMs.p99} / ${m.latencyMs.max} |`,
      );
  }
  return lines.join("\n");
}
