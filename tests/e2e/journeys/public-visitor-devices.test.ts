// The visitor's journey on a phone and on a desktop, in English and in Chinese (one journey, four runs):
// home → the home page's search for "Nanjing" → Nanjing Medical University → one of its organizations →
// the organization's members list → its downloads. Each page is checked with axe and photographed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { axeViolations, launchBrowser, screenshot, url, waitForPage } from "../../support/browser";

const DEVICES = [
  { device: "phone", width: 390, height: 844 },
  { device: "desktop", width: 1366, height: 900 },
] as const;
const LANGUAGES = [
  { locale: "en", messages: en, nmu: "Nanjing Medical University", html: "en" },
  { locale: "zh", messages: zh, nmu: "南京医科大学", html: "zh-CN" },
] as const;
const RUNS = DEVICES.flatMap((d) => LANGUAGES.map((l) => ({ ...d, ...l })));

const NMU = "nanjing-medical-university";
const EPU = "eurasia-pacific-uninet";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The visitor can see it: it is on the page and, scrolled to, inside the viewport's width. */
async function expectOnScreen(page: Page, selector: ReturnType<Page["locator"]>, what: string) {
  await selector.scrollIntoViewIfNeeded();
  const box = await selector.boundingBox();
  expect(box, what).not.toBeNull();
  const width = page.viewportSize()!.width;
  expect(box!.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + Math.min(box!.width, 44), `${what} is reachable without scrolling sideways`).toBeLessThanOrEqual(
    width,
  );
}

describe.each(RUNS)("a visitor on a $device ($width×$height) in $locale", (run) => {
  it("searches from the home page, opens NMU, an organization, its members and its downloads", async () => {
    const context = await browser.newContext({
      viewport: { width: run.width, height: run.height },
      locale: run.locale === "zh" ? "zh-CN" : "en-US",
      reducedMotion: "reduce",
      isMobile: run.device === "phone",
      hasTouch: run.device === "phone",
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const problems: string[] = [];
    const check = async (step: string) => {
      await screenshot(page, `devices-${run.device}-${run.locale}-${step}`);
      const violations = await axeViolations(page);
      if (violations.length) problems.push(`${step} (${page.url()}):\n  - ${violations.join("\n  - ")}`);
    };
    try {
      // Home, and its one search.
      await page.goto(url(`/${run.locale}`));
      await waitForPage(page);
      expect(await page.locator("html").getAttribute("lang")).toBe(run.html);
      const box = page.getByRole("combobox", { name: run.messages.search.label });
      await expectOnScreen(page, box, "the search box");
      await check("1-home");
      await box.fill("Nanjing");
      await box.press("Enter");
      await page.waitForURL(url(`/${run.locale}/search?q=Nanjing`));
      const found = page
        .locator('section[aria-labelledby="search-institutions"]')
        .getByRole("link", { name: run.nmu, exact: true });
      await expectOnScreen(page, found, "NMU in the results");
      await check("2-search");

      // NMU's page and one of its organizations.
      await found.click();
      await page.waitForURL(url(`/${run.locale}/institutions/${NMU}`));
      await page.getByRole("heading", { level: 1, name: run.nmu }).waitFor();
      // The table on a desktop, its cards on a phone: whichever the visitor sees.
      const organization = page
        .locator(`main a[href="/${run.locale}/organizations/${EPU}"]`)
        .filter({ visible: true })
        .first();
      await expectOnScreen(page, organization, "the organization's link");
      await check("3-institution");
      await organization.click();
      await page.waitForURL(url(`/${run.locale}/organizations/${EPU}`));
      await waitForPage(page);
      const nmuMember = page
        .locator(`main a[href="/${run.locale}/institutions/${NMU}"]`)
        .filter({ visible: true })
        .first();
      await expectOnScreen(page, nmuMember, "NMU among the members");
      await check("4-organization");

      // The members list: a link when the profile shows only some; its own address either way.
      await page.goto(url(`/${run.locale}/organizations/${EPU}/members`));
      await waitForPage(page);
      // "Members of {name}" / "{name}的成员": the heading is the message around the organization's name.
      const [before, after] = run.messages.organization.membersOf.split("{name}");
      const heading = await page.locator("main h1").innerText();
      expect(heading.startsWith(before!) && heading.endsWith(after!), heading).toBe(true);
      const listed = page
        .locator(`main a[href="/${run.locale}/institutions/${NMU}"]`)
        .filter({ visible: true })
        .first();
      await expectOnScreen(page, listed, "NMU listed");
      await check("5-members");

      // The organization's downloads, from its page.
      await page.goto(url(`/${run.locale}/organizations/${EPU}`));
      await waitForPage(page);
      const csv = page.locator(`a[href="/api/v1/export/organizations/${EPU}.csv"]`);
      await expectOnScreen(page, csv, "the CSV download");
      const response = await page.request.get(url((await csv.getAttribute("href"))!));
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
      expect(await response.text()).toContain(NMU);
      const json = await page.request.get(url(`/api/v1/export/organizations/${EPU}.json`));
      expect(json.status()).toBe(200);
      expect(JSON.stringify(await json.json())).toContain(NMU);
      expect(problems, `axe-core violations on the way:\n${problems.join("\n")}`).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
