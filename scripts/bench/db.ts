// Database side of `npm run bench`: run the data layer's search and facet functions against the world
// database, time every SQL statement they send (p50/p99 per kind), and EXPLAIN them to show index use.
// Run by scripts/bench.mjs as: node --import tsx --import ./scripts/bench/register.mjs scripts/bench/db.ts
// with DATABASE_URL naming the world database. Prints one JSON line.
import pg from "pg";
import type { OrganizationSearch, InstitutionSearch } from "../../lib/validation/search.ts";

type Call = { text: string; values: unknown[]; ms: number };
const calls: Call[] = [];
let recording = false;

// Every statement goes through pg.Client#query (Prisma's pg adapter too): time it there, not around the
// data function, so pool waits and JS mapping are not counted as database time.
const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
  this: pg.Client,
  ...args: unknown[]
) {
  if (!recording) return original.apply(this, args);
  const started = performance.now();
  const config = args[0] as string | { text: string; values?: unknown[] };
  const text = typeof config === "string" ? config : config.text;
  const values = ((typeof config === "string" ? args[1] : config.values) ?? []) as unknown[];
  const record = () => calls.push({ text, values, ms: performance.now() - started });
  // pg.Pool#query calls the client with a callback; direct callers get a promise.
  const last = args.length - 1;
  if (typeof args[last] === "function") {
    const callback = args[last] as (...a: unknown[]) => void;
    args[last] = (...a: unknown[]) => {
      record();
      callback(...a);
    };
    return original.apply(this, args);
  }
  const result = original.apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === "function")
    (result as Promise<unknown>).then(record, () => {});
  return result;
};

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10 : null;
};

// Organizations: the page ("search") and one statement for the total and all facets ("facet"; see
// lib/data/organizations/list.ts). Institutions: the page, then each facet.
const kindOf = (text: string) =>
  /WITH matched|GROUP BY value|"OrganizationFacetCount"/.test(text)
    ? "facet"
    : /ORDER BY/.test(text) && /LIMIT/.test(text) && !/"public"\./.test(text)
      ? "search"
      : "rows";

type Plan = { "Node Type": string; "Index Name"?: string; "Relation Name"?: string; Plans?: Plan[] };
function planIndexes(plan: Plan, out = { indexes: new Set<string>(), seqScans: new Set<string>() }) {
  if (plan["Index Name"]) out.indexes.add(plan["Index Name"]);
  if (plan["Node Type"] === "Seq Scan" && plan["Relation Name"]) out.seqScans.add(plan["Relation Name"]);
  for (const p of plan.Plans ?? []) planIndexes(p, out);
  return out;
}

async function main() {
  const runs = Number(process.env.BENCH_DB_RUNS ?? 30);
  const { listOrganizations } = await import("../../lib/data/organizations/list.ts");
  const { listInstitutions } = await import("../../lib/data/institutions/list.ts");
  const { suggest } = await import("../../lib/data/search/suggest.ts");
  const org = (s: Partial<OrganizationSearch>): OrganizationSearch =>
    ({ sort: "relevance", page: 1, pageSize: 20, ...s }) as OrganizationSearch;
  const inst = (s: Partial<InstitutionSearch>): InstitutionSearch =>
    ({ sort: "name", page: 1, pageSize: 20, ...s }) as InstitutionSearch;
  const scenarios: { name: string; run: () => Promise<unknown> }[] = [
    { name: "organizations: q=medical", run: () => listOrganizations(org({ q: "medical" }), "en") },
    { name: "organizations: q=联盟 (zh)", run: () => listOrganizations(org({ q: "联盟" }), "zh") },
    {
      name: "organizations: q=health, country=CN",
      run: () => listOrganizations(org({ q: "health", country: "CN" }), "en"),
    },
    {
      name: "organizations: facets kind=NETWORK, country=DE",
      run: () => listOrganizations(org({ kind: "NETWORK", country: "DE" }), "en"),
    },
    { name: "organizations: browse all (no filter)", run: () => listOrganizations(org({}), "en") },
    { name: "institutions: q=university", run: () => listInstitutions(inst({ q: "university" }), "en") },
    // The directory of the world's universities is part of the world (scripts/world.ts loads it): the searches
    // a visitor or a person signing up makes for a real university, and the directory-only facet.
    { name: "institutions: q=xi'an jiaotong", run: () => listInstitutions(inst({ q: "xi'an jiaotong" }), "en") },
    { name: "institutions: q=大学 (zh)", run: () => listInstitutions(inst({ q: "大学" }), "zh") },
    {
      name: "institutions: coverage=directory, country=CN",
      run: () => listInstitutions(inst({ coverage: "directory", country: "CN" }), "en"),
    },
    {
      name: "institutions: q=technology, coverage=listed",
      run: () => listInstitutions(inst({ q: "technology", coverage: "listed" }), "en"),
    },
    { name: "type-ahead: q=xjtu", run: () => suggest({ q: "xjtu", locale: "en", limit: 8 }) },
    { name: "type-ahead: q=tsinghua univ", run: () => suggest({ q: "tsinghua univ", locale: "en", limit: 8 }) },
  ];
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const results = [];
  for (const scenario of scenarios) {
    await scenario.run();
    calls.length = 0;
    recording = true;
    const wall: number[] = [];
    // Up to `runs` calls, but no more than ~15 s per scenario (and at least 3): slow cases still finish.
    const budget = performance.now() + 15_000;
    for (let i = 0; i < runs && (i < 3 || performance.now() < budget); i++) {
      const t = performance.now();
      await scenario.run();
      wall.push(performance.now() - t);
    }
    recording = false;
    await new Promise((r) => setTimeout(r, 50));
    const byKind: Record<string, { p50: number | null; p99: number | null; max: number | null; count: number }> = {};
    for (const kind of ["search", "facet", "rows"]) {
      const ms = calls.filter((c) => kindOf(c.text) === kind).map((c) => c.ms);
      if (ms.length)
        byKind[kind] = {
          p50: percentile(ms, 50),
          p99: percentile(ms, 99),
          max: percentile(ms, 100),
          count: ms.length / wall.length,
        };
    }
    const explained: Record<string, { indexes: string[]; seqScans: string[] }> = {};
    for (const kind of ["search", "facet"]) {
      const call = calls.find((c) => kindOf(c.text) === kind);
      if (!call) continue;
      const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${call.text}`, call.values);
      const found = planIndexes((rows[0]["QUERY PLAN"] as { Plan: Plan }[])[0]!.Plan);
      explained[kind] = { indexes: [...found.indexes].sort(), seqScans: [...found.seqScans].sort() };
    }
    results.push({
      name: scenario.name,
      wall: { p50: percentile(wall, 50), p99: percentile(wall, 99), max: percentile(wall, 100) },
      queries: byKind,
      explain: explained,
      runs: wall.length,
    });
  }
  await client.end();
  console.log(JSON.stringify(results));
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
