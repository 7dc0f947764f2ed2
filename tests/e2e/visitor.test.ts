// A visitor's journey: home → search → an alliance → one of its members → the same page in Chinese.
// Every page on the way is checked with axe-core and photographed.
import { afterAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import institutions from "../../prisma/seed-data/institutions.json";
import memberships from "../../prisma/seed-data/memberships.json";
import organizations from "../../prisma/seed-data/organizations.json";
import sources from "../../prisma/seed-data/sources.json";
import {
  axeViolations,
  baseUrl,
  browserSession,
  languageSwitcher,
  screenshot,
  url,
  waitForPage,
} from "../support/browser";

const session = browserSession();
afterAll(() => session.close());

/** Photograph the page and run axe; violations are gathered so the journey goes on and reports them all. */
async function checkPage(page: Page, name: string, problems: string[]) {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  if (violations.length) problems.push(`${name} (${page.url()}):\n  - ${violations.join("\n  - ")}`);
}

/** The row of the participation table whose organization link goes to `slug`. */
function participationRow(page: Page, slug: string) {
  return page.locator("tbody tr").filter({ has: page.locator(`th a[href$="/organizations/${slug}"]`) });
}

/** The entrance time as shown in that row ("November 2018", "2016", "Not stated"). */
async function entranceOf(page: Page, slug: string) {
  const row = participationRow(page, slug);
  expect(await row.count(), `one participation row for ${slug}`).toBe(1);
  return (await row.locator("td").last().locator("p").first().innerText()).trim();
}

describe("a visitor", () => {
  test("finds the Silk Road alliance, its member CUHK, and reads CUHK's page in Chinese", () =>
    session.use(async (page) => {
      const axeProblems: string[] = [];
      // Home: / picks the default language.
      await page.goto(url("/"));
      await page.waitForURL(`${baseUrl()}/en`);
      await waitForPage(page);
      expect(await page.locator("html").getAttribute("lang")).toBe("en");

      const counts = page.locator('section[aria-labelledby="counts-heading"] dl > div');
      const shown = Object.fromEntries(
        await counts.evaluateAll((divs) =>
          divs.map((d) => [d.querySelector("dt")?.textContent?.trim(), d.querySelector("dd")?.textContent?.trim()]),
        ),
      );
      expect(shown).toEqual({
        Organizations: String(organizations.length),
        Institutions: String(institutions.length),
        Memberships: String(memberships.length),
        // The seed's sources and the directory of the world's universities.
        Sources: String(sources.length + 1),
        // The institutions' countries and those the sources name for an organization's members.
        "Countries and regions": String(
          new Set([
            ...institutions.map((i) => i.country),
            ...organizations.flatMap((o) => o.declaredCounts.flatMap((c) => c.countries)),
          ]).size,
        ),
      });
      const search = page.getByRole("combobox", { name: "Search the registry" });
      expect(await search.isVisible()).toBe(true);
      await checkPage(page, "visitor-1-home-en", axeProblems);

      // Search: Enter without choosing a suggestion searches organizations and institutions together.
      await search.fill("Silk Road");
      await search.press("Enter");
      await page.waitForURL(/\/en\/search\?q=Silk\+Road$/);
      await page.getByRole("heading", { level: 2, name: "1 organization" }).waitFor();
      const result = page
        .locator('section[aria-labelledby="search-organizations"]')
        .getByRole("link", { name: "University Alliance of the Silk Road (UASR)" });
      await result.waitFor();
      await checkPage(page, "visitor-2-search-silk-road-en", axeProblems);

      // The alliance.
      await result.click();
      await page.waitForURL(`${baseUrl()}/en/organizations/university-alliance-of-the-silk-road`);
      await page
        .getByRole("heading", { level: 1, name: /^University Alliance of the Silk Road\s*\(UASR\)$/ })
        .waitFor();
      const founded = page
        .locator("dt", { hasText: /^Founded$/ })
        .locator("xpath=following-sibling::dd[1]")
        .locator("time");
      expect(await founded.innerText()).toBe("2015");
      expect(await founded.getAttribute("datetime")).toBe("2015");
      const founders = page.locator('section[aria-labelledby="founders"]');
      // The founders' own links (the list's numbered sources link elsewhere).
      const founderLinks = founders.getByTestId("founders").locator('a[href*="/institutions/"]');
      expect((await founderLinks.allInnerTexts()).map((t) => t.trim())).toEqual([
        expect.stringMatching(/^Xi['’]an Jiaotong University$/),
      ]);
      expect(await founders.innerText()).toContain("Founder");
      const membersBox = page.locator('section[aria-labelledby="members-count"]');
      expect((await membersBox.innerText()).replace(/\s+/g, " ")).toContain(
        "Members: over 150 · from 38 countries and regions",
      );
      const cuhkRow = page
        .getByRole("table", { name: "Members listed here" })
        .locator("tbody tr")
        .filter({ has: page.getByRole("link", { name: "The Chinese University of Hong Kong", exact: true }) });
      expect(await cuhkRow.count()).toBe(1);
      const cells = (await cuhkRow.locator("td").allInnerTexts()).map((t) => t.trim());
      expect(cells.slice(0, 3)).toEqual(["Hong Kong SAR", "Member", "2016"]);
      await checkPage(page, "visitor-3-organization-uasr-en", axeProblems);

      // The member's participation page.
      await cuhkRow.getByRole("link", { name: "The Chinese University of Hong Kong", exact: true }).click();
      await page.waitForURL(`${baseUrl()}/en/institutions/chinese-university-of-hong-kong`);
      await page.getByRole("heading", { level: 1, name: "The Chinese University of Hong Kong" }).waitFor();
      expect(await page.locator("tbody tr").count()).toBe(6);
      const expected: [slug: string, name: string, entrance: string][] = [
        [
          "alliance-of-international-science-organizations",
          "Alliance of International Science Organizations (ANSO)",
          "November 2018",
        ],
        ["university-alliance-of-belt-and-road", "University Alliance of Belt and Road (UABR)", "2016"],
        ["university-alliance-of-the-silk-road", "University Alliance of the Silk Road (UASR)", "2016"],
        ["pan-asian-biomedical-science-consortium", "Pan-Asian Biomedical Science Consortium (PABSC)", "2012"],
        ["mou-cuhk-ningxia-medical-university", "MOU between CUHK and Ningxia Medical University", "August 2019"],
        [
          "belt-and-road-greater-bay-area-chinese-medicine-training-programme",
          "Belt and Road & Greater Bay Area Chinese Medicine Training Programme",
          "2019",
        ],
      ];
      for (const [slug, name, entrance] of expected) {
        expect((await participationRow(page, slug).locator("th a").innerText()).trim(), slug).toBe(name);
        expect(await entranceOf(page, slug), `${name} entrance`).toBe(entrance);
      }
      await checkPage(page, "visitor-4-institution-cuhk-en", axeProblems);

      // Switch to Chinese: same page, Chinese names and interface.
      await languageSwitcher(page).getByRole("link", { name: "中文" }).click();
      await page.waitForURL(`${baseUrl()}/zh/institutions/chinese-university-of-hong-kong`);
      await page.getByRole("heading", { level: 1, name: "香港中文大学" }).waitFor();
      await waitForPage(page);
      expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
      await page.getByRole("heading", { level: 2, name: "加入的国际组织" }).waitFor();
      expect(await page.getByRole("navigation", { name: "主导航" }).getByRole("link").allInnerTexts()).toEqual([
        "国际组织",
        "机构",
      ]);
      expect(await page.getByRole("columnheader").allInnerTexts()).toEqual([
        "国际组织",
        "发起单位",
        "简介",
        "加入时间及身份",
      ]);
      expect(
        (await participationRow(page, "university-alliance-of-the-silk-road").locator("th a").innerText()).trim(),
      ).toBe("丝绸之路大学联盟 (UASR)");
      expect(await entranceOf(page, "university-alliance-of-the-silk-road")).toBe("2016年");
      expect(await entranceOf(page, "alliance-of-international-science-organizations")).toBe("2018年11月");
      await checkPage(page, "visitor-5-institution-cuhk-zh", axeProblems);

      expect(axeProblems, `axe-core violations on the way:\n${axeProblems.join("\n")}`).toEqual([]);
    }));
});
