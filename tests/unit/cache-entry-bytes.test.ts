// The cache's entries as bytes (lib/cache/store-common.mjs), for the disk and for Redis: what goes in comes out,
// the large parts are stored as they are, and bytes the codec did not write are a miss rather than an exception.
import { describe, expect, it } from "vitest";
import { fromStored, memoryCost, packEntry, toStored, unpackEntry } from "../../lib/cache/store-common.mjs";

const html =
  `<!DOCTYPE html><html lang="zh-CN"><body><h1 class="x">南京医科大学 "Nanjing"</h1>` +
  `${"<p>\\u2028 ✓</p>".repeat(200)}</body></html>`;
const page = {
  value: {
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from(`0:["$","div",null,{"children":"南京"}]\n`.repeat(100)),
    segmentData: new Map([
      ["/_tree", Buffer.from("tree")],
      ["/_full", new Uint8Array([0, 1, 2, 255])],
    ]),
    headers: { "x-next-cache-tags": "a,b", "content-type": "text/html" },
    status: 200,
    postponed: undefined,
  },
  lastModified: 1764633600000,
  cacheControl: { revalidate: 3600, expire: 86400 },
  tags: [],
  expiresAt: 1764720000000,
};

describe("a cache entry as bytes", () => {
  it("comes back as it went in: strings long and short, Buffers (a Uint8Array as a Buffer), Maps, numbers", () => {
    const back = unpackEntry(packEntry(page)) as typeof page;
    const { postponed: _, ...withoutUndefined } = page.value;
    expect(back).toEqual({
      ...page,
      value: {
        ...withoutUndefined,
        segmentData: new Map([
          ["/_tree", Buffer.from("tree")],
          ["/_full", Buffer.from([0, 1, 2, 255])],
        ]),
      },
    });
    expect(back.value.html).toBe(html);
    expect(Buffer.isBuffer(back.value.rscData)).toBe(true);
    expect(back.value.rscData.equals(page.value.rscData)).toBe(true);
    expect(back.value.segmentData.get("/_full")).toBeInstanceOf(Buffer);
  });

  it("holds the HTML and the payloads as they are, not escaped or in base64", () => {
    const bytes = packEntry(page);
    const htmlBytes = Buffer.byteLength(html);
    const parts = htmlBytes + page.value.rscData.byteLength + 4 + 4;
    // The header (names, headers, numbers) is all there is besides the parts.
    expect(bytes.byteLength - parts).toBeLessThan(600);
    expect(bytes.includes(Buffer.from(html))).toBe(true);
    expect(bytes.includes(page.value.rscData)).toBe(true);
  });

  it("is null for bytes it did not write: the JSON of earlier releases, other data, a cut-short file", () => {
    expect(unpackEntry(Buffer.from(JSON.stringify({ value: { kind: "APP_PAGE", html: "x" } })))).toBeNull();
    expect(unpackEntry(Buffer.alloc(0))).toBeNull();
    expect(unpackEntry(Buffer.from("atlas-entry/1\n"))).toBeNull();
    const bytes = packEntry(page);
    expect(unpackEntry(bytes.subarray(0, bytes.byteLength - 1))).toBeNull();
    expect(unpackEntry(Buffer.concat([bytes, Buffer.from("x")]))).toBeNull();
    expect(unpackEntry(bytes.subarray(0, 20))).toBeNull();
  });
});

describe("what an entry costs the local store's memory", () => {
  it("is its packed bytes and its long strings at two bytes a character (the HTML is held as a string too)", () => {
    const bytes = packEntry(page);
    expect(memoryCost(bytes.byteLength, page)).toBe(bytes.byteLength + 2 * html.length);
    expect(memoryCost(bytes.byteLength, unpackEntry(bytes))).toBe(bytes.byteLength + 2 * html.length);
  });

  it("counts no short string and no Buffer twice", () => {
    const small = { value: { kind: "FETCH", data: { body: "short" }, tags: ["a"] }, payload: Buffer.alloc(5000) };
    const bytes = packEntry(small);
    expect(memoryCost(bytes.byteLength, small)).toBe(bytes.byteLength);
  });
});

describe("an entry as a store keeps it", () => {
  it("a page is compressed (its HTML and payload repeat each other) and comes back as it went in", async () => {
    const packed = packEntry(page);
    const stored = await toStored(packed);
    expect(stored.byteLength).toBeLessThan(packed.byteLength / 5);
    const back = await fromStored(stored);
    expect(back!.equals(packed)).toBe(true);
    expect((unpackEntry(back!) as typeof page).value.html).toBe(html);
  });

  it("a small entry is kept as it is, and an uncompressed one written before is read as it is", async () => {
    const small = packEntry({ value: { kind: "FETCH", data: { body: "null" } } });
    expect((await toStored(small)).equals(small)).toBe(true);
    const packed = packEntry(page);
    expect((await fromStored(packed))!.equals(packed)).toBe(true);
  });

  it("compressed bytes cut short or damaged are a miss, not an exception", async () => {
    const stored = await toStored(packEntry(page));
    expect(await fromStored(stored.subarray(0, stored.byteLength - 50))).toBeNull();
    const damaged = Buffer.from(stored);
    damaged.fill(0xff, 20, 60);
    expect(await fromStored(damaged)).toBeNull();
  });
});
