// Deterministic randomness for the synthetic world: the same seed gives the same database.

/** mulberry32: a small, fast 32-bit PRNG, good enough for synthetic data. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  /** An item chosen by weight: [[item, weight], …]. */
  const weighted = <T>(table: readonly (readonly [T, number])[]): T => {
    const total = table.reduce((n, [, w]) => n + w, 0);
    let x = next() * total;
    for (const [item, w] of table) {
      x -= w;
      if (x < 0) return item;
    }
    return table[table.length - 1]![0];
  };
  return { next, int, pick, chance, weighted };
}

export type Random = ReturnType<typeof createRandom>;

/**
 * Sampling proportional to fixed weights, in O(log n): the cumulative sums and a binary search.
 * Used so that a few institutions (the big research universities) belong to many organizations.
 */
export function createWeightedSampler(weights: Float64Array) {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) cumulative[i] = sum += weights[i]!;
  return (r: number) => {
    const x = r * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * Organization sizes that sum to exactly `total`: a power law (a few organizations with thousands of
 * members, most with a handful), the largest at `largest`, none above `cap`. The exponent is found by
 * bisection so the same shape holds at every scale.
 */
export function powerLawSizes(count: number, total: number, largest: number, cap: number): Int32Array {
  const sizes = new Int32Array(count);
  if (count === 0) return sizes;
  const top = Math.max(1, Math.min(largest, cap));
  const fill = (a: number) => {
    let sum = 0;
    for (let r = 0; r < count; r++) sum += sizes[r] = Math.max(1, Math.min(cap, Math.round(top * (r + 1) ** -a)));
    return sum;
  };
  let lo = 0;
  let hi = 4;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (fill(mid) > total) lo = mid;
    else hi = mid;
  }
  let diff = total - fill(hi);
  // Round the remainder onto the organizations below the largest, keeping the order and the cap.
  for (let r = 1; diff !== 0 && r < count * 4; r++) {
    const i = r % count;
    if (diff > 0 && sizes[i]! < cap && (i === 0 || sizes[i]! < sizes[i - 1]!)) {
      sizes[i]! += 1;
      diff--;
    } else if (diff < 0 && sizes[i]! > 1 && i > 0) {
      sizes[i]! -= 1;
      diff++;
    }
  }
  return sizes;
}
