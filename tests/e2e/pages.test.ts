// What particular pages show: dates at the source's precision, real 404s, facets that filter by clicking.
import { afterAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import organizations from "../../prisma/seed-data/organizations.json";
import { baseUrl, browserSession, openPage, screenshot, url } from "../support/browser";

// Tests here are independent: they run two at a time, each in a tab of its own.
const tabs = browserSession({ tabs: 2 });
afterAll(() => tabs.close());
const withPage = (run: (page: Page) => Promise<void>) => tabs.use(run);

describe.concurrent("Nanjing Medical University's participation page", () => {
  // NMU's own table gives these entrance times: a day, a month, a day, a month and two blanks.
  // lib/shared/dates.ts formatPartialDate: DAY → "Nov 11, 2019" / "2019年11月11日", MONTH → "May 2018" / "2018年5月".
  const rows = [
    {
      slug: "belt-and-road-federation-for-health-promotion",
      iso: "2019-11-11",
      en: "Nov 11, 2019",
      zh: "2019年11月11日",
    },
    { slug: "belt-and-road-international-medical-education-alliance", iso: "2018-05", en: "May 2018", zh: "2018年5月" },
    { slug: "m9-collaboration-network", iso: "2021-07-09", en: "Jul 9, 2021", zh: "2021年7月9日" },
    { slug: "eurasia-pacific-uninet", iso: "2009-10", en: "October 2009", zh: "2009年10月" },
    { slug: "association-of-sino-russian-medical-universities", iso: null, en: "Not stated", zh: "未注明" },
    {
      slug: "south-and-southeast-asia-medical-education-and-service-alliance",
      iso: null,
      en: "Not stated",
      zh: "未注明",
    },
  ];

  for (const locale of ["en", "zh"] as const) {
    test(`shows all 6 organizations with entrance dates exactly as precise as the source (${locale})`, () =>
      withPage(async (page) => {
        await openPage(page, `/${locale}/institutions/nanjing-medical-university`);
        await screenshot(page, `nmu-dates-${locale}`);
        const links = await page.locator("tbody tr th a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
        expect(links.sort()).toEqual(rows.map((r) => `/${locale}/organizations/${r.slug}`).sort());
        for (const row of rows) {
          const tr = page
            .locator("tbody tr")
            .filter({ has: page.locator(`th a[href="/${locale}/organizations/${row.slug}"]`) });
          const entrance = tr.locator("td").last().locator("p").first();
          expect((await entrance.innerText()).trim(), row.slug).toBe(row[locale]);
          const time = entrance.locator("time");
          if (row.iso) {
            expect(await time.getAttribute("datetime"), row.slug).toBe(row.iso);
          } else {
            expect(await time.count(), `${row.slug} has no date`).toBe(0);
          }
        }
      }));
  }
});

describe.concurrent("addresses that do not exist", () => {
  const cases = [
    { path: "/en/organizations/does-not-exist", title: "Page not found", home: "Go to the home page", lang: "en" },
    { path: "/en/some/garbage", title: "Page not found", home: "Go to the home page", lang: "en" },
    { path: "/zh/institutions/does-not-exist", title: "页面未找到", home: "返回首页", lang: "zh-CN" },
  ];
  for (const c of cases) {
    test(`${c.path} answers 404 with the not-found page`, () =>
      withPage(async (page) => {
        await openPage(page, c.path, { status: 404 });
        await screenshot(page, `not-found-${c.path.replace(/\//g, "-").slice(1)}`);
        expect(await page.locator("main h1").innerText()).toBe(c.title);
        expect(await page.locator("html").getAttribute("lang")).toBe(c.lang);
        const home = page.locator("main").getByRole("link", { name: c.home });
        expect(await home.getAttribute("href")).toBe(`/${c.lang === "en" ? "en" : "zh"}`);
        // Its search looks through organizations and institutions alike.
        expect(await page.locator('main form[role="search"]').getAttribute("action")).toBe(
          `/${c.lang === "en" ? "en" : "zh"}/search`,
        );
      }));
  }

  test("a plain HTTP client gets the 404 status too", async () => {
    // The bench's empty page (app/[locale]/bench-floor) exists only on a server started with BENCH_FLOOR_PAGE=1.
    for (const path of ["/en/organizations/does-not-exist", "/en/some/garbage", "/en/bench-floor/1"]) {
      const res = await fetch(`${baseUrl()}${path}`, { redirect: "manual" });
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toContain("Page not found");
    }
  });
});

describe.concurrent("organization facets", () => {
  test("clicking the Consortium type leaves only PABSC; clearing the filters brings back all 12", () =>
    withPage(async (page) => {
      const cards = page.locator('section[aria-labelledby="results-heading"] > ul > li');
      const cardSlugs = () =>
        cards.locator("h3 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")?.split("/").pop()));
      const everySlug = organizations.map((o) => o.slug).sort();

      await openPage(page, "/en/organizations");
      await page.getByRole("heading", { name: `${organizations.length} organizations`, exact: true }).waitFor();
      expect((await cardSlugs()).sort()).toEqual(everySlug);
      await screenshot(page, "facets-1-all");

      const filters = page.getByRole("region", { name: "Filters" });
      const consortium = filters
        .locator('section[aria-labelledby="facet-kind"]')
        .getByRole("link", { name: /^Consortium\s+1$/ });
      await consortium.click();
      await page.waitForURL(`${baseUrl()}/en/organizations?kind=CONSORTIUM`);
      await page.getByRole("heading", { name: "1 organization", exact: true }).waitFor();
      expect(await cardSlugs()).toEqual(["pan-asian-biomedical-science-consortium"]);
      expect((await cards.first().locator("h3").innerText()).trim()).toBe(
        "Pan-Asian Biomedical Science Consortium (PABSC)",
      );
      expect(await filters.getByRole("link", { name: /^Consortium\s+1$/ }).getAttribute("aria-current")).toBe("true");
      await screenshot(page, "facets-2-consortium");

      await filters.getByRole("link", { name: "Clear all filters" }).click();
      await page.waitForURL(`${baseUrl()}/en/organizations`);
      await page.getByRole("heading", { name: `${organizations.length} organizations`, exact: true }).waitFor();
      expect((await cardSlugs()).sort()).toEqual(everySlug);
      expect(await filters.locator('[aria-current="true"]').count()).toBe(0);
      await screenshot(page, "facets-3-cleared");
    }));

  // A filter's values are a client component given their facts (components/ui/facet-list.tsx makes them): the page's
  // payload carries each value's label, count and address, not its link's elements and classes a second time.
  test.each(["/en/organizations?kind=CONSORTIUM", "/zh/institutions?kind=UNIVERSITY"])(
    "%s: each filter link's markup is sent once, in the HTML",
    async (path) => {
      const html = await (await fetch(url(path))).text();
      const link = "flex justify-between gap-2 rounded px-1.5 py-0.5";
      const links = html.split(`class="${link} `).length - 1;
      expect(links).toBeGreaterThan(3);
      expect(html.split(link).length - 1).toBe(links);
      const payload = [...html.matchAll(/<script>self\.__next_f\.push\((.*?)\)<\/script>/gs)].map((m) => m[1]).join("");
      expect(payload).toContain(JSON.stringify('"count":"').slice(1, -1));
      expect(payload).toContain(JSON.stringify('"active":true').slice(1, -1));
    },
  );
});
