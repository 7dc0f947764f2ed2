// The institution network as handed to the client component that draws it (lib/charts/network-picture.ts): the
// shared organizations written once and referenced by index, every word finished, numbers rounded, and the
// geometry the layout gives.
import { describe, expect, it } from "vitest";
import { chooseLabels, labelWidth, layoutNetwork } from "@/lib/charts/network-layout";
import { linkPathData, networkPicture, shortName, type NetworkWords } from "@/lib/charts/network-picture";
import type { InstitutionNetwork } from "@/lib/shared/types/charts";

const organizations = ["alpha-network", "beta-alliance", "gamma-consortium"].map((slug) => ({
  slug,
  name: `The ${slug.replace("-", " ")}`,
}));
const [alpha, beta, gamma] = organizations as [
  (typeof organizations)[0],
  (typeof organizations)[0],
  (typeof organizations)[0],
];

const network: InstitutionNetwork = {
  center: { slug: "centre-university", name: "Centre University of Very Long Names and Places", country: "CN" },
  nodes: [
    { slug: "one", name: "University One", country: "DE", shared: [alpha, beta, gamma] },
    { slug: "two", name: "University Two", country: "FR", shared: [beta, alpha] },
    { slug: "three", name: "University Three", country: "JP", shared: [gamma] },
  ],
  links: [
    { source: "centre-university", target: "one", weight: 3 },
    { source: "centre-university", target: "two", weight: 2 },
    { source: "centre-university", target: "three", weight: 1 },
    { source: "one", target: "two", weight: 2 },
  ],
  total: 7,
};

const words: NetworkWords = {
  label: (name, count) => `Network of ${name}: ${count}`,
  node: (name, country, count) => `${name} (${country}): ${count}`,
  shares: (count) => `${count} shared:`,
  shown: (shown, total) => `${shown} of ${total}`,
  listHeading: "Sharing",
};

describe("networkPicture", () => {
  const picture = networkPicture(network, "en", words);

  it("writes each shared organization once, and each node refers to its own in its own order", () => {
    expect(picture.organizations.map(([slug]) => slug).sort()).toEqual(organizations.map((o) => o.slug));
    for (const node of network.nodes) {
      const drawn = picture.nodes.find((n) => n.slug === node.slug)!;
      expect(drawn.shared.map((i) => picture.organizations[i])).toEqual(node.shared.map((o) => [o.slug, o.name]));
    }
  });

  it("finishes every word on the server: titles, shares, the picture's name, the shown count, country names", () => {
    expect(picture.label).toBe(`Network of ${network.center.name}: 7`);
    expect(picture.shown).toBe("3 of 7");
    expect(picture.listHeading).toBe("Sharing");
    const one = picture.nodes.find((n) => n.slug === "one")!;
    expect(one).toMatchObject({ name: "University One", country: "Germany", shares: "3 shared:" });
    expect(one.title).toBe("University One (Germany): 3");
    expect(picture.center?.short).toBe(shortName(network.center.name));
    expect(picture.center?.short.length).toBe(28);
    expect(networkPicture({ ...network, total: 3 }, "en", words).shown).toBeNull();
  });

  it("keeps the layout's geometry, rounded to a tenth, with labels where chooseLabels put them", () => {
    const layout = layoutNetwork({
      center: network.center.slug,
      nodes: network.nodes.map((n) => ({ id: n.slug, weight: n.shared.length })),
      links: network.links,
    });
    const labels = chooseLabels(layout, [
      { id: network.center.slug, width: labelWidth(shortName(network.center.name), 12) },
      ...network.nodes.map((n) => ({ id: n.slug, width: labelWidth(shortName(n.name)) })),
    ]);
    expect(picture.width).toBe(layout.width);
    expect(picture.nodes.map((n) => n.slug)).toEqual(
      layout.nodes.map((p) => p.id).filter((id) => id !== network.center.slug),
    );
    for (const n of picture.nodes) {
      const p = layout.nodes.find((q) => q.id === n.slug)!;
      expect(Math.abs(n.x - p.x)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(n.r - p.r)).toBeLessThanOrEqual(0.05);
      expect(n.x * 10).toBe(Math.round(n.x * 10));
      const place = labels.get(n.slug);
      expect(n.placed).toBe(Boolean(place));
      if (place)
        expect(n.text).toEqual({
          x: Math.round(place.x * 10) / 10,
          y: Math.round(place.y * 10) / 10,
          ...(place.anchor === "middle" ? {} : { anchor: place.anchor }),
        });
      else expect(n.text.y).toBeCloseTo(p.y + p.r + 14, 1);
    }
  });

  it("sends each link as the indexes of its ends by stroke width, drawn where the layout put the nodes", () => {
    const layout = layoutNetwork({
      center: network.center.slug,
      nodes: network.nodes.map((n) => ({ id: n.slug, weight: n.shared.length })),
      links: network.links,
    });
    // Point 0 is the centre, point i + 1 the i-th node.
    const slugs = [network.center.slug, ...picture.nodes.map((n) => n.slug)];
    const sent = picture.links.flatMap(([width, ends]) =>
      Array.from({ length: ends.length / 2 }, (_, i) => `${width}:${slugs[ends[2 * i]!]}-${slugs[ends[2 * i + 1]!]}`),
    );
    expect(sent.sort()).toEqual(layout.links.map((l) => `${Math.min(6, l.weight)}:${l.source}-${l.target}`).sort());
    expect(picture.links.map(([width]) => width)).toEqual([1, 2, 3]);
    const drawn = linkPathData(picture);
    expect(drawn.map(([width]) => width)).toEqual([1, 2, 3]);
    // Within a pixel of the layout's own coordinates (the picture's are rounded to a tenth first).
    const segments = drawn.flatMap(([, d]) => d.match(/M\d+ \d+L\d+ \d+/g)!.map((m) => m.match(/\d+/g)!.map(Number)));
    expect(segments).toHaveLength(layout.links.length);
    for (const [x1, y1, x2, y2] of segments) {
      const a = layout.nodes.find((n) => Math.abs(n.x - x1!) <= 1 && Math.abs(n.y - y1!) <= 1);
      const b = layout.nodes.find((n) => Math.abs(n.x - x2!) <= 1 && Math.abs(n.y - y2!) <= 1);
      expect(a && b && layout.links.some((l) => l.source === a.id && l.target === b.id)).toBe(true);
    }
  });

  it("words the same network in Chinese with Chinese country names", () => {
    const zh = networkPicture(network, "zh", words);
    expect(zh.locale).toBe("zh");
    expect(zh.nodes.find((n) => n.slug === "one")?.country).toBe("德国");
  });
});
