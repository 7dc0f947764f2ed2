// The whole-registry downloads (/api/v1/export/{file}) stream the dataset a batch at a time: every file, in every
// format, is byte for byte what the whole dataset loaded at once renders to, whatever the batch size; the stream
// reads a batch only when its reader asks; the ETag is the data's version (304, HEAD without a body or a record
// read), and bad input is refused as before.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const { loadOpenDataset } = await import("@/lib/data/open/datasets");
const {
  DATASET_READS_AT_ONCE,
  datasetReads,
  institutionBatchesWithMemberships,
  loadOpenDatasetSummary,
  openDatasetBatches,
} = await import("@/lib/data/open/dataset-batches");
const { datasetDownload } = await import("@/lib/open-data/downloads");
const { DATASET_FILES, datasetFileChunks, renderExport, renderQuickStatements } = await import(
  "@/lib/open-data/formats"
);
const { apiGet, pullStream } = await import("@/lib/open-data/http");
const { env } = await import("@/lib/env");
const { db } = await import("@/lib/data/db");
const { GET } = await import("@/app/api/v1/export/[file]/route");

const prisma = testPrisma();
const site = env().SITE_URL.replace(/\/$/, "");

// Batches of 3 organizations and memberships; the 10,000 institutions of the directory in batches of 250 (40 of them,
// where 3 would take 3,334 batches of seven statements each: minutes).
const SMALL = { organizations: 3, institutions: 250, memberships: 3 };

// The seed names no organization's Wikidata item, so its QuickStatements file would be empty: give eight memberships
// items on both sides, and half of them an earlier period (their lines come last): four in each group of the file's
// order, more than a batch of 3.
const QIDS = Array.from({ length: 16 }, (_, i) => `Q${9_700_001 + i}`);
type Item = { id: string; wikidataId: string | null };
const before: { organizations: Item[]; institutions: Item[] } = { organizations: [], institutions: [] };
const periods: string[] = [];
beforeAll(async () => {
  const chosen = await prisma.membership.findMany({
    select: { id: true, organizationId: true, institutionId: true, sourceId: true },
    orderBy: { id: "asc" },
    take: 8,
  });
  expect(chosen).toHaveLength(8);
  const select = { id: true, wikidataId: true } as const;
  before.organizations = await prisma.organization.findMany({
    where: { id: { in: chosen.map((m) => m.organizationId) } },
    select,
  });
  before.institutions = await prisma.institution.findMany({
    where: { id: { in: chosen.map((m) => m.institutionId) } },
    select,
  });
  const items = [...QIDS];
  for (const { id } of before.organizations)
    await prisma.organization.update({ where: { id }, data: { wikidataId: items.shift() } });
  for (const { id } of before.institutions)
    await prisma.institution.update({ where: { id }, data: { wikidataId: items.shift() } });
  for (const m of chosen.filter((_, i) => i % 2 === 0)) {
    const period = await prisma.membershipPeriod.create({
      data: {
        membershipId: m.id,
        joinedOn: new Date("2005-01-01T00:00:00Z"),
        joinedPrecision: "YEAR",
        endedOn: new Date("2012-06-01T00:00:00Z"),
        endedPrecision: "MONTH",
        sourceId: m.sourceId,
      },
    });
    periods.push(period.id);
  }
});

afterAll(async () => {
  await prisma.membershipPeriod.deleteMany({ where: { id: { in: periods } } });
  for (const { id, wikidataId } of before.organizations)
    await prisma.organization.update({ where: { id }, data: { wikidataId } });
  for (const { id, wikidataId } of before.institutions)
    await prisma.institution.update({ where: { id }, data: { wikidataId } });
  await prisma.$disconnect();
  await db().$disconnect();
});

type Dataset = Awaited<ReturnType<typeof loadOpenDataset>>;

/** The file as the dataset loaded whole renders it (the rendering the downloads had before they streamed). */
function whole(d: Dataset, file: (typeof DATASET_FILES)[number]): string {
  if (file === "wikidata.qs") return renderQuickStatements(d);
  const [table, format] = file.split(".") as ["dataset" | "organizations" | "institutions", "csv" | "json" | "jsonld"];
  return renderExport(d, table, format, site)!;
}

/** The route's GET (the real one, or one with other batch sizes), as Next calls it. */
const route = (batchSize?: number | typeof SMALL) =>
  batchSize === undefined
    ? GET
    : apiGet(async (request, { params }: { params: Promise<{ file: string }> }) =>
        datasetDownload((await params).file, { bom: new URL(request.url).searchParams.get("bom") === "1" }, batchSize),
      );

