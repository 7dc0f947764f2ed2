// The server's heap limit (scripts/lib/heap-limit.mjs): 256 MB unless ATLAS_HEAP_MB says otherwise, and a clear
// refusal of a value that is not a size; and its allocator's arenas, 2 unless MALLOC_ARENA_MAX says otherwise.
import { describe, expect, it } from "vitest";
import { allocatorEnv, DEFAULT_HEAP_MB, heapLimitArgs } from "../../scripts/lib/heap-limit.mjs";

describe("heapLimitArgs", () => {
  it("limits the heap to 256 MB when ATLAS_HEAP_MB is unset or blank", () => {
    expect(DEFAULT_HEAP_MB).toBe(256);
    expect(heapLimitArgs({})).toEqual(["--max-old-space-size=256"]);
    expect(heapLimitArgs({ ATLAS_HEAP_MB: "  " })).toEqual(["--max-old-space-size=256"]);
  });

  it("takes a whole number of megabytes from ATLAS_HEAP_MB", () => {
    expect(heapLimitArgs({ ATLAS_HEAP_MB: "1024" })).toEqual(["--max-old-space-size=1024"]);
    expect(heapLimitArgs({ ATLAS_HEAP_MB: " 384 " })).toEqual(["--max-old-space-size=384"]);
  });

  it.each(["512MB", "1e3", "-300", "300.5", "64", "0", "--max-old-space-size=9000"])(
    "refuses %j with a message naming the variable and the value",
    (value) => {
      expect(() => heapLimitArgs({ ATLAS_HEAP_MB: value })).toThrow(
        `ATLAS_HEAP_MB must be a whole number of megabytes, at least 128 (it is "${value.trim()}").`,
      );
    },
  );
});

describe("allocatorEnv", () => {
  it("gives the server 2 malloc arenas when MALLOC_ARENA_MAX is unset or blank", () => {
    expect(allocatorEnv({})).toEqual({ MALLOC_ARENA_MAX: "2" });
    expect(allocatorEnv({ MALLOC_ARENA_MAX: " " })).toEqual({ MALLOC_ARENA_MAX: "2" });
  });

  it("keeps the value the environment sets", () => {
    expect(allocatorEnv({ MALLOC_ARENA_MAX: "8" })).toEqual({ MALLOC_ARENA_MAX: "8" });
  });
});
