import { describe, expect, it } from "vitest";
import { proposeMembershipCreateSchema } from "@/lib/validation/memberships";
import { PAGE_SIZE, parseInstitutionSearch, parseOrganizationSearch } from "@/lib/validation/search";

describe("parseOrganizationSearch", () => {
  it("gives the defaults for no parameters", () => {
    expect(parseOrganizationSearch({})).toEqual({
      search: { sort: "relevance", page: 1, pageSize: PAGE_SIZE },
      errors: [],
    });
    expect(PAGE_SIZE).toBe(20);
  });

  it("treats empty and blank values as absent", () => {
    const { search, errors } = parseOrganizationSearch({
      q: "   ",
      kind: "",
      field: "",
      year: "",
      sort: "",
      country: undefined,
    });
    expect(errors).toEqual([]);
    expect(search).toEqual({ sort: "relevance", page: 1, pageSize: PAGE_SIZE });
  });

  it("reads every valid filter, trimming the text and upper-casing the country", () => {
    const { search, errors } = parseOrganizationSearch({
      q: "  silk road ",
      kind: "ALLIANCE",
      field: "HIGHER_EDUCATION",
      country: "hk",
      year: "2015",
      sort: "founded-desc",
      page: "3",
    });
    expect(errors).toEqual([]);
    expect(search).toEqual({
      q: "silk road",
      kind: "ALLIANCE",
      field: "HIGHER_EDUCATION",
      country: "HK",
      year: 2015,
      sort: "founded-desc",
      page: 3,
      pageSize: PAGE_SIZE,
    });
  });

  it.each(["relevance", "name", "founded-desc", "founded-asc", "members", "updated"])("accepts sort=%s", (sort) => {
    expect(parseOrganizationSearch({ sort })).toMatchObject({ search: { sort }, errors: [] });
  });

  it("reports an invalid kind and drops it, keeping the rest", () => {
    const { search, errors } = parseOrganizationSearch({ q: "silk", kind: "CLUB", country: "CN", page: "2" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^kind: /);
    expect(search).toEqual({ q: "silk", country: "CN", sort: "relevance", page: 2, pageSize: PAGE_SIZE });
    expect(search).not.toHaveProperty("kind");
  });

  it.each(["USA", "H", "1K", "h-k"])("reports the invalid country %j and drops it, keeping the rest", (country) => {
    const { search, errors } = parseOrganizationSearch({ q: "anso", kind: "ALLIANCE", country });
    expect(errors).toEqual(["country: A country or region is its two-letter ISO code, such as HK."]);
    expect(search).toEqual({ q: "anso", kind: "ALLIANCE", sort: "relevance", page: 1, pageSize: PAGE_SIZE });
  });

  it.each([
    ["0", "page: Pages start at 1."],
    ["-2", "page: Pages start at 1."],
    ["1.5", "page: Page must be a whole number."],
    ["abc", /^page: /],
    ["10001", /^page: /],
  ])("reports page=%j and falls back to page 1, keeping the rest", (page, message) => {
    const { search, errors } = parseOrganizationSearch({ page, field: "MEDICINE", sort: "name" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    expect(search).toEqual({ field: "MEDICINE", sort: "name", page: 1, pageSize: PAGE_SIZE });
  });

  it("reports an over-long search text and searches without it", () => {
    const { search, errors } = parseOrganizationSearch({ q: "x".repeat(201), kind: "NETWORK" });
    expect(errors).toEqual(["q: Search text is limited to 200 characters."]);
    expect(search).toEqual({ kind: "NETWORK", sort: "relevance", page: 1, pageSize: PAGE_SIZE });
    expect(parseOrganizationSearch({ q: "x".repeat(200) })).toMatchObject({
      search: { q: "x".repeat(200) },
      errors: [],
    });
  });

  it("reports several invalid parameters at once, each by name", () => {
    const { search, errors } = parseOrganizationSearch({
      kind: "CLUB",
      field: "ASTROLOGY",
      year: "abc",
      sort: "random",
      country: "XYZ",
      q: "epu",
    });
    expect(errors.map((e) => e.split(":")[0]).sort()).toEqual(["country", "field", "kind", "sort", "year"]);
    expect(search).toEqual({ q: "epu", sort: "relevance", page: 1, pageSize: PAGE_SIZE });
  });

  it("reports a year out of range", () => {
    const { search, errors } = parseOrganizationSearch({ year: "15" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^year: /);
    expect(search).not.toHaveProperty("year");
  });

  it("takes the first value of a repeated parameter", () => {
    const { search, errors } = parseOrganizationSearch({
      q: ["silk", "road"],
      kind: ["ALLIANCE", "NETWORK"],
      field: ["MEDICINE", "HEALTH"],
      country: ["hk", "cn"],
      year: ["2015", "2016"],
      sort: ["name", "members"],
      page: ["2", "3"],
    });
    expect(errors).toEqual([]);
    expect(search).toEqual({
      q: "silk",
      kind: "ALLIANCE",
      field: "MEDICINE",
      country: "HK",
      year: 2015,
      sort: "name",
      page: 2,
      pageSize: PAGE_SIZE,
    });
  });

  it("judges a repeated parameter by its first value", () => {
    const { search, errors } = parseOrganizationSearch({ kind: ["CLUB", "ALLIANCE"] });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^kind: /);
    expect(search).not.toHaveProperty("kind");
  });
});

describe("parseInstitutionSearch", () => {
  it("gives the defaults for no parameters", () => {
    expect(parseInstitutionSearch({})).toEqual({ search: { sort: "name", page: 1, pageSize: PAGE_SIZE }, errors: [] });
  });

  it("reads every valid filter", () => {
    const { search, errors } = parseInstitutionSearch({
      q: " medical ",
      kind: "UNIVERSITY",
      country: "cn",
      sort: "memberships",
      page: "2",
    });
    expect(errors).toEqual([]);
    expect(search).toEqual({
      q: "medical",
      kind: "UNIVERSITY",
      country: "CN",
      sort: "memberships",
      page: 2,
      pageSize: PAGE_SIZE,
    });
  });

  it("reports an organization kind as an invalid institution kind and keeps the rest", () => {
    const { search, errors } = parseInstitutionSearch({ kind: "ALLIANCE", q: "harbin", country: "CN" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^kind: /);
    expect(search).toEqual({ q: "harbin", country: "CN", sort: "name", page: 1, pageSize: PAGE_SIZE });
  });

  it("reports an organization sort, an invalid country and an invalid page, keeping the kind", () => {
    const { search, errors } = parseInstitutionSearch({
      sort: "members",
      country: "China",
      page: "x",
      kind: "ACADEMY",
    });
    expect(errors.map((e) => e.split(":")[0]).sort()).toEqual(["country", "page", "sort"]);
    expect(search).toEqual({ kind: "ACADEMY", sort: "name", page: 1, pageSize: PAGE_SIZE });
  });

  it("reports an over-long search text", () => {
    const { search, errors } = parseInstitutionSearch({ q: "南".repeat(201) });
    expect(errors).toEqual(["q: Search text is limited to 200 characters."]);
    expect(search).not.toHaveProperty("q");
  });

  it("takes the first value of a repeated parameter", () => {
    const { search, errors } = parseInstitutionSearch({
      q: ["cuhk", "nmu"],
      kind: ["SCHOOL", "UNIVERSITY"],
      country: ["hk"],
      sort: ["country", "name"],
      page: ["4"],
    });
    expect(errors).toEqual([]);
    expect(search).toEqual({ q: "cuhk", kind: "SCHOOL", country: "HK", sort: "country", page: 4, pageSize: PAGE_SIZE });
  });
});

describe("proposeMembershipCreateSchema", () => {
  const values = {
    role: "MEMBER",
    status: "ACTIVE",
    joined: "2020",
    ended: "",
    notes: "",
    sourceUrl: "https://example.org/x",
    sourceTitle: "",
    sourceQuote: "",
  };
  const paths = (input: object) => {
    const result = proposeMembershipCreateSchema.safeParse({ reason: "", ...input });
    return result.success ? [] : result.error.issues.map((i) => i.path.join(".")).sort();
  };

  it("takes an organization chosen (slug) or typed (name)", () => {
    expect(paths({ organizationSlug: "eurasia-pacific-uninet", values })).toEqual([]);
    expect(paths({ organization: "Eurasia Pacific Uninet", values })).toEqual([]);
  });

  it("names a missing organization together with the other fields' problems", () => {
    expect(paths({ organizationSlug: "", organization: " ", values })).toEqual(["organization"]);
    expect(paths({ organizationSlug: "", organization: "", values: { ...values, joined: "Feb 30, 2020" } })).toEqual([
      "organization",
      "values.joined",
    ]);
  });
});