const call = (file: string, init: RequestInit & { query?: string; batchSize?: number | typeof SMALL } = {}) =>
  route(init.batchSize)(new Request(`http://localhost/api/v1/export/${file}${init.query ?? ""}`, init), {
    params: Promise.resolve({ file }),
  });

/** The body's bytes and how many chunks the stream gave them in. */
async function drain(response: Response): Promise<{ bytes: Buffer; chunks: number }> {
  const reader = response.body!.getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

describe("every whole-registry file, streamed", () => {
  it("is byte for byte the whole dataset's rendering, in small batches (many joined) and of 10,000", async () => {
    const d = await loadOpenDataset({ kind: "all" });
    // Each kind spans several small batches.
    expect(d.organizations.length).toBeGreaterThan(3 * SMALL.organizations);
    expect(d.institutions.length).toBeGreaterThan(3 * SMALL.institutions);
    expect(d.memberships.length).toBeGreaterThan(3 * SMALL.memberships);
    // The QuickStatements file holds the fixture's lines: one period's first, then the others' periods in turn.
    const lines = renderQuickStatements(d).trimEnd().split("\n");
    const several = lines.findIndex((l) => l.includes("period 1 of 2"));
    expect(several).toBeGreaterThanOrEqual(4);
    expect(lines.slice(several).filter((l) => /period \d of 2/.test(l)).length).toBe(lines.length - several);
    expect(lines.filter((l) => l.includes("period 2 of 2")).length).toBeGreaterThanOrEqual(4);
    for (const file of DATASET_FILES) {
      const expected = Buffer.from(whole(d, file), "utf8");
      const small = await drain(await call(file, { batchSize: SMALL }));
      const large = await drain(await call(file, { batchSize: 10_000 }));
      const served = await drain(await call(file));
      // toBe on the strings would print megabytes on failure: compare, then say which file.
      expect(small.bytes.equals(expected), `${file} in small batches`).toBe(true);
      expect(large.bytes.equals(expected), `${file} in batches of 10,000`).toBe(true);
      expect(served.bytes.equals(expected), `${file} as the route serves it`).toBe(true);
      // Small batches gave the file in many pieces; a batch of 10,000 holds every row of a table at once.
      expect(small.chunks, file).toBeGreaterThan(large.chunks);
    }
    // 18 downloads of the seeded registry (10,000 directory institutions): seconds alone, more beside the browser
    // phases of npm test.
  }, 180_000);

  it("an empty dataset's files are the empty dataset's renderings too", async () => {
    const empty: Dataset = { scope: { kind: "all" }, modifiedAt: "1970-01-01T00:00:00.000Z", ...emptyTables() };
    const batches = {
      summary: { modifiedAt: empty.modifiedAt, counts: { organizations: 0, institutions: 0, memberships: 0 } },
      organizations: nothing,
      institutions: nothing,
      institutionsWithMemberships: nothing,
      memberships: nothing,
    };
    for (const file of DATASET_FILES) {
      let text = "";
      for await (const chunk of datasetFileChunks(batches, file, site)) text += chunk;
      expect(text, file).toBe(whole(empty, file));
    }
  });

  it("institutions with their memberships: at most 250 a batch, and 3 memberships unless alone", async () => {
    const d = await loadOpenDataset({ kind: "all" });
    const institutions: string[] = [];
    const memberships: string[] = [];
    let cut = 0;
    for await (const batch of institutionBatchesWithMemberships(250, 3)) {
      expect(batch.institutions.length).toBeLessThanOrEqual(250);
      if (batch.institutions.length > 1) expect(batch.memberships.length).toBeLessThanOrEqual(3);
      if (batch.institutions.length < 250) cut += 1;
      const slugs = new Set(batch.institutions.map((i) => i.slug));
      expect(batch.memberships.every((m) => slugs.has(m.institution.slug))).toBe(true);
      institutions.push(...batch.institutions.map((i) => i.slug));
      memberships.push(...batch.memberships.map((m) => m.id));
    }
    expect(institutions).toEqual(d.institutions.map((i) => i.slug));
    expect(memberships.sort()).toEqual(d.memberships.map((m) => m.id).sort());
    // The memberships, not the 250, ended several batches (the last one aside).
    expect(cut).toBeGreaterThan(2);
  });
});

function emptyTables() {
  return { organizations: [], institutions: [], memberships: [] };
}
async function* nothing(): AsyncGenerator<never> {}

describe("the stream reads as it is read", () => {
  it("after the first chunks only the first batch has been read; cancelling stops the reading", async () => {
    const source = openDatasetBatches(await loadOpenDatasetSummary(), SMALL);
    let read = 0;
    let finished = false;
    const counted = {
      ...source,
      memberships: async function* () {
        try {
          for await (const batch of source.memberships()) {
            read += 1;
            yield batch;
          }
        } finally {
          finished = true;
        }
      },
    };
    const total = Math.ceil(source.summary.counts.memberships / 3);
    expect(total).toBeGreaterThan(3);
    const reader = pullStream(datasetFileChunks(counted, "dataset.csv", site)).getReader();
    const header = await reader.read();
    expect(new TextDecoder().decode(header.value)).toMatch(/^id,institution_slug,/);
    expect(read).toBe(0);
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).split("\r\n").filter(Boolean)).toHaveLength(3);
    expect(read).toBe(1);
    await reader.cancel();
    expect(finished).toBe(true);
    expect(read).toBe(1);
  });
});

