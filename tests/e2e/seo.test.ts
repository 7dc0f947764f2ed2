// What search engines read: robots.txt, the sitemap, titles, languages and schema.org data.
import { afterAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import institutions from "../../prisma/seed-data/institutions.json";
import organizations from "../../prisma/seed-data/organizations.json";
import { baseUrl, browserSession, openPage, screenshot, url } from "../support/browser";

// Tests here are independent: they run two at a time, each in a tab of its own.
const tabs = browserSession({ tabs: 2 });
afterAll(() => tabs.close());
const withPage = (run: (page: Page) => Promise<void>) => tabs.use(run);

async function get(pathname: string) {
  const res = await fetch(url(pathname));
  expect(res.status, pathname).toBe(200);
  return { type: res.headers.get("content-type") ?? "", text: await res.text() };
}

// scripts/test.mjs starts the portal with SITE_URL set to the address it serves on: that is the public
// address every absolute link must use.
const publicOrigin = () => new URL(baseUrl()).origin;

function sitemapLocs(xml: string) {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!));
}

describe.concurrent("robots.txt and sitemap.xml", () => {
  test("the sitemap index leads to every organization and institution page", async () => {
    const index = await get("/sitemap.xml");
    expect(index.type).toMatch(/xml/);
    expect(index.text).toContain("<sitemapindex");
    const files = sitemapLocs(index.text);
    // The fixed pages, then a file each for the seed's organizations and institutions.
    expect(files.map((u) => u.pathname)).toEqual(["/sitemaps/0.xml", "/sitemaps/1.xml", "/sitemaps/2.xml"]);
    expect(files.every((u) => u.origin === publicOrigin())).toBe(true);
    const texts = await Promise.all(files.map(async (u) => (await get(u.pathname)).text));
    const paths = texts.flatMap((t) => sitemapLocs(t).map((u) => u.pathname));
    for (const o of organizations) expect(paths, o.slug).toContain(`/en/organizations/${o.slug}`);
    for (const i of institutions) expect(paths, i.slug).toContain(`/en/institutions/${i.slug}`);
    expect(paths).toEqual(expect.arrayContaining(["/en", "/en/organizations", "/en/institutions"]));
    expect(new Set(paths).size).toBe(paths.length);
    // Each entry names its Chinese alternate.
    expect(texts.join("")).toMatch(
      /hreflang="zh" href="[^"]*\/zh\/organizations\/university-alliance-of-the-silk-road"/,
    );
    for (const missing of ["/sitemaps/3.xml", "/sitemaps/01.xml", "/sitemaps/x.xml"])
      expect((await fetch(url(missing))).status, missing).toBe(404);
  });

  test("robots.txt references the sitemap", async () => {
    const { text } = await get("/robots.txt");
    const line = text.split("\n").find((l) => /^sitemap:/i.test(l));
    expect(line, "a Sitemap: line").toBeDefined();
    expect(new URL(line!.replace(/^sitemap:\s*/i, "").trim()).pathname).toBe("/sitemap.xml");
  });

  test(`robots.txt and the sitemap use the site's public address (SITE_URL), \
like the pages' canonical links`, async () => {
    const robots = (await get("/robots.txt")).text;
    const sitemapUrl = robots
      .split("\n")
      .find((l) => /^sitemap:/i.test(l))
      ?.replace(/^sitemap:\s*/i, "")
      .trim();
    const origins = new Set(sitemapLocs((await get("/sitemap.xml")).text).map((u) => u.origin));
    let canonical: string | null = null;
    await withPage(async (page) => {
      await openPage(page, "/en/organizations/university-alliance-of-the-silk-road");
      canonical = await page.locator('head link[rel="canonical"]').getAttribute("href");
    });
    expect(canonical).toBe(`${publicOrigin()}/en/organizations/university-alliance-of-the-silk-road`);
    expect({ robotsSitemap: sitemapUrl, sitemapOrigins: [...origins] }).toEqual({
      robotsSitemap: `${publicOrigin()}/sitemap.xml`,
      sitemapOrigins: [publicOrigin()],
    });
  });
});

describe.concurrent("an organization page", () => {
  test("has schema.org Organization data with its members, a title with its name, and the page language", () =>
    withPage(async (page) => {
      await openPage(page, "/en/organizations/university-alliance-of-the-silk-road");
      await screenshot(page, "seo-organization-uasr-en");
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      expect(await page.title()).toContain("University Alliance of the Silk Road");

      const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
      const data = scripts.map((s) => JSON.parse(s) as Record<string, unknown>);
      const org = data.find((d) => d["@type"] === "Organization");
      expect(org, "an Organization in the JSON-LD").toBeDefined();
      expect(org!.name).toBe("University Alliance of the Silk Road");
      expect(org!.foundingDate).toBe("2015");
      expect(Array.isArray(org!.member)).toBe(true);
      expect(org!.member).toEqual([
        expect.objectContaining({
          "@type": "OrganizationRole",
          startDate: "2016",
          member: expect.objectContaining({
            name: "The Chinese University of Hong Kong",
            url: expect.stringMatching(/\/en\/institutions\/chinese-university-of-hong-kong$/),
          }),
        }),
      ]);
      expect(org!.founder).toEqual([
        expect.objectContaining({ name: expect.stringMatching(/^Xi['’]an Jiaotong University$/) }),
      ]);
    }));

  test("in Chinese has the Chinese name in its title and lang zh-CN", () =>
    withPage(async (page) => {
      await openPage(page, "/zh/organizations/university-alliance-of-the-silk-road");
      await screenshot(page, "seo-organization-uasr-zh");
      expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
      expect(await page.title()).toContain("丝绸之路大学联盟");
      const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
      const org = scripts
        .map((s) => JSON.parse(s) as Record<string, unknown>)
        .find((d) => d["@type"] === "Organization");
      expect(org?.name).toBe("丝绸之路大学联盟");
      expect(org?.member).toHaveLength(1);
    }));
});
