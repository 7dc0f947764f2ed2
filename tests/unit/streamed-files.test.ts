// The whole-registry files written a batch at a time (no database): the incremental JSON writer gives what
// JSON.stringify gives; every file from batches of one record is the whole dataset's rendering; the byte stream
// reads a chunk only when asked for one, and stops reading when cancelled.
import { describe, expect, it } from "vitest";
import type { OpenDataset } from "@/lib/data/open/datasets";
import type { OpenDatasetBatches, OpenMembershipFilter } from "@/lib/data/open/dataset-batches";
import { DATASET_FILES, datasetFileChunks, renderExport, renderQuickStatements } from "@/lib/open-data/formats";
import { pullStream } from "@/lib/open-data/http";
import { jsonChunks, jsonSlot } from "@/lib/open-data/json-chunks";
import { dataset } from "../support/open-dataset";

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const chunk of chunks) out += chunk;
  return out;
}

async function* batches<T>(items: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

describe("jsonChunks", () => {
  const cases: [string, Record<string, unknown[][]>, (slots: Record<string, unknown>) => unknown][] = [
    ["arrays at the top level, one empty", { a: [[1, 2], [], [{ x: "y" }]], b: [] }, (s) => ({ n: 1, a: s.a, b: s.b })],
    [
      "an array nested two deep, after and before other keys",
      { deep: [[{ text: "two\nlines", list: [1, [2, 3]], empty: {}, none: null }], [[]], ["é 中文 \u2028"]] },
      (s) => ({ head: { list: [1, 2], inner: { deep: s.deep, after: true } }, tail: [] }),
    ],
    [
      "the document itself an array holder",
      { graph: [[{ "@type": "Dataset" }], [], [{ a: 1 }, { b: 2 }]] },
      (s) => ({
        "@context": "https://schema.org",
        "@graph": s.graph,
      }),
    ],
    ["slots in the order they stand, not their names'", { z: [[1]], a: [[2]] }, (s) => ({ first: s.z, second: s.a })],
  ];
  for (const [name, slots, document] of cases)
    it(name, async () => {
      const markers = Object.fromEntries(Object.keys(slots).map((k) => [k, jsonSlot(k)]));
      const whole = Object.fromEntries(Object.entries(slots).map(([k, parts]) => [k, parts.flat()]));
      const expected = `${JSON.stringify(document(whole), null, 2)}\n`;
      // Each slot's batches are its parts as given, empty ones included.
      const readers = Object.fromEntries(Object.entries(slots).map(([k, parts]) => [k, () => each(parts)]));
      expect(await text(jsonChunks(document(markers), readers))).toBe(expected);
    });
});

/** The dataset in memory as batches of `size`, as lib/data/open/dataset-batches.ts reads it from the database. */
function inMemory(d: OpenDataset, size: number): OpenDatasetBatches {
  const bySlug = (slugs: Set<string>) => d.memberships.filter((m) => slugs.has(m.institution.slug));
  const matches = (m: OpenDataset["memberships"][number], filter: OpenMembershipFilter) =>
    (filter.formerPeriods === undefined || m.periods.some((p) => !p.current) === filter.formerPeriods) &&
    (!filter.bothOnWikidata || Boolean(m.organization.wikidataId && m.institution.wikidataId));
  return {
    summary: {
      modifiedAt: d.modifiedAt,
      counts: {
        organizations: d.organizations.length,
        institutions: d.institutions.length,
        memberships: d.memberships.length,
      },
    },
    organizations: () => batches(d.organizations, size),
    institutions: () => batches(d.institutions, size),
    institutionsWithMemberships: async function* () {
      for await (const institutions of batches(d.institutions, size))
        yield { institutions, memberships: bySlug(new Set(institutions.map((i) => i.slug))) };
    },
    memberships: (filter = {}) =>
      batches(
        d.memberships.filter((m) => matches(m, filter)),
        size,
      ),
  };
}

describe("the whole-registry files from batches", () => {
  const site = "https://atlas.example";
  // Every membership with items on both sides, so the QuickStatements file has lines of both groups.
  const base = dataset(site);
  const d: OpenDataset = {
    ...base,
    memberships: base.memberships.map((m, i) => ({
      ...m,
      institution: { ...m.institution, wikidataId: `Q${40 + i}` },
    })),
  };
  const whole = (file: (typeof DATASET_FILES)[number]) =>
    file === "wikidata.qs"
      ? renderQuickStatements(d)
      : renderExport(d, ...(file.split(".") as ["dataset", "csv"]), site)!;

  it("the QuickStatements fixture has a membership of one period and one of several", () => {
    expect(renderQuickStatements(d)).toMatch(/^Q40\|P463\|Q1377\|.*\nQ41\|P463\|.*period 1 of 2/s);
  });

  for (const size of [1, 2, 100])
    it(`batches of ${size}: every file is the whole dataset's rendering`, async () => {
      for (const file of DATASET_FILES)
        expect(await text(datasetFileChunks(inMemory(d, size), file, site)), file).toBe(whole(file));
    });
});

describe("pullStream", () => {
  it("reads a chunk only when one is asked for, skips empty ones, and stops when cancelled", async () => {
    let produced = 0;
    let closed = false;
    async function* chunks() {
      try {
        for (const chunk of ["a", "", "", "b", "c", "d"]) {
          produced += 1;
          yield chunk;
        }
      } finally {
        closed = true;
      }
    }
    const stream = pullStream(chunks());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(produced).toBe(0);
    const reader = stream.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("a");
    expect(produced).toBe(1);
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("b");
    expect(produced).toBe(4);
    await reader.cancel();
    expect(closed).toBe(true);
    expect(produced).toBe(4);
  });

  it("encodes UTF-8, and ends when the chunks do", async () => {
    const bytes = new Uint8Array(await new Response(pullStream(each(["中", "文\n", "é"]))).arrayBuffer());
    expect(Buffer.from(bytes).toString("utf8")).toBe("中文\né");
  });

  it("passes bytes through as they are (a file read from disk is not decoded and encoded again)", async () => {
    // Latin-1 bytes and the first half of a UTF-8 character: neither survives a round trip through text.
    const parts = [Uint8Array.from([0x5a, 0xfc]), "中", Uint8Array.from([0xe4, 0xb8])];
    const bytes = new Uint8Array(await new Response(pullStream(each(parts))).arrayBuffer());
    expect([...bytes]).toEqual([0x5a, 0xfc, 0xe4, 0xb8, 0xad, 0xe4, 0xb8]);
  });
});

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
