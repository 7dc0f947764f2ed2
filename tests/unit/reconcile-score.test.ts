// The reconciliation service's scoring and input rules (lib/open-data/reconcile), without a database.
import { describe, expect, it } from "vitest";
import { parseExtend, parseQueries, parseRecordId } from "@/lib/open-data/reconcile/input";
import {
  type CandidateFacts,
  countryCode,
  domainOf,
  isConfident,
  scoreCandidates,
} from "@/lib/open-data/reconcile/score";
import { ValidationError } from "@/lib/shared/errors";

const facts = (id: string, tier: number, over: Partial<CandidateFacts> = {}): CandidateFacts => ({
  id,
  name: id,
  tier,
  country: "CN",
  kind: "UNIVERSITY",
  domains: [],
  memberOf: { ids: [], names: [] },
  ...over,
});

describe("values as spreadsheets give them", () => {
  it("countries by code or name, in English or Chinese; unknown is null", () => {
    expect(countryCode("hk")).toBe("HK");
    expect(countryCode("Hong Kong SAR")).toBe("HK");
    expect(countryCode("China")).toBe("CN");
    expect(countryCode("中国")).toBe("CN");
    expect(countryCode("United Kingdom")).toBe("GB");
    expect(countryCode("Atlantis")).toBeNull();
    expect(countryCode("XX")).toBeNull();
  });

  it("a website, bare domain or email address gives its domain", () => {
    expect(domainOf("https://www.CUHK.edu.hk/english/index.html")).toBe("cuhk.edu.hk");
    expect(domainOf("someone@link.cuhk.edu.hk")).toBe("link.cuhk.edu.hk");
    expect(domainOf("cuhk.edu.hk")).toBe("cuhk.edu.hk");
    expect(domainOf("not a domain")).toBeNull();
  });
});

describe("scores and match", () => {
  it("an agreeing property raises, a contradicting one lowers, a missing fact changes nothing", () => {
    const [a, c, b] = scoreCandidates(
      [facts("a", 1), facts("b", 1, { country: "US" }), facts("c", 1, { country: null })],
      [{ pid: "country", values: ["China"] }],
    );
    expect([a?.facts.id, a?.score]).toEqual(["a", 95]);
    expect([b?.facts.id, b?.score, b?.contradicted]).toEqual(["b", 50, true]);
    expect([c?.facts.id, c?.score]).toEqual(["c", 85]);
  });

  it("two uncontradicted exact namesakes are never certain; a property that rules one out makes the other so", () => {
    const twins = [facts("cn", 0), facts("us", 0, { country: "US" })];
    expect(isConfident(scoreCandidates(twins, []))).toBe(false);
    expect(isConfident(scoreCandidates(twins, [{ pid: "country", values: ["US"] }]))).toBe(true);
    expect(isConfident(scoreCandidates([facts("one", 0)], [{ pid: "country", values: ["US"] }]))).toBe(false);
  });

  it("a name matched less than exactly is certain only with properties and a lead", () => {
    const domains = { domains: ["njmu.edu.cn"] };
    expect(isConfident(scoreCandidates([facts("p", 1)], []))).toBe(false);
    const website = [{ pid: "website" as const, values: ["njmu.edu.cn"] }];
    expect(isConfident(scoreCandidates([facts("p", 1, domains), facts("q", 1)], website))).toBe(true);
    // 95 against 85: agreeing on the country alone is not a lead of 15 over a candidate that cannot say.
    const country = [{ pid: "country" as const, values: ["CN"] }];
    expect(isConfident(scoreCandidates([facts("p", 1), facts("q", 1, { country: null })], country))).toBe(false);
    // A typo and two agreeing properties still fall short of certainty.
    const both = [...website, { pid: "country" as const, values: ["CN"] }];
    expect(isConfident(scoreCandidates([facts("t", 4, domains)], both))).toBe(false);
  });
});

describe("input", () => {
  const error = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof ValidationError ? e.message : `not a ValidationError: ${e}`;
    }
    return "no error";
  };

  it("queries: one value or several, entities by id; defaults", () => {
    const [q] = parseQueries(
      JSON.stringify({
        a: { query: " NMU ", properties: [{ pid: "member_of", v: [{ id: "organization/m9" }, "EPU"] }] },
      }),
    );
    expect(q).toEqual({
      key: "a",
      query: "NMU",
      types: [],
      limit: 5,
      properties: [{ pid: "member_of", values: ["organization/m9", "EPU"] }],
    });
  });

  it("refuses what the service cannot answer, naming the query", () => {
    expect(error(() => parseQueries("nope"))).toBe("queries is not valid JSON.");
    expect(error(() => parseQueries('{"q0":{"query":"a","extra":1}}'))).toMatch(/^Query q0/);
    expect(error(() => parseQueries("{}"))).toBe("queries holds no query.");
  });

  it("ids are a type and a slug", () => {
    expect(parseRecordId("institution/nanjing-medical-university")).toEqual({
      type: "institution",
      slug: "nanjing-medical-university",
    });
    expect(parseRecordId("nanjing-medical-university")).toBeNull();
    expect(parseRecordId("institution/../etc")).toBeNull();
    expect(error(() => parseExtend('{"ids":[],"properties":[{"id":"country"}]}'))).toMatch(/^extend\.ids/);
    const ended = parseExtend(
      '{"ids":["organization/m9"],"properties":[{"id":"member_of","settings":{"include_ended":"true"}}]}',
    );
    expect(ended.includeEnded).toBe(true);
  });
});
