// An organization's members pages (/organizations/[slug]/members): the full list, a page at a time.
import { afterAll, describe, expect, test } from "vitest";
import { browserSession, expectNoAxeViolations, openPage } from "../support/browser";

const tabs = browserSession({ tabs: 1 });
afterAll(() => tabs.close());

const SLUG = "mou-cuhk-ningxia-medical-university";

describe("members pages", () => {
  test("list the organization's members, link back to it, and pass axe", () =>
    tabs.use(async (page) => {
      await openPage(page, `/en/organizations/${SLUG}/members`);
      expect(await page.locator("main h1").innerText()).toMatch(/^Members of /);
      const members = await page.locator("tbody tr th a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(members.sort()).toEqual(
        ["/en/institutions/ningxia-medical-university", "/en/institutions/chinese-university-of-hong-kong"].sort(),
      );
      expect(await page.getByRole("link", { name: /Next/ }).count()).toBe(0);
      expect(await page.locator(`nav[aria-label] a[href="/en/organizations/${SLUG}"]`).count()).toBe(1);
      await expectNoAxeViolations(page);
    }));

  test("a broken page link says so and shows the first page", () =>
    tabs.use(async (page) => {
      await openPage(page, `/en/organizations/${SLUG}/members?after=2019-02-30~x`);
      expect(await page.locator("main [role=alert]").innerText()).toBe(
        "That page link names an impossible date. Showing the first members instead.",
      );
      expect(await page.locator("tbody tr").count()).toBe(2);
    }));

  test("an unknown organization is a 404", () =>
    tabs.use(async (page) => {
      await openPage(page, "/en/organizations/no-such-organization/members", { status: 404 });
    }));
});
