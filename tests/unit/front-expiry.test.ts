// The portal's stamp for a caching front (scripts/lib/front-expiry.mjs): GET and HEAD responses may be kept until
// the end of the second they were asked in, as an absolute time nginx reads (X-Accel-Expires: @<unix second>).
import { describe, expect, it } from "vitest";
import { expireAtFrontWithinTheSecond } from "../../scripts/lib/front-expiry.mjs";

function stamp(method: string, now: number) {
  const headers = new Map<string, string>();
  expireAtFrontWithinTheSecond(
    { method },
    { setHeader: (name: string, value: string) => headers.set(name, value) } as never,
    now,
  );
  return headers.get("X-Accel-Expires");
}

describe("expireAtFrontWithinTheSecond", () => {
  it("stamps GET and HEAD with the second they were asked in, never a later one", () => {
    expect(stamp("GET", 1_764_500_000_999)).toBe("@1764500000");
    expect(stamp("HEAD", 1_764_500_001_000)).toBe("@1764500001");
  });
  it("leaves writes alone: a front stores none of them", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) expect(stamp(method, 0)).toBeUndefined();
  });
});
