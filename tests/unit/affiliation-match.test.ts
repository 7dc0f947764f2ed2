import { describe, expect, it } from "vitest";
import {
  distinctiveWords,
  expandAbbreviations,
  foldAffiliation,
  parseAffiliation,
  typoLookupWords,
  withoutThe,
} from "@/lib/shared/affiliation-text";
import { inForceOn, matchingQuality, rankMatches, type MatchHit } from "@/lib/shared/affiliation-match";
import { apiMatchQuerySchema } from "@/lib/validation/match";

// Affiliation matching's pure parts (GET /api/v1/match): reading the string, ranking and choosing, the date rule,
// the figures of the labelled set, and the query's validation. The database side: tests/integration/match.test.ts.

describe("reading an affiliation", () => {
  it("splits at commas, keeps countries apart, drops postcodes and writes abbreviations out", () => {
    const { parts, countries } = parseAffiliation("Dept. of Surgery, Nanjing Med. Univ., Nanjing 211166, China");
    expect(countries).toEqual(["CN", "HK", "MO"]);
    const keys = parts.map((p) => p.key);
    expect(keys).toContain("nanjing medical university");
    expect(keys).toContain("nanjing med univ");
    expect(keys).toContain("nanjing");
    expect(keys).not.toContain("china");
    expect(keys.some((k) => /\d/.test(k))).toBe(false);
    expect(parts.find((p) => p.key === "department of surgery")?.unit).toBe(true);
    expect(parts.find((p) => p.key === "nanjing medical university")?.unit).toBe(false);
  });

  it("joins neighbouring parts, for names written with a comma", () => {
    const { parts, countries } = parseAffiliation("Dept of Physics, Univ. of California, Berkeley, CA 94720, USA");
    expect(countries).toEqual(["US"]);
    expect(parts.map((p) => p.key)).toContain("university of california berkeley");
  });

  it("sets case, punctuation and a leading or trailing The aside", () => {
    expect(foldAffiliation("The  Chinese Univ. of Hong-Kong!")).toBe("the chinese univ of hong kong");
    expect(withoutThe("the university of hong kong")).toBe("university of hong kong");
    expect(withoutThe("chinese university of hong kong the")).toBe("chinese university of hong kong");
    expect(expandAbbreviations("natl inst of sci and tech")).toBe("national institute of science and technology");
  });

  it("marks acronyms, and reads a state's code as no country", () => {
    const { parts, countries } = parseAffiliation("MIT, Cambridge, MA");
    expect(parts.find((p) => p.text === "MIT")?.acronym).toBe(true);
    expect(countries).toEqual([]);
  });

  it("keeps the rare words of a part for the typo search", () => {
    expect(distinctiveWords("university of narth florida")).toBe("florida narth");
    expect(distinctiveWords("national university")).toBe("");
    // A common word mistyped is still common: looked up, it led the index to every university of the world.
    expect(distinctiveWords("kassala universiyt")).toBe("kassala");
    expect(distinctiveWords("qafqaz univesity")).toBe("qafqaz");
    expect(distinctiveWords("dha suffa uiversity")).toBe("suffa dha");
    // A rare word one letter from a short common word stays rare.
    expect(distinctiveWords("sinop university")).toBe("sinop");
  });

  it("looks up for typos only the parts that may be a mistyped name", () => {
    const lookups = (affiliation: string, max = 6) => {
      const { parts } = parseAffiliation(affiliation);
      return Object.fromEntries(parts.map((p, i) => [p.key, typoLookupWords(parts, max)[i]]));
    };
    const words = lookups("Dept. of Surgery, Nanjing Medcal Univ., Nanjing 211166, China");
    // "medcal" is a common word mistyped: still common.
    expect(words["nanjing medcal university"]).toBe("nanjing");
    // A single word is a place far more often than a mistyped name ("Beijing", "Paris"): only ever taken exactly.
    expect(words.nanjing).toBeNull();
    // A department is close to many a name; the abbreviations as written are only for exact names.
    expect(words["department of surgery"]).toBeNull();
    expect(words["nanjing medcal univ"]).toBeNull();
    expect(lookups("Faculty of Law, Kahsan University")["faculty of law"]).toBeNull();
    // Acronyms: three capitals are close to anything.
    expect(lookups("NJMU, Nanjing").njmu).toBeNull();
    // Common words only: nothing to look up by.
    expect(lookups("National University, Taipei")["national university"]).toBeNull();
    // Departments are looked up when the affiliation names nothing else.
    expect(lookups("Department of Kahsan Studies")["department of kahsan studies"]).toBe("kahsan");
    // At most `max` parts are looked up, the first ones.
    const many = parseAffiliation("Alpha Beta Univ., Gamma Delta Univ., Epsilon Zeta Univ.").parts;
    expect(typoLookupWords(many, 1).filter((w) => w !== null)).toHaveLength(1);
  });
});

const part = (text: string, key = foldAffiliation(text)) => ({
  text,
  key,
  acronym: false,
  unit: false,
  asWritten: false,
});
const hit = (over: Partial<MatchHit>): MatchHit => ({
  part: 0,
  id: "i1",
  slug: "one",
  kind: "UNIVERSITY",
  name: "One University",
  country: "CN",
  exact: false,
  similarity: 0.5,
  ...over,
});

