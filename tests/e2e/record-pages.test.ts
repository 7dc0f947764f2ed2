// What a record page says, as a visitor reads it: founders once with their roles and their source listed once
// (M9, EPU), "Read more" as a details that opens (and none under a short introduction), the CSV for Excel with
// its byte-order mark (and the default without), and English text on /zh marked as English.
import { afterAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { browserSession, openPage, screenshot, url } from "../support/browser";

const tabs = browserSession({ tabs: 2 });
afterAll(() => tabs.close());
const withPage = (run: (page: Page) => Promise<void>) => tabs.use(run);

const M9 = "m9-collaboration-network";
const EPU = "eurasia-pacific-uninet";
const UABR = "university-alliance-of-belt-and-road";
const MINISTRY = "austrian-federal-ministry-for-science-and-research";

describe.concurrent("founders", () => {
  test("M9: nine founders with their roles, and the one source listed once", () =>
    withPage(async (page) => {
      await openPage(page, `/en/organizations/${M9}`);
      const founders = page.getByTestId("founders").locator(":scope > li");
      expect(await founders.count()).toBe(9);
      const roles = await page.getByTestId("founders").locator("[data-roles]").allInnerTexts();
      expect(roles).toEqual(["Proposer", ...Array.from({ length: 8 }, () => "Co-sponsor")]);
      // One numbered source under the list, and every founder points at it.
      const sources = page.locator('ol[aria-labelledby="founders-sources"] > li');
      expect(await sources.count()).toBe(1);
      expect(await sources.first().getAttribute("id")).toBe("founders-source-1");
      expect(await sources.first().locator("blockquote").count()).toBe(2);
      const marks = await founders.locator('a[href="#founders-source-1"]').count();
      expect(marks).toBe(9);
      await screenshot(page, "record-pages-m9-founders");
    }));

  test("EPU: the Austrian ministry once, as founder and supporter", () =>
    withPage(async (page) => {
      await openPage(page, `/en/organizations/${EPU}`);
      const ministry = page.locator(`[data-founder="${MINISTRY}"]`);
      expect(await ministry.count()).toBe(1);
      expect(await ministry.locator("[data-roles]").innerText()).toBe("Founder, supporter");
      await openPage(page, `/zh/organizations/${EPU}`);
      expect(await page.locator(`[data-founder="${MINISTRY}"] [data-roles]`).innerText()).toBe("创建单位、支持单位");
    }));
});

describe.concurrent("a university's participation", () => {
  test("NMU: founders once with their roles, and each source listed once under the table", () =>
    withPage(async (page) => {
      await openPage(page, "/en/institutions/nanjing-medical-university");
      const epu = page.locator("tr", { hasText: "Eurasia-Pacific Uninet" });
      const name = "Austrian Federal Ministry for Science and Research";
      expect(await epu.getByRole("link", { name }).count()).toBe(1);
      const founder = epu.locator("li", { has: page.getByRole("link", { name }) });
      expect(await founder.innerText()).toMatch(/\(Founder, supporter\)$/);
      // NMU's six rows rest on its one page: one numbered source, and every row (table and cards) points at it.
      const rows = await page.locator("tbody > tr").count();
      const sources = page.locator('ol[aria-labelledby="participation-sources"] > li');
      expect(await sources.count()).toBeLessThan(rows);
      expect(await page.locator("table").getByText("seen ", { exact: false }).count()).toBe(0);
      const first = (await sources.first().getAttribute("id")) ?? "";
      expect(await page.locator(`tbody a[href="#${first}"]`).count()).toBeGreaterThan(1);
    }));
});

describe.concurrent("introductions", () => {
  test("a long introduction is a closed details showing the teaser, which opens to the whole text", () =>
    withPage(async (page) => {
      await openPage(page, `/en/organizations/${EPU}`);
      const details = page.locator("#introduction ~ * details[data-read-more]");
      expect(await details.count()).toBe(1);
      expect(await details.getAttribute("open")).toBeNull();
      const teaser = details.locator("[data-teaser]");
      expect(await teaser.isVisible()).toBe(true);
      expect((await teaser.innerText()).trim()).toMatch(/\w…$/);
      const ending = details.getByText("summer schools and other forms");
      expect(await ending.isVisible()).toBe(false);
      await details.locator("summary").click();
      await ending.waitFor({ state: "visible" });
      expect(await details.getAttribute("open")).not.toBeNull();
      // Open, the whole text replaces the teaser rather than following it.
      expect(await teaser.isVisible()).toBe(false);
      expect(await details.locator("summary").innerText()).toContain("Show less");
    }));

  test("a short introduction is shown whole, with no Read more", () =>
    withPage(async (page) => {
      await openPage(page, `/en/organizations/${UABR}`);
      const section = page.locator('section[aria-labelledby="introduction"]');
      expect(await section.count()).toBe(1);
      expect(await section.locator("details").count()).toBe(0);
      expect(await section.getByText("Read more").count()).toBe(0);
      expect((await section.innerText()).length).toBeGreaterThan(100);
    }));
});

describe.concurrent("CSV for Excel", () => {
  const firstBytes = async (pathname: string) => {
    const response = await fetch(url(pathname));
    expect(response.status, pathname).toBe(200);
    return [...new Uint8Array(await response.arrayBuffer()).slice(0, 3)];
  };

  test("the record page links the CSV and the CSV for Excel; only the latter starts with EF BB BF", () =>
    withPage(async (page) => {
      await openPage(page, `/en/organizations/${M9}`);
      const excel = page.getByRole("link", { name: /for Excel/ });
      expect(await excel.getAttribute("href")).toBe(`/api/v1/export/organizations/${M9}.csv?bom=1`);
      expect(await firstBytes(`/api/v1/export/organizations/${M9}.csv?bom=1`)).toEqual([0xef, 0xbb, 0xbf]);
      expect(await firstBytes(`/api/v1/export/organizations/${M9}.csv`)).not.toEqual([0xef, 0xbb, 0xbf]);
      await openPage(page, `/zh/organizations/${M9}`);
      expect(await page.getByRole("link", { name: /适用于 Excel/ }).count()).toBe(1);
    }));

  test("the data page offers every whole-dataset CSV for Excel too", () =>
    withPage(async (page) => {
      await openPage(page, "/en/data");
      const hrefs = await page.locator('a[href$="?bom=1"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(hrefs.sort()).toEqual(
        ["dataset", "institutions", "organizations"].map((f) => `/api/v1/export/${f}.csv?bom=1`),
      );
      expect(await firstBytes("/api/v1/export/dataset.csv?bom=1")).toEqual([0xef, 0xbb, 0xbf]);
      expect(await firstBytes("/api/v1/export/dataset.csv")).not.toEqual([0xef, 0xbb, 0xbf]);
    }));
});

describe.concurrent("English text on /zh", () => {
  test("a name with no Chinese form and the English introduction are marked lang=en, the latter labelled", () =>
    withPage(async (page) => {
      await openPage(page, `/zh/organizations/${M9}`);
      expect(await page.locator("main h1 [lang=en]").count()).toBe(1);
      const intro = page.locator('section[aria-labelledby="introduction"]');
      expect(await intro.locator("[lang=en]").first().innerText()).toContain("Chongqing Medical University");
      expect(await intro.locator("[data-as-written]").innerText()).toBe("原文为英文");
      // The founders have Chinese names in the data: shown as Chinese, not marked.
      expect(await page.getByTestId("founders").locator("li a [lang=en]").count()).toBe(0);
      expect(await page.getByTestId("founders").locator("li a").first().innerText()).toBe("重庆医科大学");
      await screenshot(page, "record-pages-m9-zh");
    }));

  test("a Chinese name the data has is shown as Chinese; a name it lacks stays English, marked", () =>
    withPage(async (page) => {
      await openPage(page, `/zh/organizations/${EPU}`);
      expect((await page.locator("main h1").innerText()).startsWith("欧亚太平洋学术协会")).toBe(true);
      expect(await page.locator("main h1 [lang=en]").count()).toBe(0);
      // The ministry and OeAD have no Chinese name in the data: their English names are marked, not translated.
      const founders = page.getByTestId("founders");
      expect(await founders.locator("li a [lang=en]").allInnerTexts()).toEqual([
        "Austrian Federal Ministry for Science and Research",
        "OeAD-GmbH",
      ]);
      await openPage(page, `/en/organizations/${EPU}`);
      expect(await page.locator("main [data-as-written]").count()).toBe(0);
    }));
});

describe.concurrent("no role stated", () => {
  for (const [locale, label] of [
    ["en", "Not stated"],
    ["zh", "未说明"],
  ] as const)
    test(`a blank "entrance time and role" cell reads as no role stated, not as a member (${locale})`, () =>
      withPage(async (page) => {
        await openPage(page, `/${locale}/institutions/nanjing-medical-university`);
        const row = page.locator("tbody tr").filter({
          has: page.locator(`th a[href="/${locale}/organizations/association-of-sino-russian-medical-universities"]`),
        });
        expect(await row.locator("td").last().locator("p.font-medium").innerText()).toBe(label);
      }));
});

// A row's styles are a few named classes (app/globals.css), not a utility list per element: every byte of a row is
// sent twice (the HTML and the RSC payload), once per row, and a university in 50 organizations has 50 of them.
// Spelled out as utilities, a row's elements averaged 25–27 characters of class names and a source entry's 23.
describe.concurrent("what each row repeats", () => {
  /** Per row: the mean length of the class attribute of the elements that have one. */
  const meanClassLength = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((rows) =>
      rows.map((row) => {
        const lengths = [row, ...row.querySelectorAll("[class]")].flatMap((e) => {
          const c = e.getAttribute("class");
          return c ? [c.length] : [];
        });
        return lengths.reduce((a, b) => a + b, 0) / lengths.length;
      }),
    );

  test.each([
    ["/en/institutions/nanjing-medical-university", "participation"],
    [`/en/organizations/${M9}`, "members"],
  ])("%s: each %s row and source entry averages under 16 characters of class names", (path, list) =>
    withPage(async (page) => {
      await openPage(page, path);
      const rows = await meanClassLength(page, 'tbody > tr[role="row"]');
      expect(rows.length).toBeGreaterThan(0);
      expect(Math.max(...rows)).toBeLessThan(16);
      const sources = await meanClassLength(page, `ol[aria-labelledby="${list}-sources"] > li`);
      expect(sources.length).toBeGreaterThan(0);
      expect(Math.max(...sources)).toBeLessThan(16);
    }),
  );

  // The tables' rows are client components (components/organizations/member-rows.tsx, components/institutions/
  // participation-rows.tsx) made from each row's facts on the server: the payload carries those facts (a name, a
  // country, a role, a date, source numbers), not the row's elements, classes and labels, about 1.3 KB a row on top of
  // its HTML when the rows were server components.
  test.each([
    ["/en/institutions/nanjing-medical-university", 6, `{"slug":"${EPU}","name":"Eurasia-Pacific Uninet"`],
    [`/en/organizations/${M9}`, 1, '{"slug":"nanjing-medical-university","name":"Nanjing Medical University"'],
  ])("%s: each of its %i rows' markup is sent once, in the HTML; the payload has its facts", async (path, n, facts) => {
    const html = await (await fetch(url(path))).text();
    const count = (s: string) => html.split(s).length - 1;
    // In an attribute of the HTML (class="card-head md:py-3"); the payload's JSON would write it \"card-head …\".
    const inAttributes = (s: string) => html.match(new RegExp(`="[^"<>]*\\b${s}\\b[^"<>]*"`, "g"))?.length ?? 0;
    expect(count('<tr role="row" class="card-row">')).toBe(n);
    for (const piece of ["card-row", "card-head", "rowheader"]) {
      expect(inAttributes(piece), piece).toBeGreaterThanOrEqual(n);
      expect(count(piece), piece).toBe(inAttributes(piece));
    }
    const payload = [...html.matchAll(/<script>self\.__next_f\.push\((.*?)\)<\/script>/gs)].map((m) => m[1]).join("");
    // A row's facts, as the payload's JSON string holds them (its quotes escaped).
    expect(payload).toContain(JSON.stringify(facts).slice(1, -1));
  });
});