describe("many downloads at once", () => {
  it(`take turns at the database: at most DATASET_READS_AT_ONCE batch reads in flight, \
and each download still gets every row, in order`, async () => {
    const source = openDatasetBatches(await loadOpenDatasetSummary(), SMALL);
    const ids = async () => {
      const got: string[] = [];
      for await (const batch of source.memberships()) got.push(...batch.map((m) => m.id));
      return got;
    };
    const alone = await ids();
    expect(alone.length).toBe(source.summary.counts.memberships);
    let inFlight = 0;
    let most = 0;
    const statements = await statementsOf(
      async () => {
        const together = await Promise.all(Array.from({ length: 6 }, ids));
        for (const got of together) expect(got).toEqual(alone);
      },
      (settled) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        settled.then(
          () => (inFlight -= 1),
          () => (inFlight -= 1),
        );
      },
    );
    expect(statements.filter((s) => /FROM "public"\."Membership"/.test(s)).length).toBeGreaterThan(6 * 3);
    // Six downloads would otherwise read six batches at once (six of the pool's connections).
    expect(most).toBe(DATASET_READS_AT_ONCE);
    expect(datasetReads.peak).toBe(DATASET_READS_AT_ONCE);
    expect(datasetReads.active).toBe(0);
  });
});

// Every statement node-postgres sends from this process (Prisma's adapter goes through pg.Client.query), and
// optionally each one's promise as it is sent.
async function statementsOf(
  run: () => Promise<unknown>,
  sent?: (settled: PromiseLike<unknown>) => void,
): Promise<string[]> {
  const statements: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    statements.push(typeof first === "string" ? first : ((first as { text?: string })?.text ?? ""));
    // pg.Pool passes a callback (Prisma's adapter queries through the pool); a client used alone returns a promise.
    const callback = args.at(-1);
    if (sent && typeof callback === "function") {
      let settle: () => void = () => {};
      sent(new Promise<void>((resolve) => (settle = resolve)));
      args[args.length - 1] = (...result: unknown[]) => {
        settle();
        return (callback as (...r: unknown[]) => unknown)(...result);
      };
    }
    const answer = (query as (...a: unknown[]) => unknown).apply(this, args);
    if (sent && typeof callback !== "function" && answer && typeof (answer as PromiseLike<unknown>).then === "function")
      sent(answer as PromiseLike<unknown>);
    return answer;
  } as typeof query;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = query;
  }
  return statements;
}

