// Searching, filtering, sorting and paging organizations through listOrganizations, against the seeded
// database.
import type { Locale } from "@/i18n/routing";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { listInstitutions } from "@/lib/data/institutions/list";
import { listOrganizations } from "@/lib/data/organizations/list";
import type { OrganizationSearch } from "@/lib/validation/search";
import {
  institutionSearch,
  orgSearch,
  slugs,
  type Params,
  ANSO,
  BRIMEA,
  BY_NAME,
  EPU,
  FEDERATION,
  M9,
  MOU,
  PABSC,
  PROGRAMME,
  SINO_RUSSIAN,
  SOUTH_ASIA,
  UABR,
  UASR,
} from "../support/search";

const find = (params: Params, locale: Locale = "en", overrides: Partial<OrganizationSearch> = {}) =>
  listOrganizations(orgSearch(params, overrides), locale);

afterAll(async () => {
  await db().$disconnect();
});

describe("listOrganizations: finding", () => {
  it("'silk road' finds the University Alliance of the Silk Road first", async () => {
    const r = await find({ q: "silk road" });
    expect(r.items[0]?.slug).toBe(UASR);
    expect(r.items[0]?.name).toBe("University Alliance of the Silk Road");
    expect(r.total).toBe(r.items.length);
    expect(r.total).toBeGreaterThanOrEqual(1);
  });

  it("'丝绸之路' finds it by its Chinese name", async () => {
    for (const locale of ["zh", "en"] as const) {
      const r = await find({ q: "丝绸之路" }, locale);
      expect(slugs(r)).toEqual([UASR]);
    }
  });

  it.each([
    ["PABSC", PABSC],
    ["ANSO", ANSO],
    ["M9", M9],
    ["UABR", UABR],
    ["EPU", EPU],
    ["BRIMEA", BRIMEA],
    ["uasr", UASR],
  ])("the acronym %s finds its organization first", async (q, slug) => {
    const r = await find({ q });
    expect(r.items[0]?.slug).toBe(slug);
    expect(r.total).toBeGreaterThanOrEqual(1);
  });

  it("a former name finds the organization under its current name", async () => {
    const r = await find({ q: "ASIA-International Biomedical Science Consortium" });
    expect(r.items[0]?.slug).toBe(PABSC);
    expect(r.items[0]?.name).toBe("Pan-Asian Biomedical Science Consortium");
    expect(r.items[0]?.acronym).toBe("PABSC");
  });

  it("an alternate name finds its organization", async () => {
    expect((await find({ q: "M9 Collaboration Network" })).items[0]?.slug).toBe(M9);
    expect((await find({ q: "Belt and Road Region" })).items[0]?.slug).toBe(ANSO);
  });

  it.each([
    ["polytechnic", [EPU]],
    ["neuroscience", [MOU]],
    ["biennially", [PABSC]],
    ["Kyrgyzstan", [BRIMEA]],
    ["rehabilitation", [SINO_RUSSIAN]],
    ["Yunnan", [SOUTH_ASIA]],
  ])("a word only in an introduction (%s) finds its organization", async (q, expected) => {
    expect(slugs(await find({ q }))).toEqual(expected);
  });

  it("a word only in an introduction matches exactly, not by similarity to words of other introductions", async () => {
    // "Communiqué" is only in the Sino-Russian introduction. Its trigrams are close to "communication"
    // (ANSO's introduction) and "community" (the Federation's), but typo matching compares with names
    // and acronyms only, and only when the exact matches are fewer than a page.
    const r = await find({ q: "Communiqué" });
    expect(slugs(r)).toEqual([SINO_RUSSIAN]);
  });

  it("a full official name puts that organization first", async () => {
    expect((await find({ q: "University Alliance of Belt and Road" })).items[0]?.slug).toBe(UABR);
    expect((await find({ q: "The Belt and Road Federation for Health Promotion" })).items[0]?.slug).toBe(FEDERATION);
  });

  it("search is case-insensitive", async () => {
    expect(slugs(await find({ q: "SILK ROAD" }))).toEqual(slugs(await find({ q: "silk road" })));
    expect(slugs(await find({ q: "pabsc" }))[0]).toBe(PABSC);
  });

  it("a partial word finds its organization", async () => {
    expect(slugs(await find({ q: "Uninet" }))).toEqual([EPU]);
    expect(slugs(await find({ q: "Pan-Asian" }))).toEqual([PABSC]);
  });

  // Trigram word similarity (pg_trgm's <% operator) catches these misspellings.
  it.each([
    ["Eurasia Pacific Uninett", EPU],
    ["Uninett", EPU],
    ["Silk Raod", UASR],
  ])("the misspelling %j still finds its organization by trigram similarity", async (q, slug) => {
    const r = await find({ q });
    expect(r.items[0]?.slug).toBe(slug);
  });

  it("a search that matches nothing gives no items, total 0 and empty facets", async () => {
    const r = await find({ q: "zzqxv nothing here" });
    expect(r.items).toEqual([]);
    expect(r.total).toBe(0);
    expect(r.pageCount).toBe(1);
    expect(r.facets).toEqual({ kind: [], country: [], field: [], year: [] });
  });

  it.each([
    "%",
    "_",
    "%%",
    "100%",
    "a_b",
    "\\",
    "\\%",
    '\'; drop table "Organization"; --',
    "O'Neil",
    '"unterminated',
    "!",
    ":*",
  ])("the metacharacters in %j are plain text: no error and no stray match", async (q) => {
    const r = await find({ q });
    expect(r.total).toBe(0);
    expect(r.items).toEqual([]);
    const i = await listInstitutions(institutionSearch({ q }), "en");
    expect(i.total).toBe(0);
  });

  it("'&' matches itself literally: only the programme has an ampersand in its name", async () => {
    expect(slugs(await find({ q: "Road & Greater" }))).toEqual([PROGRAMME]);
    expect(slugs(await find({ q: "d & G" }))).toEqual([PROGRAMME]);
  });

  it("a Latin query under three characters is not a substring search ('or' is in nearly every name)", async () => {
    // Words starting with "or" (organizations, organizing) still match by trigram; the rest do not.
    expect((await find({ q: "or" })).total).toBeLessThan(12);
    expect(slugs(await find({ q: "M9" }))).toContain("m9-collaboration-network");
  });

  it("a hostile search leaves the tables intact", async () => {
    const institutions = await db().institution.count();
    await find({ q: '\'); DELETE FROM "Organization"; --' });
    expect(await db().organization.count()).toBe(12);
    expect(await db().institution.count()).toBe(institutions);
    expect(institutions).toBeGreaterThan(10_000);
  });
});

