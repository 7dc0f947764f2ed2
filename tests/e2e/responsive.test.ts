// On a 375px-wide phone nothing scrolls sideways: wide tables scroll inside their own box.
import { afterAll, describe, expect, test } from "vitest";
import { browserSession, openPage, screenshot } from "../support/browser";

const tabs = browserSession({ tabs: 2, width: 375, height: 812 });
afterAll(() => tabs.close());

const pages = [
  { name: "home", path: "/en" },
  { name: "organization-uasr", path: "/en/organizations/university-alliance-of-the-silk-road" },
  { name: "institution-cuhk", path: "/en/institutions/chinese-university-of-hong-kong" },
  { name: "home-zh", path: "/zh" },
];

describe.concurrent("at 375px wide", () => {
  for (const { name, path } of pages) {
    test(`${path} has no horizontal scroll`, async () => {
      await tabs.use(async (page) => {
        await openPage(page, path);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        await screenshot(page, `mobile-375-${name}`);
        expect(clientWidth).toBe(375);
        expect(scrollWidth, `the page is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(
          clientWidth + 1,
        );
      });
    });
  }
});
