import {
  chooseLabels,
  labelWidth,
  layoutNetworkOnce,
  type PlacedLabel,
  type PlacedLink,
  type PlacedNode,
} from "./network-layout";
import { countryName } from "../shared/countries";
import type { InstitutionNetwork, NetworkPicture, NetworkTextPlace } from "../shared/types/charts";

// An institution's network made ready to draw: laid out, labels placed, every word written, numbers rounded.
// Client-safe and pure (the words come in as functions), so the picture is tested without a page.

/** The words a picture needs, in the page's language (messages' "charts" namespace). */
export type NetworkWords = {
  label: (name: string, count: number) => string;
  node: (name: string, country: string, count: number) => string;
  shares: (count: number) => string;
  shown: (shown: number, total: number) => string;
  listHeading: string;
};

export function shortName(name: string) {
  return name.length > 28 ? `${name.slice(0, 27)}…` : name;
}

// A tenth of a viewBox unit is far below a pixel; the full doubles were 17 digits each, twice per page.
const tenth = (v: number) => Math.round(v * 10) / 10;

/** Where a label goes: where chooseLabels placed it, else below its node (shown on hover and focus only). */
function textPlace(p: PlacedNode, place: PlacedLabel | undefined, below: number): NetworkTextPlace {
  if (!place) return { x: tenth(p.x), y: tenth(p.y + p.r + below) };
  return { x: tenth(place.x), y: tenth(place.y), ...(place.anchor === "middle" ? {} : { anchor: place.anchor }) };
}

export function networkPicture(network: InstitutionNetwork, locale: string, words: NetworkWords): NetworkPicture {
  const t = words;
  const layout = layoutNetworkOnce({
    center: network.center.slug,
    nodes: network.nodes.map((n) => ({ id: n.slug, weight: n.shared.length })),
    links: network.links,
  });
  const bySlug = new Map(network.nodes.map((n) => [n.slug, n]));
  // Names are written where they fit without overlapping (closest institutions first); the others show
  // theirs on hover and on keyboard focus.
  const labelled = chooseLabels(layout, [
    { id: network.center.slug, width: labelWidth(shortName(network.center.name), 12) },
    ...network.nodes.map((n) => ({ id: n.slug, width: labelWidth(shortName(n.name)) })),
  ]);
  const organizations = new Map<string, [number, string]>();
  const organizationIndex = (o: { slug: string; name: string }) => {
    const known = organizations.get(o.slug);
    if (known) return known[0];
    organizations.set(o.slug, [organizations.size, o.name]);
    return organizations.size - 1;
  };
  const center = layout.nodes.find((p) => !bySlug.has(p.id));
  // Points by index: 0 the centre, then the nodes in the order drawn (below).
  const drawn = layout.nodes.filter((p) => bySlug.has(p.id));
  const pointIndex = new Map([[network.center.slug, 0], ...drawn.map((p, i) => [p.id, i + 1] as const)]);
  return {
    locale,
    width: layout.width,
    height: layout.height,
    label: t.label(network.center.name, network.total),
    links: linkEnds(layout.links, pointIndex),
    center: center
      ? {
          x: tenth(center.x),
          y: tenth(center.y),
          r: tenth(center.r),
          text: textPlace(center, labelled.get(center.id), 13),
          short: shortName(network.center.name),
        }
      : null,
    // In the layout's order: the graph draws later nodes over earlier ones.
    nodes: drawn.flatMap((p) => {
      const n = bySlug.get(p.id);
      if (!n) return [];
      const country = countryName(n.country, locale);
      return [
        {
          slug: n.slug,
          name: n.name,
          short: shortName(n.name),
          country,
          title: t.node(n.name, country, n.shared.length),
          shares: t.shares(n.shared.length),
          x: tenth(p.x),
          y: tenth(p.y),
          r: tenth(p.r),
          text: textPlace(p, labelled.get(p.id), 14),
          placed: labelled.has(p.id),
          shared: n.shared.map(organizationIndex),
        },
      ];
    }),
    organizations: [...organizations].map(([slug, [, name]]) => [slug, name]),
    shown: network.total > network.nodes.length ? t.shown(network.nodes.length, network.total) : null,
    listHeading: t.listHeading,
  };
}

/** Thicker lines for more organizations shared, up to 6 px. */
const linkWidth = (weight: number) => Math.min(6, weight);

/**
 * The links by stroke width, each as the indexes of its two ends (0 the centre, i + 1 the i-th node): a member of a
 * big alliance has hundreds of links among its 30 closest institutions, and as path data they were the largest part
 * of its page (14 KB, twice: in the HTML and in the payload); as indexes they are a third of that, once.
 */
function linkEnds(links: PlacedLink[], pointIndex: Map<string, number>): [number, number[]][] {
  const byWidth = new Map<number, number[]>();
  for (const l of links) {
    const a = pointIndex.get(l.source);
    const b = pointIndex.get(l.target);
    if (a === undefined || b === undefined) continue;
    const width = linkWidth(l.weight);
    const ends = byWidth.get(width) ?? [];
    ends.push(a, b);
    byWidth.set(width, ends);
  }
  return [...byWidth].sort(([a], [b]) => a - b);
}

/** The links as one path per stroke width, in whole pixels: [width, d]. */
export function linkPathData(p: NetworkPicture): [number, string][] {
  const points = [p.center, ...p.nodes];
  const at = (i: number) => {
    const q = points[i];
    return q ? `${Math.round(q.x)} ${Math.round(q.y)}` : null;
  };
  return p.links.map(([width, ends]) => {
    let d = "";
    for (let i = 0; i + 1 < ends.length; i += 2) {
      const a = at(ends[i]!);
      const b = at(ends[i + 1]!);
      if (a && b) d += `M${a}L${b}`;
    }
    return [width, d];
  });
}
