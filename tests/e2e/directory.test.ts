// The directory of the world's universities on the public pages: a university with nothing listed yet has a real page
// that says so and invites its staff, is kept out of search engines and the sitemap, and the list's credit travels
// with the data (/data, dataset.json, dataset.jsonld).
import { afterAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import pg from "pg";
import { browserSession, expectNoAxeViolations, openPage, url } from "../support/browser";

const tabs = browserSession({ tabs: 2 });
afterAll(() => tabs.close());
const withPage = (run: (page: Page) => Promise<void>) => tabs.use(run);

const SHENZHEN = "chinese-university-of-hong-kong-shenzhen";

describe.concurrent("a university the registry knows only from the directory", () => {
  test("has a page: what the registry knows, nothing listed yet, an invitation to its staff; noindex", () =>
    withPage(async (page) => {
      await openPage(page, `/en/institutions/${SHENZHEN}`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
        "The Chinese University of Hong Kong, Shenzhen",
      );
      const claim = page.getByRole("region", { name: "No memberships listed yet" });
      await claim.waitFor();
      const text = await claim.textContent();
      expect(text).toContain("@cuhk.edu.cn");
      expect(text).toContain("directory of the world's universities");
      expect(
        await claim
          .getByRole("link", { name: "Sign up with your work address to add its memberships" })
          .getAttribute("href"),
      ).toBe("/en/signup");
      expect(await claim.getByRole("link", { name: "or sign in" }).getAttribute("href")).toBe("/en/login");
      expect(await page.getByRole("heading", { name: "International organizations" }).count()).toBe(0);
      expect(await page.locator('meta[name="robots"]').getAttribute("content")).toMatch(/noindex/);
      await expectNoAxeViolations(page, `directory page ${SHENZHEN}`);
    }));

  test("in Chinese, with its name as the directory gives it (no invented Chinese name)", () =>
    withPage(async (page) => {
      await openPage(page, `/zh/institutions/${SHENZHEN}`);
      await page.getByRole("region", { name: "尚未列出任何成员资格" }).waitFor();
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(
        "The Chinese University of Hong Kong, Shenzhen",
      );
    }));

  test("a page with memberships invites its staff too, under its list: sign up from any institution page", () =>
    withPage(async (page) => {
      await openPage(page, "/en/institutions/nanjing-medical-university");
      const region = page.getByRole("region", { name: "International organizations" });
      expect(await region.textContent()).toContain("Do you work at Nanjing Medical University?");
      expect(
        await region
          .getByRole("link", { name: "Sign up with your work address to keep it current" })
          .getAttribute("href"),
      ).toBe("/en/signup");
      expect(await page.getByRole("region", { name: "No memberships listed yet" }).count()).toBe(0);
    }));

  test("a page with memberships stays indexable, and only such pages are in the sitemap", async () => {
    const nmu = await (await fetch(url("/en/institutions/nanjing-medical-university"))).text();
    expect(nmu).not.toMatch(/<meta name="robots" content="noindex/);
    const sitemaps = await Promise.all(
      ["/sitemaps/1.xml", "/sitemaps/2.xml"].map(async (p) => (await fetch(url(p))).text()),
    );
    const all = sitemaps.join("");
    expect(all).toContain("/en/institutions/nanjing-medical-university");
    expect(all).not.toContain(SHENZHEN);
    expect(all).not.toContain("/en/institutions/keio-university");
  });

  test("is found by the institution search and offered by the type-ahead", async () => {
    const list = await (await fetch(url("/en/institutions?q=Keio"))).text();
    expect(list).toContain("/en/institutions/keio-university");
    const suggest = (await (await fetch(url("/api/v1/suggest?q=Keio&type=institution"))).json()) as {
      items: { slug: string }[];
    };
    expect(suggest.items.map((i) => i.slug)).toContain("keio-university");
  });

  test("a word thousands of its names hold: the list says its counts are estimates, in both languages", async () => {
    // Whether to estimate follows the planner's statistics, which autovacuum may not have gathered yet after the seed.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`ANALYZE "Institution"`).finally(() => client.end());
    const en = await (await fetch(url("/en/institutions?q=university"))).text();
    expect(en).toMatch(/About [\d,]+ institutions/);
    expect(en).toContain("So many institutions match that the counts are estimates");
    expect(en).toMatch(/≈ [\d,]+/);
    const zh = await (await fetch(url("/zh/institutions?q=university"))).text();
    expect(zh).toMatch(/约 [\d,]+ 个机构/);
    expect(zh).toContain("各项计数为依据登记册抽样得出的估计值");
    const search = await (await fetch(url("/en/search?q=university"))).text();
    expect(search).toMatch(/See all of about [\d,]+ institutions/);
  });
});

describe.concurrent("the directory's credit travels with its data", () => {
  test("on /data, with its MIT licence and copyright notice", () =>
    withPage(async (page) => {
      await openPage(page, "/en/data");
      await page.getByText("University Domains and Names Data List", { exact: false }).first().waitFor();
      expect(await page.textContent("main")).toContain("Copyright (c) 2014-2025 Hipo");
      expect(await page.getByRole("link", { name: "MIT licence" }).getAttribute("href")).toBe(
        "https://opensource.org/license/mit",
      );
    }));

  test("in dataset.json and dataset.jsonld", async () => {
    const json = (await (await fetch(url("/api/v1/export/dataset.json"))).json()) as {
      credits: { name: string; license: string; copyright: string }[];
    };
    expect(json.credits).toContainEqual(
      expect.objectContaining({ license: "MIT", copyright: "Copyright (c) 2014-2025 Hipo" }),
    );
    const ld = (await (await fetch(url("/api/v1/export/dataset.jsonld"))).json()) as {
      "@graph": { "@type": string; isBasedOn?: { url: string } }[];
    };
    const dataset = ld["@graph"].find((n) => n["@type"] === "Dataset");
    expect(dataset?.isBasedOn?.url).toBe("https://github.com/Hipo/university-domains-list");
  });
});
