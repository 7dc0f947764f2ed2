// The network's own simulation (lib/charts/network-layout.ts) computes d3-force's forces pair by pair. Held here to
// d3-force itself run exactly (many-body with theta 0, so no Barnes–Hut approximation), with the same forces and
// starting places: every node within half a pixel of d3-force's place. d3-force is kept as a development dependency
// for this comparison only.
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from "d3-force";
import { describe, expect, it } from "vitest";
import { layoutNetwork, nodeRadius, startingPlace, type NetworkInput } from "@/lib/charts/network-layout";

type SimNode = SimulationNodeDatum & { id: string; r: number; weight: number };

/** The layout as it was built on d3-force until the simulation became the module's own, theta 0 for exactness. */
function d3Layout(input: NetworkInput, width = 720, height = 440, margin = 28) {
  const ids = new Set([input.center, ...input.nodes.map((n) => n.id)]);
  const nodes: SimNode[] = [{ id: input.center, weight: 0, r: nodeRadius(0, true), x: 0, y: 0, fx: 0, fy: 0 }];
  input.nodes.forEach((n, i) => {
    if (n.id === input.center) return;
    const [x, y] = startingPlace(i);
    nodes.push({ id: n.id, weight: n.weight, r: nodeRadius(n.weight, false), x, y });
  });
  const links: (SimulationLinkDatum<SimNode> & { weight: number })[] = input.links
    .filter((l) => ids.has(l.source) && ids.has(l.target) && l.source !== l.target)
    .map((l) => ({ source: l.source, target: l.target, weight: l.weight }));
  const maxWeight = Math.max(1, ...links.map((l) => l.weight));
  forceSimulation(nodes)
    .force(
      "link",
      forceLink<SimNode, (typeof links)[number]>(links)
        .id((d) => d.id)
        .distance((l) => 130 - 50 * (l.weight / maxWeight))
        .strength((l) => 0.2 + 0.5 * (l.weight / maxWeight)),
    )
    .force("charge", forceManyBody<SimNode>().strength(-320).theta(0))
    .force(
      "collide",
      forceCollide<SimNode>((d) => d.r + 6),
    )
    .force("x", forceX<SimNode>(0).strength(0.04))
    .force("y", forceY<SimNode>(0).strength(0.06))
    .stop()
    .tick(300);
  const spanX = Math.max(1, ...nodes.map((n) => Math.abs(n.x ?? 0) + n.r));
  const spanY = Math.max(1, ...nodes.map((n) => Math.abs(n.y ?? 0) + n.r));
  const scale = Math.min((width / 2 - margin) / spanX, (height / 2 - margin) / spanY, 3);
  return new Map(nodes.map((n) => [n.id, { x: width / 2 + (n.x ?? 0) * scale, y: height / 2 + (n.y ?? 0) * scale }]));
}

function chain(n: number): NetworkInput {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, weight: 1 + ((i * 7) % 4) }));
  return {
    center: "c",
    nodes,
    links: [
      ...nodes.map((x) => ({ source: "c", target: x.id, weight: x.weight })),
      ...nodes.slice(1).map((x, i) => ({ source: nodes[i]!.id, target: x.id, weight: 1 + (i % 3) })),
    ],
  };
}

/** A member of one big alliance: every pair of the 31 shares it (the world's commonest network). */
function complete(n: number): NetworkInput {
  const ids = ["c", ...Array.from({ length: n }, (_, i) => `m${i}`)];
  const links = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ source: a, target: b, weight: 1 })));
  return { center: "c", nodes: ids.slice(1).map((id) => ({ id, weight: 1 })), links };
}

/** A few clusters (two alliances and a bilateral agreement) with heavier links inside them. */
function clusters(): NetworkInput {
  const nodes = Array.from({ length: 30 }, (_, i) => ({ id: `k${i}`, weight: 1 + (i % 5) }));
  const links = nodes.flatMap((a, i) =>
    nodes
      .slice(i + 1)
      .flatMap((b, j) => ((i + j) % 3 === 0 ? [{ source: a.id, target: b.id, weight: 1 + ((i * j) % 6) }] : [])),
  );
  return {
    center: "c",
    nodes,
    links: [...links, ...nodes.map((x) => ({ source: "c", target: x.id, weight: x.weight }))],
  };
}

describe("the network's simulation against d3-force", () => {
  for (const [name, input] of [
    [
      "no links",
      {
        center: "c",
        nodes: [
          { id: "a", weight: 1 },
          { id: "b", weight: 2 },
        ],
        links: [],
      },
    ],
    ["a chain of 5", chain(5)],
    ["a chain of 30", chain(30)],
    ["31 all sharing one alliance", complete(30)],
    ["clusters of 30", clusters()],
  ] as [string, NetworkInput][]) {
    it(`places every node where d3-force does, within half a pixel: ${name}`, () => {
      const ours = layoutNetwork(input);
      const theirs = d3Layout(input);
      expect(ours.nodes).toHaveLength(theirs.size);
      for (const node of ours.nodes) {
        const d3 = theirs.get(node.id)!;
        expect(Math.abs(node.x - d3.x)).toBeLessThan(0.5);
        expect(Math.abs(node.y - d3.y)).toBeLessThan(0.5);
      }
    });
  }
});
