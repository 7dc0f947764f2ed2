// The public pages on a 390 × 844 touch phone (issue 14): an institution's memberships as cards with the
// entrance time on screen, the list pages' filters folded away behind "Filters", chart labels of 11 px and
// more, and a map whose circles answer a tap with a visible panel.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, openPage, screenshot } from "../support/browser";

const PHONE = { width: 390, height: 844 };
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
    locale: "en-US",
    reducedMotion: "reduce",
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
});
afterAll(() => browser?.close());

async function onPhone<T>(run: (page: Page) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  try {
    return await run(page);
  } finally {
    await page.close();
  }
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe("on a 390 px phone", () => {
  test("an institution's memberships fit the screen and the first entrance time is on it", () =>
    onPhone(async (page) => {
      await openPage(page, "/en/institutions/nanjing-medical-university");
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      const section = page.locator('section[aria-labelledby="participation"]');
      // The first organization's entrance time as the visitor sees it, in whichever form the page shows.
      const entrance = section.locator("time:visible").first();
      const box = await entrance.boundingBox();
      expect(box, "the first entrance time is shown").not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      expect(await entrance.innerText()).toBe("Jul 9, 2021");
      // One markup: the table, its rows laid out as cards, still a table with rows to assistive technology; the
      // column headings and the wide columns (founders, introduction) are left out below md, and each card names
      // its entrance time.
      const table = section.getByRole("table");
      expect(await table.count()).toBe(1);
      const rows = table.getByRole("row");
      expect(await rows.count()).toBe(6);
      expect(await section.getByRole("columnheader").count()).toBe(0);
      const first = rows.first();
      const card = (await first.boundingBox())!;
      expect(card.x + card.width).toBeLessThanOrEqual(PHONE.width);
      expect(await first.getByRole("rowheader").getByRole("link").innerText()).not.toBe("");
      expect(await first.locator("td").evaluateAll((cells) => cells.map((c) => getComputedStyle(c).display))).toEqual([
        "none",
        "none",
        "block",
      ]);
      expect(await first.getByRole("cell").innerText()).toMatch(/^Entrance time and role:\s+Jul 9, 2021\n/);
      await screenshot(page, "phone-390-institution-nmu");
    }));

  test("an organization's member list fits the screen", () =>
    onPhone(async (page) => {
      await openPage(page, "/en/organizations/m9-collaboration-network");
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      const joined = page.locator('section[aria-labelledby="members"] time:visible').first();
      const box = await joined.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      // One markup: the member table, its rows laid out as cards, each value after its name.
      const rows = page.locator('section[aria-labelledby="members"]').getByRole("table").getByRole("row");
      expect(await rows.count()).toBeGreaterThan(0);
      const card = (await rows.first().boundingBox())!;
      expect(card.x + card.width).toBeLessThanOrEqual(PHONE.width);
      expect(await rows.first().getByRole("cell").first().innerText()).toMatch(/^Country \/ region\s+\S/);
    }));

  for (const path of ["/en/organizations", "/en/institutions"]) {
    test(`${path}: the first result is above the fold; the filters open on a tap`, () =>
      onPhone(async (page) => {
        await openPage(page, path);
        const first = page.locator('main section[aria-labelledby*="results"] li').first();
        const top = (await first.boundingBox())?.y;
        expect(top, "the first result is laid out").toBeDefined();
        expect(top!).toBeLessThan(PHONE.height);
        const filters = page.getByTestId("filters");
        const summary = filters.locator("summary");
        expect(await summary.innerText()).toBe("Filters (none chosen)");
        const kindHeading = filters.getByRole("heading", { name: "Type" }).first();
        expect(await kindHeading.isVisible()).toBe(false);
        await summary.tap();
        await kindHeading.waitFor({ state: "visible" });
        expect(await filters.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
        expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      }));
  }

  test("a chosen filter is counted in the summary", () =>
    onPhone(async (page) => {
      await openPage(page, "/en/organizations?kind=CONSORTIUM");
      expect(await page.getByTestId("filters").locator("summary").innerText()).toBe("Filters (1 chosen)");
      await openPage(page, "/zh/institutions");
      expect(await page.getByTestId("filters").locator("summary").innerText()).toBe("筛选（未选择）");
    }));

  for (const path of [
    "/en/organizations/university-alliance-of-the-silk-road",
    "/en",
    "/en/institutions/nanjing-medical-university",
  ]) {
    test(`${path}: every chart label is at least 11 px`, () =>
      onPhone(async (page) => {
        await openPage(page, path);
        // Once the browser has measured the charts (a column chart laid out again, the network's text scaled).
        await page.locator('[data-fitted="true"], [data-text-scale]:not([data-text-scale="1.00"])').first().waitFor();
        const sizes = await page.locator("[data-chart] text").evaluateAll((texts) =>
          texts.map((t) => {
            const scale = (t as SVGTextElement).getScreenCTM()?.a ?? 0;
            return {
              text: t.textContent,
              px: Number.parseFloat(getComputedStyle(t).fontSize) * scale,
              height: t.getBoundingClientRect().height,
            };
          }),
        );
        expect(sizes.length).toBeGreaterThan(0);
        for (const s of sizes) {
          expect(s.px, `"${s.text}" is written at ${s.px.toFixed(1)} px`).toBeGreaterThanOrEqual(11);
          expect(s.height, `"${s.text}" is ${s.height.toFixed(1)} px high`).toBeGreaterThanOrEqual(11);
        }
        await screenshot(page, `phone-390-charts-${path.split("/").at(-1)}`);
      }));
  }

  test("tapping a country on the map shows its name and count in a panel; Enter does the same", () =>
    onPhone(async (page) => {
      await openPage(page, "/en/organizations/eurasia-pacific-uninet");
      const map = page.locator('[data-chart="world-map"]');
      const panel = map.getByTestId("map-panel");
      expect(await panel.innerText()).not.toContain("China");
      await map.locator('[data-map-controls="measured"]').waitFor();
      const china = map.getByRole("button", { name: "China: 1 member" });
      const box = await china.boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(24);
      expect(box!.height).toBeGreaterThanOrEqual(24);
      await china.tap();
      await expect.poll(() => panel.innerText()).toContain("China");
      expect(await panel.innerText()).toContain("1 member");
      expect(await china.getAttribute("aria-pressed")).toBe("true");

      const austria = map.getByRole("button", { name: /^Austria: named by a source/ });
      await austria.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => panel.innerText()).toContain("Austria");
      await screenshot(page, "phone-390-map-panel");
      await expectNoAxeViolations(page, "EPU on a phone", { targetSize: true });
    }));
});
