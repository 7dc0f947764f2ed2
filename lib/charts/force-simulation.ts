// d3-force's forces (link, many-body, collide, x, y, applied in that order each tick, with its alpha decay and
// velocity decay), computed pair by pair. For the 31 nodes of an institution's network that is a few thousand pairs
// a tick and costs a fifth of d3-force's quadtrees, which pay off only for hundreds of nodes (a first visit laid out
// a network in about 25 ms). tests/unit/network-layout-d3.test.ts holds the result to d3-force's exact simulation.

export type SimNode = {
  id: string;
  r: number;
  weight: number;
  x: number;
  y: number;
  vx: number;
  vy: number;
  fixed: boolean;
};
export type SimLink = {
  source: number;
  target: number;
  weight: number;
  distance: number;
  strength: number;
  bias: number;
};

export const ITERATIONS = 300;
// d3-force's defaults: alpha from 1 towards 0.001 in 300 ticks, velocities kept at 60% a tick.
const ALPHA_MIN = 0.001;
const ALPHA_DECAY = 1 - ALPHA_MIN ** (1 / ITERATIONS);
const VELOCITY_KEPT = 0.6;
const CHARGE = -320;
const COLLIDE_GAP = 6;
const PULL_X = 0.04;
const PULL_Y = 0.06;

/** d3-force's linear congruential generator, for the rare nudge of two nodes at the very same place. */
function seededRandom() {
  let s = 1;
  return () => {
    s = (1664525 * s + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

type Jiggle = () => number;

/** Two nodes at the very same coordinate are nudged apart a millionth at random, as d3-force does. */
function apart(x: number, y: number, jiggle: Jiggle): [x: number, y: number, d2: number] {
  const nx = x === 0 ? jiggle() : x;
  const ny = y === 0 ? jiggle() : y;
  return [nx, ny, x * x + y * y + (x === 0 ? nx * nx : 0) + (y === 0 ? ny * ny : 0)];
}

/** Links: springs towards their length, the pull shared between the ends by how many links each end has. */
function pullLinks(nodes: SimNode[], links: SimLink[], alpha: number, jiggle: Jiggle) {
  for (const l of links) {
    const s = nodes[l.source]!;
    const t = nodes[l.target]!;
    let x = t.x + t.vx - s.x - s.vx || jiggle();
    let y = t.y + t.vy - s.y - s.vy || jiggle();
    let d = Math.sqrt(x * x + y * y);
    d = ((d - l.distance) / d) * alpha * l.strength;
    x *= d;
    y *= d;
    t.vx -= x * l.bias;
    t.vy -= y * l.bias;
    s.vx += x * (1 - l.bias);
    s.vy += y * (1 - l.bias);
  }
}

/** Many-body: every node pushes every other away, by the inverse of their distance (this tick's positions). */
function repel(nodes: SimNode[], alpha: number, jiggle: Jiggle) {
  for (const a of nodes) {
    for (const b of nodes) {
      if (b === a) continue;
      let [x, y, d2] = apart(b.x - a.x, b.y - a.y, jiggle);
      if (d2 < 1) d2 = Math.sqrt(d2);
      const w = (CHARGE * alpha) / d2;
      a.vx += x * w;
      a.vy += y * w;
    }
  }
}

/** Collision: two nodes closer than their radii (plus a gap) are pushed apart, the smaller one more. */
function separate(nodes: SimNode[], jiggle: Jiggle) {
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i]!;
    const ri = a.r + COLLIDE_GAP;
    const xi = a.x + a.vx;
    const yi = a.y + a.vy;
    for (let j = i + 1; j < nodes.length; j++) {
      const b = nodes[j]!;
      const rj = b.r + COLLIDE_GAP;
      const r = ri + rj;
      const dx = xi - b.x - b.vx;
      const dy = yi - b.y - b.vy;
      if (dx * dx + dy * dy >= r * r) continue;
      let [x, y, d2] = apart(dx, dy, jiggle);
      const d = Math.sqrt(d2);
      x *= (r - d) / d;
      y *= (r - d) / d;
      const share = (rj * rj) / (ri * ri + rj * rj);
      a.vx += x * share;
      a.vy += y * share;
      b.vx -= x * (1 - share);
      b.vy -= y * (1 - share);
    }
  }
}

/** `ticks` steps of the simulation, in place: forces change velocities, then velocities move the free nodes. */
export function simulate(nodes: SimNode[], links: SimLink[], ticks: number) {
  const random = seededRandom();
  const jiggle = () => (random() - 0.5) * 1e-6;
  let alpha = 1;
  for (let k = 0; k < ticks; k++) {
    alpha += (0 - alpha) * ALPHA_DECAY;
    pullLinks(nodes, links, alpha, jiggle);
    repel(nodes, alpha, jiggle);
    separate(nodes, jiggle);
    for (const node of nodes) {
      // A gentle pull towards the middle, stronger vertically (the picture is wider than high).
      node.vx += -node.x * PULL_X * alpha;
      node.vy += -node.y * PULL_Y * alpha;
    }
    for (const node of nodes) {
      if (node.fixed) {
        node.vx = 0;
        node.vy = 0;
        continue;
      }
      node.vx *= VELOCITY_KEPT;
      node.vy *= VELOCITY_KEPT;
      node.x += node.vx;
      node.y += node.vy;
    }
  }
}
