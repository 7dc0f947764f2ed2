// The pure parts of the pictures: country codes on the world map, joins bucketed at their precision, and the
// network layout (deterministic, inside its box, labels that never overlap).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { geoCentroid } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { alpha2FromNumeric, baseMap, baseMapSvg, isOnMap, numericFromAlpha2 } from "@/lib/charts/world-map";
import { smallRegions } from "@/lib/charts/small-regions";
import { bucketJoins, niceScale, yearSeries } from "@/lib/charts/timeline";
import {
  chooseLabels,
  keptLayoutCount,
  labelWidth,
  layoutNetwork,
  layoutNetworkOnce,
  type NetworkInput,
  type NetworkLayout as NetworkLayoutResult,
} from "@/lib/charts/network-layout";

describe("world map country codes", () => {
  it("maps world-atlas's numeric ids to the alpha-2 codes the registry stores, and back", () => {
    expect(alpha2FromNumeric("156")).toBe("CN");
    expect(alpha2FromNumeric("344")).toBe("HK");
    expect(alpha2FromNumeric("158")).toBe("TW");
    expect(alpha2FromNumeric("40")).toBe("AT");
    expect(alpha2FromNumeric(undefined)).toBeNull();
    expect(alpha2FromNumeric("999")).toBeNull();
    expect(numericFromAlpha2("RU")).toBe("643");
    expect(numericFromAlpha2("ZZ")).toBeNull();
  });

  it("builds one path per country once per process, Antarctica left out", () => {
    const map = baseMap();
    expect(baseMap()).toBe(map);
    const codes = map.shapes.map((s) => s.code).filter(Boolean);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(["CN", "RU", "AT", "US", "BR", "TW", "KP", "KR"]));
    expect(codes).not.toContain("AQ");
    expect(map.shapes.length).toBeGreaterThan(170);
    for (const s of map.shapes) expect(s.path).toMatch(/^M[\d.,\-LZM]+$/);
  });

  it("anchors each country's circle on its largest landmass, inside the picture", () => {
    const map = baseMap();
    for (const s of map.shapes.filter((x) => x.code)) {
      const at = map.anchors.get(s.code)!;
      expect(at.x, s.code).toBeGreaterThanOrEqual(0);
      expect(at.x, s.code).toBeLessThanOrEqual(map.width);
      expect(at.y, s.code).toBeGreaterThanOrEqual(0);
      expect(at.y, s.code).toBeLessThanOrEqual(map.height);
    }
    // France's circle sits in Europe, next to Germany, not out in the Atlantic between Paris and Guiana.
    const fr = map.anchors.get("FR")!;
    const de = map.anchors.get("DE")!;
    expect(Math.hypot(fr.x - de.x, fr.y - de.y)).toBeLessThan(40);
    // The United States' is on the mainland, not pulled north by Alaska.
    expect(map.anchors.get("US")!.y).toBeGreaterThan(map.anchors.get("CA")!.y);
    // A dot region's anchor is its dot.
    const hk = map.dots.find((d) => d.code === "HK")!;
    expect(map.anchors.get("HK")).toEqual({ x: hk.x, y: hk.y });
  });

  it("serves the land as one standalone SVG with every shape", () => {
    const svg = baseMapSvg();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.split("<path").length - 1).toBe(baseMap().shapes.length);
    expect(baseMapSvg()).toBe(svg);
  });

  it("draws regions too small for 1:110m as dots inside the picture", () => {
    const map = baseMap();
    for (const code of ["HK", "MO", "SG", "BH", "MT"]) {
      expect(map.shapes.some((s) => s.code === code)).toBe(false);
      const dot = map.dots.find((d) => d.code === code);
      expect(dot, code).toBeDefined();
      expect(dot!.x).toBeGreaterThanOrEqual(0);
      expect(dot!.x).toBeLessThanOrEqual(map.width);
      expect(dot!.y).toBeGreaterThanOrEqual(0);
      expect(dot!.y).toBeLessThanOrEqual(map.height);
      expect(isOnMap(code)).toBe(true);
    }
    // Hong Kong lies just south-east of Guangzhou's part of China: east of and below Nanjing's latitude.
    const hk = map.dots.find((d) => d.code === "HK")!;
    const sg = map.dots.find((d) => d.code === "SG")!;
    expect(sg.y).toBeGreaterThan(hk.y);
    expect(isOnMap("ZZ")).toBe(false);
  });

  it("places the small regions at the centroids of their 1:50m outlines", () => {
    const file = path.join(import.meta.dirname, "../../node_modules/world-atlas/countries-50m.json");
    const world = JSON.parse(readFileSync(file, "utf8")) as Topology<{ countries: GeometryCollection }>;
    const byCode = new Map(feature(world, world.objects.countries).features.map((f) => [alpha2FromNumeric(f.id), f]));
    expect(smallRegions.length).toBeGreaterThan(50);
    for (const [code, lon, lat] of smallRegions) {
      const f = byCode.get(code);
      expect(f, code).toBeDefined();
      const [x, y] = geoCentroid(f!);
      expect(Math.abs(x - lon), code).toBeLessThan(0.01);
      expect(Math.abs(y - lat), code).toBeLessThan(0.01);
    }
  });
});

