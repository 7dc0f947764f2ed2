// The home page's one search over both kinds of record (searchRegistry, behind /search): a university is found
// by its English name, its acronym and its Chinese name, and each section's total is the total of the list its
// "see all" link opens.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { listInstitutions } from "@/lib/data/institutions/list";
import { listOrganizations } from "@/lib/data/organizations/list";
import { searchRegistry, REGISTRY_SEARCH_PREVIEW } from "@/lib/data/search/search-registry";
import { institutionSearch, orgSearch } from "../support/search";

const NMU = "nanjing-medical-university";
const CUHK = "chinese-university-of-hong-kong";
const slugsOf = (items: { slug: string }[]) => items.map((i) => i.slug);

afterAll(async () => {
  await db().$disconnect();
});

describe("searchRegistry", () => {
  it.each([
    ["Nanjing", NMU, "en"],
    ["CUHK", CUHK, "en"],
    ["南京医科大学", NMU, "zh"],
    ["南京医科大学", NMU, "en"],
  ] as const)("%s finds the institution %s (%s)", async (q, slug, locale) => {
    const r = await searchRegistry(q, locale);
    expect(slugsOf(r.institutions.items)).toContain(slug);
  });

  it("finds organizations and institutions in one search, with the totals their full lists show", async () => {
    const q = "university";
    const [r, orgs, insts] = await Promise.all([
      searchRegistry(q, "en"),
      listOrganizations(orgSearch({ q }), "en"),
      listInstitutions(institutionSearch({ q }), "en"),
    ]);
    expect(r.organizations.total).toBeGreaterThan(0);
    expect(r.institutions.total).toBeGreaterThan(REGISTRY_SEARCH_PREVIEW);
    expect(r.organizations.total).toBe(orgs.total);
    expect(r.institutions.total).toBe(insts.total);
    expect(r.institutions.items).toHaveLength(REGISTRY_SEARCH_PREVIEW);
    expect(slugsOf(r.organizations.items)).toEqual(slugsOf(orgs.items).slice(0, REGISTRY_SEARCH_PREVIEW));
  });

  it("puts the institution the registry lists things about before its directory namesakes", async () => {
    for (const locale of ["en", "zh"] as const) {
      const r = await searchRegistry("Nanjing", locale);
      expect(r.institutions.total).toBeGreaterThan(REGISTRY_SEARCH_PREVIEW);
      expect(r.institutions.items[0]?.slug, locale).toBe(NMU);
    }
  });

  it("a name that matches nothing gives two empty sections", async () => {
    const r = await searchRegistry("zzqxv-no-such-record", "en");
    expect(r.organizations).toEqual({ items: [], total: 0, wording: "" });
    expect(r.institutions).toEqual({ items: [], total: 0, wording: "" });
  });
});
