// Force-directed layout computed on the server: fixed iterations from seeded starting positions, so the same
// network always gives the same picture (and the same HTML, which the page cache can keep). The simulation is
// lib/charts/force-simulation.ts.
import { ITERATIONS, simulate, type SimLink, type SimNode } from "./force-simulation";

export type NetworkInput = {
  center: string;
  nodes: { id: string; weight: number }[];
  links: { source: string; target: string; weight: number }[];
};
export type PlacedNode = { id: string; x: number; y: number; r: number; weight: number };
export type PlacedLink = {
  source: string;
  target: string;
  weight: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
};
export type NetworkLayout = { width: number; height: number; nodes: PlacedNode[]; links: PlacedLink[] };

/** Node radius: the centre is largest; others grow with the number of organizations shared. */
export function nodeRadius(weight: number, isCenter: boolean): number {
  return isCenter ? 14 : Math.min(12, 5 + 2 * Math.sqrt(weight));
}

/**
 * Where the i-th node starts: a golden-angle spiral, spread out, deterministic, the heavier neighbours (listed first)
 * nearer the centre.
 */
export function startingPlace(i: number): [x: number, y: number] {
  const angle = i * 2.399963229728653;
  const radius = 40 + 12 * Math.sqrt(i + 1);
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

/**
 * Lay out the network in a width × height box (with `margin` kept free for labels). Nodes are placed in
 * input order on a spiral first; links pull harder the more organizations two institutions share.
 */
export function layoutNetwork(input: NetworkInput, width = 720, height = 440, margin = 28): NetworkLayout {
  const nodes: SimNode[] = [
    { id: input.center, weight: 0, r: nodeRadius(0, true), x: 0, y: 0, vx: 0, vy: 0, fixed: true },
  ];
  input.nodes.forEach((n, i) => {
    if (n.id === input.center) return;
    const [x, y] = startingPlace(i);
    nodes.push({ id: n.id, weight: n.weight, r: nodeRadius(n.weight, false), x, y, vx: 0, vy: 0, fixed: false });
  });
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const kept = input.links.filter((l) => index.has(l.source) && index.has(l.target) && l.source !== l.target);
  const maxWeight = Math.max(1, ...kept.map((l) => l.weight));
  const degree = new Array<number>(nodes.length).fill(0);
  for (const l of kept) {
    degree[index.get(l.source)!]! += 1;
    degree[index.get(l.target)!]! += 1;
  }
  const links: SimLink[] = kept.map((l) => {
    const source = index.get(l.source)!;
    const target = index.get(l.target)!;
    return {
      source,
      target,
      weight: l.weight,
      distance: 130 - 50 * (l.weight / maxWeight),
      strength: 0.2 + 0.5 * (l.weight / maxWeight),
      bias: degree[source]! / (degree[source]! + degree[target]!),
    };
  });
  simulate(nodes, links, ITERATIONS);

  // Fit the result into the box, keeping the aspect ratio and the centre node in the middle.
  const spanX = Math.max(1, ...nodes.map((n) => Math.abs(n.x) + n.r));
  const spanY = Math.max(1, ...nodes.map((n) => Math.abs(n.y) + n.r));
  const scale = Math.min((width / 2 - margin) / spanX, (height / 2 - margin) / spanY, 3);
  const round = (v: number) => Math.round(v * 10) / 10;
  const placed = new Map<string, PlacedNode>();
  for (const n of nodes)
    placed.set(n.id, {
      id: n.id,
      weight: n.weight,
      r: n.r,
      x: round(width / 2 + n.x * scale),
      y: round(height / 2 + n.y * scale),
    });
  return {
    width,
    height,
    nodes: [...placed.values()],
    links: links.map((l) => {
      const a = placed.get(nodes[l.source]!.id)!;
      const b = placed.get(nodes[l.target]!.id)!;
      return { source: a.id, target: b.id, weight: l.weight, x1: a.x, y1: a.y, x2: b.x, y2: b.y };
    }),
  };
}

type Box = { x0: number; y0: number; x1: number; y1: number };
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Rough width of a label in px at `size`: CJK characters are about twice as wide as Latin ones. */
export function labelWidth(text: string, size = 11): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(ch) ? size : size * 0.58;
  return w;
}

