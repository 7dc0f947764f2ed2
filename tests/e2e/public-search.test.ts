// The home page's one search over organizations and institutions (/search and the type-ahead on the home page),
// and the home page's figures, labelled with what they count and checked against the database.
import { afterAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { baseUrl, browserSession, expectNoAxeViolations, openPage, screenshot, url } from "../support/browser";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const tabs = browserSession({ tabs: 2 });
afterAll(async () => {
  await tabs.close();
  await prisma.$disconnect();
});
const withPage = (run: (page: Page) => Promise<void>) => tabs.use(run);

const NMU = "/institutions/nanjing-medical-university";
const CUHK = "/institutions/chinese-university-of-hong-kong";
const institutionsSection = (page: Page) => page.locator('section[aria-labelledby="search-institutions"]');

describe.concurrent("one search for organizations and institutions", () => {
  test("on the home page, typing “Nanjing” suggests the university; choosing it opens its page", () =>
    withPage(async (page) => {
      await openPage(page, "/en");
      const box = page.getByRole("combobox", { name: "Search the registry" });
      await box.fill("Nanjing");
      const option = page.getByRole("option", { name: /^Nanjing Medical University/ });
      await option.waitFor();
      await screenshot(page, "search-1-home-suggestions");
      await option.click();
      await page.waitForURL(url(`/en${NMU}`));
      await page.getByRole("heading", { level: 1, name: "Nanjing Medical University" }).waitFor();
    }));

  test("the type-ahead offers organizations too, and the keyboard can take one", () =>
    withPage(async (page) => {
      await openPage(page, "/en");
      const box = page.getByRole("combobox", { name: "Search the registry" });
      await box.fill("Silk Road");
      await page.getByRole("option", { name: /University Alliance of the Silk Road/ }).waitFor();
      await box.press("ArrowDown");
      await box.press("Enter");
      await page.waitForURL(url("/en/organizations/university-alliance-of-the-silk-road"));
    }));

  test("Enter without a suggestion lists both kinds: “CUHK” finds the university by its acronym", () =>
    withPage(async (page) => {
      await openPage(page, "/en");
      const box = page.getByRole("combobox", { name: "Search the registry" });
      await box.fill("CUHK");
      await box.press("Enter");
      await page.waitForURL(url("/en/search?q=CUHK"));
      await page.getByRole("heading", { level: 1, name: "Search: “CUHK”" }).waitFor();
      await institutionsSection(page).getByRole("link", { name: "The Chinese University of Hong Kong" }).waitFor();
      const heading = await institutionsSection(page).getByRole("heading", { level: 2 }).innerText();
      const shown = Number(/^(\d+) institutions?$/.exec(heading.trim())?.[1]);
      expect(shown).toBeGreaterThanOrEqual(1);
      // The count is that of the list the "see all" link opens.
      const seeAll = institutionsSection(page).getByRole("link", {
        name: /^See (all \d+ institutions|the institution)/,
      });
      expect(await seeAll.getAttribute("href")).toBe("/en/institutions?q=CUHK&sort=memberships");
      await seeAll.click();
      await page.waitForURL(url("/en/institutions?q=CUHK&sort=memberships"));
      await page.locator("#institutions-results").waitFor();
      expect(await page.locator("#institutions-results").innerText()).toContain(String(shown));
      await page.goBack();
      await page.locator('section[aria-labelledby="search-organizations"]').waitFor();
      await expectNoAxeViolations(page, "/en/search?q=CUHK");
    }));

  test("in Chinese, “南京医科大学” finds the university", () =>
    withPage(async (page) => {
      await openPage(page, `/zh/search?q=${encodeURIComponent("南京医科大学")}`);
      await institutionsSection(page).getByRole("link", { name: "南京医科大学" }).waitFor();
      expect(await institutionsSection(page).getByRole("heading", { level: 2 }).innerText()).toMatch(/^\d+ 个机构$/);
      expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
      await screenshot(page, "search-2-zh-nmu");
    }));

  test("without JavaScript the home form submits to /search", async () => {
    const browser = await (await import("../support/browser")).launchBrowser();
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
      const page = await context.newPage();
      await page.goto(url("/en"));
      await page.getByRole("combobox", { name: "Search the registry" }).fill("Nanjing");
      await page.getByRole("search").getByRole("button", { name: "Search" }).click();
      await page.waitForURL(url("/en/search?q=Nanjing"));
      expect(await page.locator(`a[href="/en${NMU}"]`).count()).toBeGreaterThanOrEqual(1);
    } finally {
      await browser.close();
    }
  });

  test("the results page is noindex and in no sitemap", async () => {
    const html = await (await fetch(url("/en/search?q=CUHK"))).text();
    expect(html).toMatch(/<meta name="robots" content="noindex, follow"/);
    const index = await (await fetch(url("/sitemap.xml"))).text();
    const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(await (await fetch(url(file))).text(), file).not.toMatch(/\/(en|zh)\/search\b/);
    expect(html).toContain(`href="/en${CUHK}"`);
  });

  // An organization's card and an institution's row are client components given their facts
  // (components/organizations/organization-card.tsx, components/institutions/institution-list.tsx): the page's payload
  // carries their names, kinds and counts in words, not their elements and classes a second time, and no card is a
  // chunk of its own.
  const cardClass = "rounded-md border border-line bg-white p-4 hover:border-accent/50";
  const rowClass = "flex flex-wrap items-baseline justify-between gap-2 p-3";
  test.each([
    ["/zh/organizations", cardClass, "members"],
    ["/en/search?q=medical", cardClass, "members"],
    ["/en/institutions", rowClass, "memberships"],
    ["/zh/search?q=university", rowClass, "memberships"],
  ])("%s: each result's markup is sent once, in the HTML", async (path, item, fact) => {
    const html = await (await fetch(url(path))).text();
    const items = html.split(`<li class="${item}">`).length - 1;
    expect(items).toBeGreaterThan(0);
    expect(html.split(item).length - 1).toBe(items);
    const payload = [...html.matchAll(/<script>self\.__next_f\.push\((.*?)\)<\/script>/gs)].map((m) => m[1]).join("");
    expect(payload).toContain(JSON.stringify(`"${fact}":"`).slice(1, -1));
  });
});

