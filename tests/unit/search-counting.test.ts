// How a broad search's counts are written: rounded to two figures when estimated (lib/data/search/estimate.ts), and
// which wording the total takes (lib/shared/total-wording.ts).
import { describe, expect, it } from "vitest";
import { totalWording } from "@/lib/shared/total-wording";

const { roundEstimate } = await import("@/lib/data/search/estimate");

describe("roundEstimate", () => {
  it("keeps two significant figures", () => {
    expect(roundEstimate(68_901)).toBe(69_000);
    expect(roundEstimate(4_449)).toBe(4_400);
    expect(roundEstimate(123_456)).toBe(120_000);
    expect(roundEstimate(95)).toBe(95);
    expect(roundEstimate(7)).toBe(7);
  });

  it("never rounds a value the sample found down to nothing, nor makes one of nothing", () => {
    expect(roundEstimate(0.4)).toBe(1);
    expect(roundEstimate(0)).toBe(0);
  });
});

describe("totalWording", () => {
  it("is exact, about (a sample) or at least (close spellings cut at the limit)", () => {
    expect(totalWording({ total: false, facets: false, atLeast: false })).toBe("");
    expect(totalWording({ total: false, facets: true, atLeast: false })).toBe("");
    expect(totalWording({ total: true, facets: true, atLeast: false })).toBe("About");
    expect(totalWording({ total: false, facets: true, atLeast: true })).toBe("AtLeast");
  });
});
