// The sitemap at world scale: an index of files of at most 10,000 addresses each.
import { describe, expect, it } from "vitest";
import { SITEMAP_URLS, sitemapFileNumber, sitemapFiles, sitemapIndexXml, sitemapXml } from "@/lib/seo/sitemap";
import { SITEINDEX_XSD, SITEMAP_XSD, xmllint } from "../support/validators";

describe("sitemap files", () => {
  it(`splits the world (75,000 organizations, 110,000 institutions) into files of 10,000, \
the fixed pages first`, () => {
    const files = sitemapFiles({ organizations: 75_000, institutions: 110_000 });
    expect(files).toHaveLength(1 + 8 + 11);
    expect(files[0]).toEqual({ kind: "pages" });
    expect(files[1]).toEqual({ kind: "organizations", page: 0 });
    expect(files[8]).toEqual({ kind: "organizations", page: 7 });
    expect(files[9]).toEqual({ kind: "institutions", page: 0 });
    expect(files.at(-1)).toEqual({ kind: "institutions", page: 10 });
    expect(SITEMAP_URLS).toBeLessThanOrEqual(50_000);
  });

  it("has one file per kind for the seed, and none for a kind with no records", () => {
    expect(sitemapFiles({ organizations: 30, institutions: 0 })).toEqual([
      { kind: "pages" },
      { kind: "organizations", page: 0 },
    ]);
    expect(sitemapFiles({ organizations: 20, institutions: 20 }, 10)).toHaveLength(1 + 2 + 2);
    expect(sitemapFiles({ organizations: 21, institutions: 0 }, 10)).toHaveLength(1 + 3);
  });

  it("accepts only plain file numbers", () => {
    expect(sitemapFileNumber("0.xml")).toBe(0);
    expect(sitemapFileNumber("19.xml")).toBe(19);
    for (const bad of ["01.xml", "-1.xml", "1.5.xml", "x.xml", "1.xml.gz", "1", "", "9999999.xml"])
      expect(sitemapFileNumber(bad), bad).toBeNull();
  });

  it("writes an index and files with every language's address, escaped", () => {
    const index = sitemapIndexXml("https://atlas.example", 3);
    expect([...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual(
      [0, 1, 2].map((n) => `https://atlas.example/sitemaps/${n}.xml`),
    );
    const xml = sitemapXml("https://atlas.example", [
      { path: "/organizations/a&b", lastModified: "2026-01-02T00:00:00.000Z" },
      { path: "" },
    ]);
    expect(xml).toContain("<loc>https://atlas.example/en/organizations/a&#38;b</loc>");
    expect(xml).toContain(
      '<xhtml:link rel="alternate" hreflang="zh" href="https://atlas.example/zh/organizations/a&#38;b"/>',
    );
    expect(xml).toContain("<lastmod>2026-01-02T00:00:00.000Z</lastmod>");
    expect(xml).toContain("<loc>https://atlas.example/en</loc>");
    expect(xml.match(/<url>/g)).toHaveLength(2);
  });

  it("writes files the sitemaps.org XSD accepts (xmllint): <lastmod> right after <loc>, then the alternates", () => {
    const xml = sitemapXml("https://atlas.example", [
      { path: "/organizations/a&b", lastModified: "2026-01-02T00:00:00.000Z" },
      { path: "/institutions/c", lastModified: "2026-01-02" },
      { path: "" },
    ]);
    expect(xmllint(xml, SITEMAP_XSD, "unit-sitemap.xml")).toEqual({ ok: true, messages: "" });
    expect(xmllint(sitemapIndexXml("https://atlas.example", 3), SITEINDEX_XSD, "unit-index.xml")).toEqual({
      ok: true,
      messages: "",
    });
  });

  it("the XSD check itself refuses <lastmod> after the alternates (as the files were written before)", () => {
    const misordered = sitemapXml("https://atlas.example", [{ path: "/x", lastModified: "2026-01-02" }]).replace(
      /(<lastmod>[^<]*<\/lastmod>)((?:<xhtml:link[^>]*\/>)+)/,
      "$2$1",
    );
    const result = xmllint(misordered, SITEMAP_XSD, "unit-misordered.xml");
    expect(result.ok).toBe(false);
    expect(result.messages).toMatch(/lastmod.*not expected/);
  });
});