describe("listOrganizations: facets and filters", () => {
  it("without filters: all twelve, and every facet counts them", async () => {
    const r = await find({});
    expect(r.total).toBe(12);
    expect(r.facets.kind).toEqual([
      { value: "ALLIANCE", count: 5 },
      { value: "NETWORK", count: 2 },
      { value: "AGREEMENT", count: 1 },
      { value: "ASSOCIATION", count: 1 },
      { value: "CONSORTIUM", count: 1 },
      { value: "FEDERATION", count: 1 },
      { value: "PROGRAMME", count: 1 },
    ]);
    expect(r.facets.kind.reduce((n, f) => n + f.count, 0)).toBe(r.total);
    expect(r.facets.year).toEqual([
      { value: 2015, count: 2 },
      { value: 2019, count: 2 },
      { value: 2000, count: 1 },
      { value: 2018, count: 1 },
    ]);
    expect(r.facets.country.find((c) => c.value === "HK")?.count).toBe(6);
    expect(r.facets.country.find((c) => c.value === "CN")?.count).toBe(10);
    expect(r.facets.field.find((f) => f.value === "HIGHER_EDUCATION")?.count).toBe(3);
  });

  it("kind counts sum to the total of a search", async () => {
    for (const q of ["medical", "alliance", "road", "health"]) {
      const r = await find({ q });
      expect(r.total).toBeGreaterThan(1);
      expect(r.facets.kind.reduce((n, f) => n + f.count, 0)).toBe(r.total);
    }
  });

  it("kind=ALLIANCE filters, but the kind facet still shows the other kinds", async () => {
    const all = await find({});
    const r = await find({ kind: "ALLIANCE" });
    expect(r.total).toBe(5);
    expect(new Set(r.items.map((i) => i.kind))).toEqual(new Set(["ALLIANCE"]));
    expect(slugs(r).sort()).toEqual([ANSO, BRIMEA, SOUTH_ASIA, UABR, UASR].sort());
    expect(r.facets.kind).toEqual(all.facets.kind);
    // The other facets narrow to the alliances.
    expect(r.facets.field.find((f) => f.value === "HIGHER_EDUCATION")?.count).toBe(2);
    expect(r.facets.year).toEqual([
      { value: 2015, count: 2 },
      { value: 2018, count: 1 },
    ]);
  });

  it("country=HK keeps only organizations with a Hong Kong member, founder or declared member", async () => {
    const r = await find({ country: "hk" });
    expect(slugs(r).sort()).toEqual([ANSO, MOU, PABSC, PROGRAMME, UABR, UASR].sort());
    for (const item of r.items) expect(item.countries).toContain("HK");
    expect(r.facets.kind.reduce((n, f) => n + f.count, 0)).toBe(6);
    // The country facet ignores its own filter.
    expect(r.facets.country.map((c) => c.value)).toEqual(expect.arrayContaining(["CN", "HK", "RU", "AT"]));
  });

  it.each([
    ["HIGHER_EDUCATION", [EPU, UABR, UASR]],
    ["BIOMEDICAL_SCIENCE", [MOU, PABSC]],
    ["CHINESE_MEDICINE", [MOU, PROGRAMME]],
    ["ENVIRONMENT", [ANSO]],
  ])("field=%s", async (field, expected) => {
    const r = await find({ field });
    expect(slugs(r).sort()).toEqual([...expected].sort());
    for (const item of r.items) expect(item.fields).toContain(field);
    expect(r.facets.field.find((f) => f.value === "MEDICINE")?.count).toBe(6);
  });

  it("year=2015 finds UABR (October 2015) and UASR (2015)", async () => {
    const r = await find({ year: "2015" });
    expect(slugs(r).sort()).toEqual([UABR, UASR]);
    expect(r.items.map((i) => i.founded)).toEqual(
      expect.arrayContaining([
        { iso: "2015-10", precision: "MONTH" },
        { iso: "2015", precision: "YEAR" },
      ]),
    );
    expect(r.facets.year.map((y) => y.value).sort()).toEqual([2000, 2015, 2018, 2019]);
  });

  it("filters combine with each other and with the search text", async () => {
    expect(slugs(await find({ kind: "ALLIANCE", country: "HK", year: "2015" })).sort()).toEqual([UABR, UASR]);
    expect(slugs(await find({ q: "silk road", kind: "NETWORK" }))).toEqual([]);
    expect(slugs(await find({ q: "medical", country: "HK" })).sort()).toEqual(expect.arrayContaining([MOU]));
    const none = await find({ kind: "FEDERATION", country: "HK" });
    expect(none.total).toBe(0);
    expect(none.facets.kind).toEqual(expect.arrayContaining([{ value: "ALLIANCE", count: 3 }]));
  });
});