describe("ranking and choosing", () => {
  it("chooses the one institution a part names exactly, and lists the others below it", () => {
    const ranked = rankMatches(
      [hit({ exact: true }), hit({ id: "i2", slug: "two", similarity: 0.7 })],
      [part("One University")],
      [],
    );
    expect(ranked.map((c) => [c.record.slug, c.matching_type, c.chosen])).toEqual([
      ["one", "EXACT", true],
      ["two", "FUZZY", false],
    ]);
  });

  it("chooses none when two institutions are named exactly, unless the country tells them apart", () => {
    const hits = [hit({ exact: true }), hit({ id: "i2", slug: "two", exact: true, country: "US" })];
    expect(rankMatches(hits, [part("One University")], []).filter((c) => c.chosen)).toEqual([]);
    const narrowed = rankMatches(hits, [part("One University"), part("China")], ["CN"]);
    expect(narrowed.filter((c) => c.chosen).map((c) => c.record.slug)).toEqual(["one"]);
    expect(narrowed.find((c) => c.record.slug === "two")?.score).toBe(0.8);
  });

  it("prefers the longer exact part: the member before the body whose name it holds", () => {
    const parts = [
      part("Birkbeck College"),
      part("University of London"),
      part("Birkbeck College, University of London"),
    ];
    const ranked = rankMatches(
      [
        hit({ part: 1, id: "u", slug: "london", exact: true }),
        hit({ part: 2, id: "b", slug: "birkbeck", exact: true }),
      ],
      parts,
      [],
    );
    expect(ranked.filter((c) => c.chosen).map((c) => [c.record.slug, c.matching_type])).toEqual([
      ["birkbeck", "PHRASE"],
    ]);
  });

  it("chooses a typo match only when close and clearly ahead, and never outside the named country", () => {
    const parts = [part("Nanjing Medical Univeristy")];
    const close = (a: number, b: number) =>
      rankMatches([hit({ similarity: a }), hit({ id: "i2", slug: "two", similarity: b })], parts, []);
    expect(close(0.74, 0.55)[0]?.chosen).toBe(true);
    expect(close(0.74, 0.65).some((c) => c.chosen)).toBe(false);
    expect(close(0.55, 0.3).some((c) => c.chosen)).toBe(false);
    expect(rankMatches([hit({ similarity: 0.9, country: "US" })], parts, ["CN"])[0]?.chosen).toBe(false);
  });

  it("marks acronyms, chooses nothing without hits, and never more than one", () => {
    const acronym = { ...part("NMU"), acronym: true };
    expect(rankMatches([hit({ exact: true })], [acronym], [])[0]?.matching_type).toBe("ACRONYM");
    expect(rankMatches([], [part("Pfizer Inc.")], [])).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => hit({ id: `i${i}`, slug: `s${i}`, similarity: 0.5 + i / 100 }));
    const ranked = rankMatches(many, [part("Something")], []);
    expect(ranked.length).toBe(10);
    expect(ranked.filter((c) => c.chosen).length).toBeLessThanOrEqual(1);
  });
});

describe("memberships in force on a day", () => {
  const m = (joined: string | null, ended: string | null) => ({
    joined: joined ? { iso: joined } : null,
    ended: ended ? { iso: ended } : null,
  });
  it("compares at the stored precision: joined ≤ day < ended", () => {
    expect(inForceOn(m("2016", null), "2016-01-01")).toBe(true);
    expect(inForceOn(m("2016", null), "2015-12-31")).toBe(false);
    expect(inForceOn(m("2018-11", null), "2018-10-31")).toBe(false);
    expect(inForceOn(m("2018-11", null), "2018-11-01")).toBe(true);
    expect(inForceOn(m("2019-11-11", null), "2019-11-10")).toBe(false);
    expect(inForceOn(m("2010", "2019"), "2018-12-31")).toBe(true);
    expect(inForceOn(m("2010", "2019"), "2019-06-01")).toBe(false);
    expect(inForceOn(m("2010", "2019-03-15"), "2019-03-14")).toBe(true);
    expect(inForceOn(m("2010", "2019-03-15"), "2019-03-15")).toBe(false);
    expect(inForceOn(m(null, null), "1900-01-01")).toBe(true);
  });
});

describe("the labelled set's figures", () => {
  it("counts a wrong choice and a choice for none as false positives, no choice as a false negative", () => {
    expect(
      matchingQuality([
        { label: "a", chosen: "a" },
        { label: "b", chosen: "c" },
        { label: "none", chosen: "d" },
        { label: "e", chosen: null },
        { label: "none", chosen: null },
      ]),
    ).toEqual({ strings: 5, tp: 1, fp: 2, fn: 1, precision: 0.333, recall: 0.5 });
  });
});

describe("the query", () => {
  it("takes an affiliation and an optional day", () => {
    expect(apiMatchQuerySchema.parse({ affiliation: " Nanjing ", date: "2020-02-29" })).toEqual({
      affiliation: "Nanjing",
      date: "2020-02-29",
    });
  });
  it("refuses a missing, empty or too long affiliation, a bad day and unknown parameters", () => {
    for (const query of [
      {},
      { affiliation: "  " },
      { affiliation: "x".repeat(501) },
      { affiliation: "x", date: "2021-02-29" },
      { affiliation: "x", date: "2021-2-3" },
      { affiliation: "x", date: "yesterday" },
      { affiliation: "x", limit: "3" },
    ])
      expect(apiMatchQuerySchema.safeParse(query).success).toBe(false);
  });
});
