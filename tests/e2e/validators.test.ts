// What the web's own validators say about the served portal (issue 14 §2), kept in the suite: xmllint with the
// sitemaps.org XSDs on the sitemap files, redocly's recommended rules on the OpenAPI document, tsc with schema-dts
// on every JSON-LD block, axe at desktop and phone sizes in both languages, and the HTML as sent (no JavaScript)
// for the 404s and the home page's head.
import { afterAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { browserSession, contrastToReview, expectNoAxeViolations, openPage, url } from "../support/browser";
import { redoclyLint, SITEINDEX_XSD, SITEMAP_XSD, typecheckJsonLd, xmllint } from "../support/validators";

async function get(pathname: string) {
  const res = await fetch(url(pathname));
  expect(res.status, pathname).toBe(200);
  return res.text();
}
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? "").pathname);

describe("xmllint with the sitemaps.org XSDs", () => {
  test("the index and every sitemap file validate, and /data/api is listed in both languages", async () => {
    const index = await get("/sitemap.xml");
    expect(xmllint(index, SITEINDEX_XSD, "sitemap-index.xml")).toEqual({ ok: true, messages: "" });
    const files = locs(index);
    expect(files).toEqual(["/sitemaps/0.xml", "/sitemaps/1.xml", "/sitemaps/2.xml"]);
    const texts: string[] = [];
    for (const file of files) {
      const xml = await get(file);
      texts.push(xml);
      expect(xmllint(xml, SITEMAP_XSD, file.replace(/\//g, "_")), file).toEqual({ ok: true, messages: "" });
    }
    expect(texts.flatMap(locs)).toContain("/en/data/api");
    expect(texts.join("")).toMatch(/hreflang="zh" href="[^"]*\/zh\/data\/api"/);
  });
});

describe("redocly lint (recommended rules) on /api/v1/openapi.json", () => {
  test("finds no error and no warning", async () => {
    const { errors, warnings, report } = redoclyLint(JSON.parse(await get("/api/v1/openapi.json")));
    expect({ errors, warnings }, report).toEqual({ errors: 0, warnings: 0 });
  });
});

const jsonLdPages = [
  "/en",
  "/zh",
  "/en/organizations/university-alliance-of-the-silk-road",
  "/zh/organizations/m9-collaboration-network",
  // The seed's programme: typed EducationalOccupationalProgram it could not carry its founders and members.
  "/en/organizations/belt-and-road-greater-bay-area-chinese-medicine-training-programme",
  "/en/institutions/nanjing-medical-university",
  "/zh/institutions/chinese-university-of-hong-kong",
];

describe("tsc with schema-dts on the JSON-LD", () => {
  test("every block on the public pages is a schema.org Thing with only properties its type defines", async () => {
    const blocks: unknown[] = [];
    for (const pathname of jsonLdPages) {
      const html = await get(pathname);
      const found = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) =>
        JSON.parse(m[1] ?? ""),
      );
      expect(found.length, pathname).toBeGreaterThan(0);
      blocks.push(...found);
    }
    expect(typecheckJsonLd(blocks, "pages")).toBe("");
    const programme = blocks.find(
      (b) => (b as { additionalType?: string }).additionalType === "https://schema.org/EducationalOccupationalProgram",
    );
    expect(programme, "the programme, an Organization with its founders").toMatchObject({
      "@type": "Organization",
      founder: expect.any(Array),
    });
  });
});

describe("the HTML as sent, before any JavaScript", () => {
  test("/en and /zh name their canonical address and every language's, x-default included", async () => {
    for (const locale of ["en", "zh"]) {
      const head = (await get(`/${locale}`)).split("</head>")[0] ?? "";
      const links = [...head.matchAll(/<link rel="(canonical|alternate)"(?: hrefLang="([^"]+)")? href="([^"]+)"/g)];
      const found = Object.fromEntries(links.map((m) => [m[2] ?? m[1], new URL(m[3] ?? "").pathname]));
      expect(found, locale).toEqual({ canonical: `/${locale}`, en: "/en", zh: "/zh", "x-default": "/" });
    }
  });

  test("a 404 has its language and the not-found title", async () => {
    const cases = [
      { path: "/en/no/such/page", lang: "en", title: "Page not found · Alliance Atlas" },
      {
        path: "/zh/organizations/no-such-organization",
        lang: "zh-CN",
        title: "页面未找到 · Alliance Atlas 国际联盟图谱",
      },
      { path: "/xyz.php", lang: "en", title: "Page not found · Alliance Atlas" },
    ];
    for (const { path, lang, title } of cases) {
      const res = await fetch(url(path), { headers: { "accept-encoding": "gzip" } });
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html.match(/<html[^>]*\slang="([^"]+)"/)?.[1], path).toBe(lang);
      expect(html.match(/<title>([^<]*)<\/title>/)?.[1], path).toBe(title);
    }
  });

  test("the API page shows the descriptions' code as <code>, never as backticks", async () => {
    for (const locale of ["en", "zh"]) {
      const html = await get(`/${locale}/data/api`);
      const text = (html.split("<main")[1] ?? "").replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, "");
      expect(text, locale).not.toContain("`");
      expect(html).toContain("<code>page.nextCursor</code>");
      expect(html).toContain("<code>{slug}.csv</code>");
    }
  });
});

/**
 * Links standing on their own (not inline in a sentence: a block or flex item, or the first thing in a list item)
 * lower than WCAG 2.2's 24 px. axe's target-size passes such links when their neighbours are far enough away; the
 * issue's audit found a 20 px list, so here the targets themselves must be 24 px high.
 */
async function smallLinkTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("a[href]")].flatMap((a) => {
      const box = a.getBoundingClientRect();
      const inline = getComputedStyle(a).display === "inline";
      const leadsItem = a.parentElement?.tagName === "LI" && a.parentElement.firstElementChild === a;
      // Under 2 px: visually hidden (the skip link until focused).
      if (box.height < 2 || (inline && !leadsItem) || box.height >= 23.5) return [];
      return [`"${(a.textContent ?? "").trim().slice(0, 40)}" ${box.height.toFixed(1)} px`];
    }),
  );
}
const targetSizePages = new Set([
  "",
  "/organizations/m9-collaboration-network",
  "/organizations/university-alliance-of-the-silk-road",
]);

// axe on the public pages at the two sizes the issue walked, target-size included (tests/support/browser.ts).
const axePages = [
  "",
  "/organizations",
  "/organizations/m9-collaboration-network",
  "/organizations/university-alliance-of-the-silk-road",
  "/institutions",
  "/institutions/nanjing-medical-university",
  "/data",
  "/data/api",
];
for (const viewport of [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  const tabs = browserSession({ tabs: 2, width: viewport.width, height: viewport.height });
  afterAll(() => tabs.close());
  describe.concurrent(`axe at ${viewport.width}×${viewport.height} (${viewport.name})`, () => {
    for (const locale of ["en", "zh"])
      for (const path of axePages)
        test(`/${locale}${path}`, () =>
          tabs.use(async (page) => {
            await openPage(page, `/${locale}${path}`);
            await expectNoAxeViolations(page, `/${locale}${path} at ${viewport.width}px`, { targetSize: true });
            expect(await contrastToReview(page), "colour contrast axe could not judge").toEqual([]);
            if (targetSizePages.has(path)) expect(await smallLinkTargets(page), "links under 24 px").toEqual([]);
          }));
  });
}