describe("listOrganizations: sorting", () => {
  it("sorts by display name", async () => {
    expect(slugs(await find({ sort: "name" }))).toEqual(BY_NAME);
    // With no search text, relevance falls back to the name.
    expect(slugs(await find({}))).toEqual(BY_NAME);
  });

  it("sorts by founding date, newest first, undated last (by name)", async () => {
    const r = await find({ sort: "founded-desc" });
    expect(slugs(r)).toEqual([
      MOU,
      PROGRAMME,
      ANSO,
      UABR,
      UASR,
      EPU,
      M9,
      PABSC,
      SOUTH_ASIA,
      SINO_RUSSIAN,
      FEDERATION,
      BRIMEA,
    ]);
    expect(r.items.slice(6).every((i) => i.founded === null)).toBe(true);
  });

  it("sorts by founding date, oldest first, still with the undated last", async () => {
    expect(slugs(await find({ sort: "founded-asc" }))).toEqual([
      EPU,
      UASR,
      UABR,
      ANSO,
      PROGRAMME,
      MOU,
      M9,
      PABSC,
      SOUTH_ASIA,
      SINO_RUSSIAN,
      FEDERATION,
      BRIMEA,
    ]);
  });

  it("sorts by members listed, then by name", async () => {
    const r = await find({ sort: "members" });
    expect(r.items[0]).toMatchObject({ slug: MOU, memberCount: 2 });
    expect(slugs(r).slice(1)).toEqual(BY_NAME.filter((s) => s !== MOU));
  });

  it("sorts by last update, newest first", async () => {
    const r = await find({ sort: "updated" });
    expect(r.total).toBe(12);
    const times = r.items.map((i) => Date.parse(i.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("sorts by name in the locale: the Chinese names decide the order in zh", async () => {
    const en = slugs(await find({ sort: "name" }, "en"));
    const zh = await find({ sort: "name" }, "zh");
    expect(slugs(zh)).not.toEqual(en);
    expect(new Set(slugs(zh))).toEqual(new Set(en));
    // The database collation decides; whatever it is, the order must follow the names shown.
    const rows = await db().$queryRawUnsafe<{ s: string[] }[]>(
      `SELECT array_agg(n ORDER BY n) AS s FROM unnest($1::text[]) AS n`,
      zh.items.map((i) => i.name),
    );
    expect(zh.items.map((i) => i.name)).toEqual(rows[0]!.s);
  });
});

describe("listOrganizations: paging in the database", () => {
  it("pages of five: disjoint pages, the same total, three pages", async () => {
    const page = (n: number) => find({ sort: "name" }, "en", { page: n, pageSize: 5 });
    const [p1, p2, p3] = await Promise.all([page(1), page(2), page(3)]);
    for (const p of [p1, p2, p3]) {
      expect(p.total).toBe(12);
      expect(p.pageCount).toBe(3);
    }
    expect(p1.page).toBe(1);
    expect(p2.page).toBe(2);
    expect(p1.items).toHaveLength(5);
    expect(p2.items).toHaveLength(5);
    expect(p3.items).toHaveLength(2);
    const s1 = slugs(p1);
    const s2 = slugs(p2);
    expect(s1.filter((s) => s2.includes(s))).toEqual([]);
    expect([...s1, ...s2, ...slugs(p3)]).toEqual(BY_NAME);
  });

  it("pages a filtered search too", async () => {
    const p2 = await find({ kind: "ALLIANCE", sort: "name" }, "en", { page: 2, pageSize: 2 });
    expect(p2.total).toBe(5);
    expect(p2.pageCount).toBe(3);
    expect(slugs(p2)).toEqual(BY_NAME.filter((s) => [ANSO, BRIMEA, SOUTH_ASIA, UABR, UASR].includes(s)).slice(2, 4));
  });

  it("a page past the end is empty but still reports the total", async () => {
    const r = await find({ sort: "name" }, "en", { page: 4, pageSize: 5 });
    expect(r.items).toEqual([]);
    expect(r.total).toBe(12);
    expect(r.pageCount).toBe(3);
  });
});

describe("listOrganizations: names in the locale", () => {
  it("zh shows the Chinese name of UASR, with the English original beside it", async () => {
    const r = await find({ q: "UASR" }, "zh");
    expect(r.items[0]).toMatchObject({
      slug: UASR,
      name: "丝绸之路大学联盟",
      originalName: "University Alliance of the Silk Road",
      acronym: "UASR",
    });
  });

  it("en shows the English name with no original", async () => {
    const r = await find({ q: "UASR" }, "en");
    expect(r.items[0]).toMatchObject({ slug: UASR, name: "University Alliance of the Silk Road", originalName: null });
  });

  it("zh falls back to the English name where there is no Chinese one", async () => {
    const r = await find({ q: "PABSC" }, "zh");
    expect(r.items[0]).toMatchObject({
      slug: PABSC,
      name: "Pan-Asian Biomedical Science Consortium",
      originalName: null,
    });
  });

  it("summaries carry the founding date at its precision", async () => {
    const r = await find({});
    const by = new Map(r.items.map((i) => [i.slug, i]));
    expect(by.get(EPU)?.founded).toEqual({ iso: "2000", precision: "YEAR" });
    expect(by.get(ANSO)?.founded).toEqual({ iso: "2018-11", precision: "MONTH" });
    expect(by.get(M9)?.founded).toBeNull();
  });
});