export type PlacedLabel = { x: number; y: number; anchor: "start" | "middle" | "end" };

/**
 * Where nodes get a written label: in priority order, each label tries below, above, right and left of its
 * node and is kept at the first place that stays inside the picture and overlaps neither a kept label nor
 * another node. Labels that fit nowhere are left out (the node still names itself on hover and focus).
 */
export function chooseLabels(
  layout: NetworkLayout,
  labels: { id: string; width: number }[],
  lineHeight = 14,
): Map<string, PlacedLabel> {
  const nodeBoxes = layout.nodes.map((n) => ({
    id: n.id,
    box: { x0: n.x - n.r, y0: n.y - n.r, x1: n.x + n.r, y1: n.y + n.r },
  }));
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const kept: Box[] = [];
  const shown = new Map<string, PlacedLabel>();
  for (const { id, width } of labels) {
    const n = byId.get(id);
    if (!n) continue;
    const gap = n.r + 3;
    const candidates: { box: Box; label: PlacedLabel }[] = [
      {
        box: { x0: n.x - width / 2, y0: n.y + gap, x1: n.x + width / 2, y1: n.y + gap + lineHeight },
        label: { x: n.x, y: n.y + gap + lineHeight - 3, anchor: "middle" },
      },
      {
        box: { x0: n.x - width / 2, y0: n.y - gap - lineHeight, x1: n.x + width / 2, y1: n.y - gap },
        label: { x: n.x, y: n.y - gap - 3, anchor: "middle" },
      },
      {
        box: { x0: n.x + gap, y0: n.y - lineHeight / 2, x1: n.x + gap + width, y1: n.y + lineHeight / 2 },
        label: { x: n.x + gap, y: n.y + 4, anchor: "start" },
      },
      {
        box: { x0: n.x - gap - width, y0: n.y - lineHeight / 2, x1: n.x - gap, y1: n.y + lineHeight / 2 },
        label: { x: n.x - gap, y: n.y + 4, anchor: "end" },
      },
    ];
    const fit = candidates.find(
      ({ box }) =>
        box.x0 >= 0 &&
        box.y0 >= 0 &&
        box.x1 <= layout.width &&
        box.y1 <= layout.height &&
        !kept.some((k) => overlaps(k, box)) &&
        !nodeBoxes.some((o) => o.id !== id && overlaps(o.box, box)),
    );
    if (!fit) continue;
    kept.push(fit.box);
    shown.set(id, fit.label);
  }
  return shown;
}

// Laid-out networks kept in this process, by their input: the layout (300 iterations of a force simulation) is the
// dearest part of an institution's page, and it is the same for the page in English and in Chinese, and for every
// render of it until its network changes (a revalidation after any approval re-renders pages whose network did not).
// A Map keeps insertion order: the oldest entry goes first when it is full. About 6 KB a layout of 31 nodes.
const LAYOUTS_KEPT = 2_000;
const layouts = new Map<string, NetworkLayout>();

/** layoutNetwork, remembered for the same input and box (the result is shared: treat it as read-only). */
export function layoutNetworkOnce(input: NetworkInput, width = 720, height = 440, margin = 28): NetworkLayout {
  const key = JSON.stringify([input.center, input.nodes, input.links, width, height, margin]);
  const kept = layouts.get(key);
  if (kept) {
    // Used again: to the back of the queue.
    layouts.delete(key);
    layouts.set(key, kept);
    return kept;
  }
  const layout = layoutNetwork(input, width, height, margin);
  layouts.set(key, layout);
  if (layouts.size > LAYOUTS_KEPT) layouts.delete(layouts.keys().next().value as string);
  return layout;
}

/** How many layouts are kept (for the tests). */
export function keptLayoutCount(): number {
  return layouts.size;
}
