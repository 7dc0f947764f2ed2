import {
  chooseLabels,
  labelWidth,
  layoutNetworkOnce,
  linkPaths,
  type PlacedLabel,
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
  return {
    locale,
    width: layout.width,
    height: layout.height,
    label: t.label(network.center.name, network.total),
    paths: linkPaths(layout.links).map(({ width, d }) => [width, d]),
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
    nodes: layout.nodes.flatMap((p) => {
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
