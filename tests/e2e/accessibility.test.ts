// Every public page, in both languages, passes axe-core with no violations. Each page is photographed.
import { afterAll, describe, test } from "vitest";
import { browserSession, expectNoAxeViolations, openPage, screenshot } from "../support/browser";

const pages: { name: string; path: string; status?: number }[] = [
  { name: "home", path: "" },
  { name: "organizations", path: "/organizations" },
  { name: "organizations-search-belt", path: "/organizations?q=belt" },
  { name: "organization-pabsc", path: "/organizations/pan-asian-biomedical-science-consortium" },
  { name: "organization-m9", path: "/organizations/m9-collaboration-network" },
  { name: "organization-uasr", path: "/organizations/university-alliance-of-the-silk-road" },
  { name: "institutions", path: "/institutions" },
  { name: "institution-nmu", path: "/institutions/nanjing-medical-university" },
  { name: "open-data", path: "/data" },
  { name: "api-reference", path: "/data/api" },
  { name: "not-found", path: "/some/garbage", status: 404 },
];

// Pages are independent, so two are checked at a time, each in its own tab.
const tabs = browserSession({ tabs: 2 });
afterAll(() => tabs.close());

describe.concurrent("axe-core finds no violations", () => {
  for (const locale of ["en", "zh"]) {
    for (const { name, path, status } of pages) {
      test(`/${locale}${path}`, async () => {
        await tabs.use(async (page) => {
          await openPage(page, `/${locale}${path}`, { status });
          await screenshot(page, `a11y-${locale}-${name}`);
          await expectNoAxeViolations(page, `/${locale}${path}`, { targetSize: true });
        });
      });
    }
  }

  test("the 404 page outside any language (/xyz.php)", async () => {
    await tabs.use(async (page) => {
      await openPage(page, "/xyz.php", { status: 404, localized: false });
      await screenshot(page, "a11y-global-not-found");
      await expectNoAxeViolations(page, "/xyz.php");
    });
  });
});