describe("ETag, 304 and HEAD", () => {
  it("the ETag is the same each time, differs by file and bom; If-None-Match gives a 304 without a body", async () => {
    const first = await call("dataset.csv");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    await first.body?.cancel();
    const again = await call("dataset.csv", { method: "HEAD" });
    expect(again.headers.get("etag")).toBe(etag);
    const tags = new Set<string>();
    for (const file of DATASET_FILES) tags.add((await call(file, { method: "HEAD" })).headers.get("etag")!);
    tags.add((await call("dataset.csv", { method: "HEAD", query: "?bom=1" })).headers.get("etag")!);
    expect(tags.size).toBe(DATASET_FILES.length + 1);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const cached = await call("dataset.csv", { headers: { "If-None-Match": ifNoneMatch } });
      expect(cached.status, ifNoneMatch).toBe(304);
      expect(cached.body).toBeNull();
      expect(cached.headers.get("etag")).toBe(etag);
      expect(cached.headers.get("content-disposition")).toBeNull();
    }
    const other = await call("dataset.csv", { headers: { "If-None-Match": '"other"' } });
    expect(other.status).toBe(200);
    await other.body?.cancel();
  });

  it("another build of the portal gives another ETag for the same data (a deploy may write it anew)", async () => {
    const etag = async () => (await call("organizations.csv", { method: "HEAD" })).headers.get("etag");
    const dir = mkdtempSync(path.join(tmpdir(), "atlas-build-"));
    // env() is parsed once per process: the test moves the parsed value, as another build's process would have it.
    const before = env().NEXT_DIST_DIR;
    try {
      const tags = [await etag()];
      for (const id of ["build-one", "build-two"]) {
        mkdirSync(path.join(dir, id));
        writeFileSync(path.join(dir, id, "BUILD_ID"), id);
        env().NEXT_DIST_DIR = path.relative(process.cwd(), path.join(dir, id));
        tags.push(await etag(), await etag());
      }
      expect(tags[1]).toBe(tags[2]);
      expect(tags[3]).toBe(tags[4]);
      expect(new Set([tags[0], tags[1], tags[3]]).size).toBe(3);
    } finally {
      env().NEXT_DIST_DIR = before;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a change, and a deletion that leaves the last change where it was, each give a new ETag", async () => {
    const etag = async () => (await call("organizations.csv", { method: "HEAD" })).headers.get("etag");
    const before = await etag();
    const make = (n: number) =>
      prisma.organization.create({
        data: {
          slug: `streamed-etag-${n}-${Date.now()}`,
          kind: "ALLIANCE",
          names: { create: [{ locale: "en", name: `Streamed ETag ${n}` }] },
        },
      });
    const a = await make(1);
    const afterA = await etag();
    const b = await make(2);
    const afterB = await etag();
    await prisma.organization.delete({ where: { id: a.id } });
    const afterDelete = await etag();
    await prisma.organization.delete({ where: { id: b.id } });
    expect(new Set([before, afterA, afterB, afterDelete]).size).toBe(4);
    // Back to the data it was made from, the ETag is the one it was.
    expect(await etag()).toBe(before);
  });

  it("HEAD: the GET's status and headers, no body, and no record read (only the summary's statements)", async () => {
    const get = await call("dataset.jsonld");
    await get.body?.cancel();
    let head: Response | undefined;
    const statements = await statementsOf(async () => {
      head = await call("dataset.jsonld", { method: "HEAD" });
    });
    expect(head!.status).toBe(200);
    expect(head!.body).toBeNull();
    expect(Object.fromEntries(head!.headers)).toEqual(Object.fromEntries(get.headers));
    // What reads a table (a new connection's own statements aside).
    const reads = (list: string[]) => list.filter((s) => /FROM "public"\./.test(s)).sort();
    expect(reads(statements)).toEqual(reads(await statementsOf(() => loadOpenDatasetSummary())));
    expect(reads(statements)).toHaveLength(6);
    expect(statements.some((s) => /ORDER BY/.test(s))).toBe(false);
  });

  it("the download's headers: type, attachment name, licence, CORS and revalidation", async () => {
    const response = await call("wikidata.qs");
    await response.body?.cancel();
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="alliance-atlas-wikidata.qs.txt"');
    expect(response.headers.get("link")).toBe('<https://creativecommons.org/publicdomain/zero/1.0/>; rel="license"');
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    const json = await call("dataset.json", { method: "HEAD" });
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("content-disposition")).toBe('attachment; filename="alliance-atlas-dataset.json"');
  });
});

describe("bad input, as before", () => {
  it("bom=1 puts EF BB BF before the same CSV; on a file that is not CSV it is a 400", async () => {
    const plain = await drain(await call("organizations.csv", { batchSize: 3 }));
    const excel = await drain(await call("organizations.csv", { batchSize: 3, query: "?bom=1" }));
    expect([...excel.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(excel.bytes.subarray(3).equals(plain.bytes)).toBe(true);
    for (const file of ["wikidata.qs", "dataset.json", "dataset.jsonld"]) {
      const refused = await call(file, { query: "?bom=1" });
      expect(refused.status, file).toBe(400);
      expect(await refused.json()).toEqual({
        error: {
          code: "bad_request",
          message: "bom=1 applies to CSV files only.",
          details: { bom: ["bom=1 applies to CSV files only."] },
        },
      });
    }
  });

  it("an unknown file is the same 404, with or without bom", async () => {
    for (const file of ["organizations.json", "institutions.jsonld", "everything.zip", "DATASET.csv", "wikidata.txt"]) {
      for (const query of ["", "?bom=1"]) {
        const refused = await call(file, { query });
        expect(refused.status, file).toBe(404);
        expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
          `There is no download at /api/v1/export/${file}: use dataset.csv, dataset.json, dataset.jsonld, ` +
            "organizations.csv, institutions.csv, wikidata.qs, datapackage.json, catalog.jsonld, or " +
            "organizations/{slug}.{csv|json|jsonld} and institutions/{slug}.{csv|json|jsonld}.",
        );
      }
    }
  });
});