describe("bucketJoins", () => {
  it("counts a year-precision join in its year and never in a month", () => {
    const t = bucketJoins(
      [
        { year: 2016, month: null, count: 2 },
        { year: 2016, month: 5, count: 1 },
      ],
      0,
    );
    expect(t.buckets).toEqual([{ iso: "2016", precision: "YEAR", joined: 3, cumulative: 3 }]);
  });

  it("fills the years between joins with empty bars and keeps the running total", () => {
    const t = bucketJoins(
      [
        { year: 2009, month: 10, count: 1 },
        { year: 2012, month: null, count: 2 },
        { year: 2012, month: 3, count: 1 },
      ],
      4,
    );
    expect(t.buckets.map((b) => [b.iso, b.joined, b.cumulative])).toEqual([
      ["2009", 1, 1],
      ["2010", 0, 1],
      ["2011", 0, 1],
      ["2012", 3, 4],
    ]);
    expect(t).toMatchObject({ dated: 4, unknown: 4 });
  });

  it("shows months only when every join is known to the month and the history is short", () => {
    const t = bucketJoins(
      [
        { year: 2018, month: 11, count: 2 },
        { year: 2019, month: 2, count: 1 },
      ],
      1,
    );
    expect(t.buckets.map((b) => [b.iso, b.precision, b.joined, b.cumulative])).toEqual([
      ["2018-11", "MONTH", 2, 2],
      ["2018-12", "MONTH", 0, 2],
      ["2019-01", "MONTH", 0, 2],
      ["2019-02", "MONTH", 1, 3],
    ]);
    // Over more years the same precision is shown per year.
    const long = bucketJoins(
      [
        { year: 2010, month: 1, count: 1 },
        { year: 2019, month: 2, count: 1 },
      ],
      0,
    );
    expect(long.buckets[0]).toMatchObject({ iso: "2010", precision: "YEAR" });
    expect(long.buckets).toHaveLength(10);
  });

  it("has no bars without a dated join, only the unknown count", () => {
    expect(bucketJoins([], 3)).toEqual({ buckets: [], dated: 0, unknown: 3 });
  });

  it("keeps the latest 80 periods of a long history, with earlier joins in the running total", () => {
    const t = bucketJoins(
      [
        { year: 1800, month: null, count: 5 },
        { year: 2020, month: null, count: 1 },
      ],
      0,
    );
    expect(t.buckets).toHaveLength(80);
    expect(t.buckets.at(-1)).toMatchObject({ iso: "2020", cumulative: 6 });
    expect(t.buckets[0]).toMatchObject({ iso: "1941", joined: 0, cumulative: 5 });
  });
});

describe("yearSeries and niceScale", () => {
  it("fills the years without foundings", () => {
    expect(
      yearSeries([
        { year: 2015, count: 2 },
        { year: 2018, count: 1 },
      ]),
    ).toEqual([
      { year: 2015, count: 2 },
      { year: 2016, count: 0 },
      { year: 2017, count: 0 },
      { year: 2018, count: 1 },
    ]);
    expect(yearSeries([])).toEqual([]);
  });

  it("rounds an axis up to 1, 2 or 5 times a power of ten", () => {
    expect(niceScale(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(5000)).toEqual({ max: 6000, ticks: [0, 2000, 4000, 6000] });
    expect(niceScale(1)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(4321).max).toBeGreaterThanOrEqual(4321);
    expect(niceScale(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
  });
});

function network(n: number): NetworkInput {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, weight: 1 + ((i * 7) % 4) }));
  const links = [
    ...nodes.map((x) => ({ source: "center", target: x.id, weight: x.weight })),
    ...nodes.slice(1).map((x, i) => ({ source: nodes[i]!.id, target: x.id, weight: 1 })),
    { source: "n0", target: "missing", weight: 3 },
  ];
  return { center: "center", nodes, links };
}

