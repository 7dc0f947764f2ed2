// An organization's members pages (/organizations/[slug]/members) and an institution's memberships pages
// (/institutions/[slug]/memberships): the full list, a page at a time.
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
      // In Chinese, wholly: the reason the validation gives is English, so the Chinese text leaves it out.
      await openPage(page, `/zh/organizations/${SLUG}/members?after=2019-02-30~x`);
      expect(await page.locator("main [role=alert]").innerText()).toBe("分页链接无效，已显示最前面的成员。");
    }));

  test("an unknown organization is a 404", () =>
    tabs.use(async (page) => {
      await openPage(page, "/en/organizations/no-such-organization/members", { status: 404 });
    }));
});

describe("an institution's memberships pages", () => {
  const INSTITUTION = "chinese-university-of-hong-kong";
  const rowLinks = (page: Parameters<Parameters<typeof tabs.use>[0]>[0]) =>
    page.locator("tbody tr th a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));

  test("list what the profile lists, in its order, link back to it, stay out of search engines, and pass axe", () =>
    tabs.use(async (page) => {
      await openPage(page, `/en/institutions/${INSTITUTION}`);
      const onProfile = await rowLinks(page);
      expect(onProfile.length).toBeGreaterThan(1);
      // All of them fit on the profile: it does not link to the longer list.
      expect(await page.locator(`a[href="/en/institutions/${INSTITUTION}/memberships"]`).count()).toBe(0);

      await openPage(page, `/en/institutions/${INSTITUTION}/memberships`);
      expect(await page.locator("main h1").innerText()).toMatch(/^International organizations of /);
      expect(await rowLinks(page)).toEqual(onProfile);
      expect(await page.locator("main").innerText()).toContain(`In ${onProfile.length} organizations listed here`);
      expect(await page.getByRole("link", { name: /Next/ }).count()).toBe(0);
      expect(await page.locator(`nav[aria-label] a[href="/en/institutions/${INSTITUTION}"]`).count()).toBe(1);
      // A list the profile shows whole is the profile's own table again: its canonical is the profile.
      expect(await page.locator('meta[name="robots"]').getAttribute("content")).toMatch(/noindex/);
      expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toMatch(
        new RegExp(`/en/institutions/${INSTITUTION}$`),
      );
      await expectNoAxeViolations(page);
    }));

  test("in Chinese, and a broken page link says so and shows the first page", () =>
    tabs.use(async (page) => {
      await openPage(page, `/zh/institutions/${INSTITUTION}/memberships?after=2019-02-30~x`);
      expect(await page.locator("main h1").innerText()).toMatch(/加入的国际组织$/);
      expect(await page.locator("main [role=alert]").innerText()).toBe("分页链接无效，已显示最前面的国际组织。");
      expect(await page.locator("tbody tr").count()).toBeGreaterThan(1);
    }));

  test("an unknown institution is a 404", () =>
    tabs.use(async (page) => {
      await openPage(page, "/en/institutions/no-such-institution/memberships", { status: 404 });
    }));
});
