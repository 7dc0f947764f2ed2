// vitest 5's reporter calls Map.groupBy (Node 21+); on Node 20 a failing test would crash the reporter and
// hide its message. Loaded with --import by scripts/test.mjs.
if (typeof Map.groupBy !== "function") {
  Map.groupBy = function groupBy(items, keyOf) {
    const map = new Map();
    let i = 0;
    for (const item of items) {
      const key = keyOf(item, i++);
      if (!map.has(key)) map.set(key, []);
      map.get(key).push(item);
    }
    return map;
  };
}
if (typeof Object.groupBy !== "function") {
  Object.groupBy = function groupBy(items, keyOf) {
    const out = Object.create(null);
    let i = 0;
    for (const item of items) {
      const key = keyOf(item, i++);
      out[key] = [...(out[key] ?? []), item];
    }
    return out;
  };
}