describe.concurrent("the home page's figures say what they count", () => {
  const countriesOfRegistry = async () =>
    Number(
      // The institutions the registry has something about (not the directory's thousands known by name only).
      (
        await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM
          (SELECT i.country::text FROM "Institution" i
           WHERE i."directoryId" IS NULL OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."institutionId" = i.id)
              OR EXISTS (SELECT 1 FROM "OrganizationFounder" f WHERE f."institutionId" = i.id)
              OR EXISTS (SELECT 1 FROM "OrganizationPerson" p WHERE p."institutionId" = i.id)
           UNION SELECT unnest(countries) FROM "Organization") AS c`
      )[0]!.n,
    );
  const countriesOfMembers = async () =>
    Number(
      (
        await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT i.country) AS n
          FROM "Membership" m JOIN "Institution" i ON i.id = m."institutionId"`
      )[0]!.n,
    );

  test.each([
    [
      "en",
      "Countries and regions",
      /^where the registry's institutions are, and those the sources name/,
      /in (\d+) countr/,
    ],
    ["zh", "国家和地区", /^登记库中各机构所在的国家和地区/, /分布在 (\d+) 个国家和地区/],
  ] as const)("%s: the countries figure and the chart's countries", (locale, label, note, chartLead) =>
    withPage(async (page) => {
      await openPage(page, `/${locale}`);
      const figure = page.locator('section[aria-labelledby="counts-heading"] dl > div').filter({
        has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }),
      });
      const [value, explanation] = (await figure.locator("dd").allInnerTexts()).map((t) => t.trim());
      expect(Number(value)).toBe(await countriesOfRegistry());
      expect(explanation).toMatch(note);
      const lead = await page.getByTestId("members-by-country").locator("p").first().innerText();
      expect(Number(chartLead.exec(lead)?.[1])).toBe(await countriesOfMembers());
      const bars = await page.getByTestId("members-by-country").locator("tbody tr").count();
      expect(bars).toBe(Math.min(await countriesOfMembers(), 15));
      expect(page.url()).toBe(`${baseUrl()}/${locale}`);
    }),
  );
});