describe("layoutNetwork", () => {
  it("gives the same picture for the same network", () => {
    expect(layoutNetwork(network(30))).toEqual(layoutNetwork(network(30)));
  });

  it("lays out a network once per process: the same input gives the kept layout, another input its own", () => {
    const first = layoutNetworkOnce(network(12));
    expect(first).toEqual(layoutNetwork(network(12)));
    expect(layoutNetworkOnce(network(12))).toBe(first);
    const other = layoutNetworkOnce({ ...network(12), links: network(12).links.slice(1) });
    expect(other).not.toBe(first);
    expect(other).toEqual(layoutNetwork({ ...network(12), links: network(12).links.slice(1) }));
    expect(layoutNetworkOnce(network(12), 400, 300)).not.toBe(first);
  });

  it("keeps at most 2,000 layouts, the least recently used going first", () => {
    const kept = layoutNetworkOnce(network(3));
    const made: NetworkLayoutResult[] = [];
    for (let i = 0; i < 2_100; i++) {
      made.push(layoutNetworkOnce({ center: `c${i}`, nodes: [], links: [] }));
      // Used now and then, so it stays while older ones go.
      if (i % 500 === 0) expect(layoutNetworkOnce(network(3))).toBe(kept);
    }
    expect(keptLayoutCount()).toBe(2_000);
    expect(layoutNetworkOnce(network(3))).toBe(kept);
    // The oldest went (laid out anew, a new object); the newest is still the one kept.
    expect(layoutNetworkOnce({ center: "c0", nodes: [], links: [] })).not.toBe(made[0]);
    expect(layoutNetworkOnce({ center: "c2099", nodes: [], links: [] })).toBe(made[2099]);
  });

  it("keeps every node inside the box, the centre in the middle, and drops links to unknown nodes", () => {
    for (const size of [1, 5, 30]) {
      const layout = layoutNetwork(network(size), 720, 440, 28);
      expect(layout.nodes).toHaveLength(size + 1);
      const center = layout.nodes.find((n) => n.id === "center")!;
      expect(center).toMatchObject({ x: 360, y: 220 });
      for (const n of layout.nodes) {
        expect(n.x - n.r).toBeGreaterThanOrEqual(0);
        expect(n.x + n.r).toBeLessThanOrEqual(720);
        expect(n.y - n.r).toBeGreaterThanOrEqual(0);
        expect(n.y + n.r).toBeLessThanOrEqual(440);
      }
      expect(layout.links.every((l) => l.target !== "missing")).toBe(true);
      const at = new Map(layout.nodes.map((n) => [n.id, n]));
      for (const l of layout.links)
        expect([l.x1, l.y1, l.x2, l.y2]).toEqual([
          at.get(l.source)!.x,
          at.get(l.source)!.y,
          at.get(l.target)!.x,
          at.get(l.target)!.y,
        ]);
    }
  });

  it("spreads nodes apart rather than stacking them", () => {
    const layout = layoutNetwork(network(30));
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a.id < b.id) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(3);
      }
    }
  });

  it("writes labels only where they overlap neither each other nor a node", () => {
    const layout = layoutNetwork(network(30));
    const labels = layout.nodes.map((n) => ({ id: n.id, width: labelWidth("Southern Medical University") }));
    const placed = chooseLabels(layout, labels);
    expect(placed.size).toBeGreaterThan(3);
    const boxes = [...placed.entries()].map(([, p]) => {
      const w = labelWidth("Southern Medical University");
      const x0 = p.anchor === "middle" ? p.x - w / 2 : p.anchor === "start" ? p.x : p.x - w;
      return { x0, x1: x0 + w, y0: p.y - 11, y1: p.y + 3 };
    });
    for (const [i, a] of boxes.entries()) {
      expect(a.x0).toBeGreaterThanOrEqual(-0.01);
      expect(a.x1).toBeLessThanOrEqual(layout.width + 0.01);
      for (const b of boxes.slice(i + 1)) expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
    }
    expect(labelWidth("南京医科大学")).toBeGreaterThan(labelWidth("Nanjing"));
  });
});
