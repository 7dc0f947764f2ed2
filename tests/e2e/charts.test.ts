// The pictures in a real browser: the organization's map and timeline, the institution's network (with the
// keyboard), the home page's overview — on the seed data.
import { afterAll, describe, expect, test } from "vitest";
import organizations from "../../prisma/seed-data/organizations.json";
import { baseUrl, browserSession, openPage, screenshot } from "../support/browser";

const session = browserSession();
afterAll(() => session.close());

const LAND = "#dde3ea";

describe("pictures", () => {
  test(`Eurasia-Pacific Uninet: China highlighted with its member, the countries the source names, \
the October 2009 join`, () =>
    session.use(async (page) => {
      await openPage(page, "/en/organizations/eurasia-pacific-uninet");
      const map = page.locator('[data-chart="world-map"]');
      const svg = map.locator('svg[role="img"]');
      expect(await svg.getAttribute("aria-label")).toBe("World map: members in 1 country or region (China 1)");
      // The land is one picture the browser loads once; the page draws circles over it.
      const land = await page.evaluate(async () => {
        const image = document.querySelector('[data-chart="world-map"] svg image');
        const response = await fetch(image!.getAttribute("href")!);
        return {
          status: response.status,
          type: response.headers.get("content-type"),
          paths: (await response.text()).split("<path").length - 1,
        };
      });
      expect(land).toEqual({ status: 200, type: "image/svg+xml; charset=utf-8", paths: expect.any(Number) });
      expect(land.paths).toBeGreaterThan(170);
      const china = svg.locator('circle[data-country="CN"]');
      expect(await china.getAttribute("data-count")).toBe("1");
      expect(await china.getAttribute("fill")).not.toBe(LAND);
      expect(await china.locator("title").textContent()).toBe("China: 1 member");
      const austria = svg.locator('circle[data-country="AT"]');
      expect(await austria.getAttribute("fill")).not.toBe(LAND);
      expect(await austria.locator("title").textContent()).toBe("Austria: named by a source, no member listed here");
      expect(await svg.locator('[data-country="BR"]').count()).toBe(0);
      expect((await map.getByTestId("map-countries").innerText()).replace(/\s+/g, " ").trim()).toBe("China 1");
      expect(await map.innerText()).toContain("Also named by the sources: Austria, Bhutan, India");

      const timeline = page.locator('[data-chart="join-timeline"]');
      const bars = timeline.locator("rect[data-period]");
      expect(await bars.count()).toBe(1);
      expect(await bars.first().getAttribute("data-period")).toBe("2009-10");
      expect(await bars.first().locator("title").textContent()).toBe("October 2009: 1 joined, 1 in total");
      expect(await timeline.locator('svg[role="img"]').getAttribute("aria-label")).toBe(
        "Timeline: 1 member with a known joining date, from October 2009 to October 2009",
      );
      await screenshot(page, "charts-epu-en");
    }));

  test("PABSC: Hong Kong, too small for the map, is a dot; the Chinese page says the same in Chinese", () =>
    session.use(async (page) => {
      await openPage(page, "/zh/organizations/pan-asian-biomedical-science-consortium");
      const hk = page.locator('[data-chart="world-map"] circle[data-country="HK"]');
      expect(await hk.getAttribute("data-count")).toBe("1");
      expect(await hk.locator("title").textContent()).toBe("中国香港：1 个成员");
      expect(await page.getByRole("heading", { name: "成员加入时间线" }).isVisible()).toBe(true);
      expect(
        await page.locator('[data-chart="join-timeline"] rect[data-period="2012"]').getAttribute("data-value"),
      ).toBe("1");
    }));

  test("the Sino-Russian association: no dated join, the unknown counted", () =>
    session.use(async (page) => {
      await openPage(page, "/en/organizations/association-of-sino-russian-medical-universities");
      expect(await page.getByTestId("timeline-unknown").innerText()).toBe("Date unknown: 1");
      expect(await page.getByText("No member has a known joining date yet.").isVisible()).toBe(true);
    }));

  test(`NMU's network: every node a link in the graph and the list; \
keyboard focus shows a ring and Enter follows it`, () =>
    session.use(async (page) => {
      await openPage(page, "/en/institutions/nanjing-medical-university");
      const graph = page.locator('[data-chart="network"]');
      // The browser asks for the network once the page is shown (/api/network/…): wait for it to be drawn.
      await graph.locator("svg").waitFor();
      const nodes = graph.locator("svg a[data-node]");
      const listed = graph.getByTestId("network-list").locator("> li");
      expect(await nodes.count()).toBe(13);
      expect(await listed.count()).toBe(13);
      expect(await graph.locator("svg").getAttribute("aria-label")).toBe(
        "Network of Nanjing Medical University: 13 institutions share organizations with it",
      );
      // Most shared first: China Medical University and Harbin share two organizations each with NMU (between equals
      // the order is the database's stable but arbitrary one, lib/data/organizations/charts.ts).
      expect(await listed.first().innerText()).toMatch(
        /^(China Medical University|Harbin Medical University) · China\n2 shared organizations:/,
      );
      const harbin = graph.locator('svg a[data-node="harbin-medical-university"]');
      expect(await harbin.getAttribute("aria-label")).toBe("Harbin Medical University (China): shares 2 organizations");
      // The links come as two indexes each and are drawn here as paths of whole pixels.
      const lines = graph.locator('svg g[aria-hidden="true"] path');
      expect(await lines.count()).toBeGreaterThan(0);
      expect(await lines.evaluateAll((ps) => ps.every((p) => /^(M\d+ \d+L\d+ \d+)+$/.test(p.getAttribute("d")!)))).toBe(
        true,
      );

      // Reach Harbin by keyboard from its neighbour in the tab order: Tab from the node before it, or Shift+Tab from
      // the one after when it comes first (the nodes sharing most come first, and between equals the order is the
      // database's stable but arbitrary one).
      const slugs = await nodes.evaluateAll((as) => as.map((a) => a.getAttribute("data-node")));
      const index = slugs.indexOf("harbin-medical-university");
      expect(index).toBeGreaterThanOrEqual(0);
      const neighbour = index > 0 ? index - 1 : index + 1;
      await nodes.nth(neighbour).focus();
      await page.keyboard.press(index > 0 ? "Tab" : "Shift+Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-node"))).toBe(
        "harbin-medical-university",
      );
      const ring = harbin.locator("circle").first();
      expect(await ring.evaluate((c) => getComputedStyle(c).visibility)).toBe("visible");
      expect(
        await nodes
          .nth(neighbour)
          .locator("circle")
          .first()
          .evaluate((c) => getComputedStyle(c).visibility),
      ).toBe("hidden");
      await screenshot(page, "charts-nmu-network-focus");
      await page.keyboard.press("Enter");
      await page.waitForURL(`${baseUrl()}/en/institutions/harbin-medical-university`);
      await page.getByRole("heading", { level: 1, name: "Harbin Medical University" }).waitFor();
    }));

  test("home: organizations founded per year and memberships by country", () =>
    session.use(async (page) => {
      await openPage(page, "/en");
      const founded = page.getByTestId("founded-per-year");
      const years = organizations.flatMap((o) => (o.founded ? [Number(o.founded.slice(0, 4))] : []));
      const bars = founded.locator("rect[data-period]");
      // A bar for each year in which an organization was founded; the years between keep their places but draw none.
      expect(await bars.count()).toBe(new Set(years).size);
      expect(await founded.locator('rect[data-period="2015"]').getAttribute("data-value")).toBe(
        String(years.filter((y) => y === 2015).length),
      );
      expect(await founded.innerText()).toContain(`Founding year not stated: ${organizations.length - years.length}`);
      const table = page.getByRole("table", { name: "Memberships by the member institution's country or region" });
      const rows = await table
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [
            tr.querySelector("th")?.textContent,
            tr.querySelector("td .tabular-nums")?.textContent,
            tr.querySelector("td .text-muted")?.textContent,
          ]),
        );
      expect(rows).toEqual([
        ["China", "7", "2 institutions"],
        ["Hong Kong SAR", "6", "1 institution"],
      ]);
      await screenshot(page, "charts-home-en");
    }));

  test(`the map writes each country once: its buttons are read from the picture in the browser, not sent as props \
and buttons beside it`, () =>
    session.use(async (page) => {
      const path = "/en/organizations/eurasia-pacific-uninet";
      const html = await (await page.request.get(`${baseUrl()}${path}`)).text();
      // The picture's circle (data-country) and its title, once in the HTML and once in the payload; before the
      // change each country was also a target prop ("targets") and a server-rendered button (data-map-target).
      expect(html.split('data-country="CN"').length - 1).toBe(1);
      expect(html).not.toContain("data-map-target");
      expect(html).not.toContain('\\"targets\\"');
      expect(html.split("China: 1 member").length - 1).toBe(2);
      // The circles and the list under the map travel as their facts (components/charts/world-map-picture.tsx): no
      // circle's or list row's attributes in the payload.
      expect(html).not.toContain('\\"data-country\\"');
      expect(html).toContain('<li class="count-row">');
      expect(html).not.toContain('\\"className\\":\\"count-row\\"');

      await openPage(page, path);
      const map = page.locator('[data-chart="world-map"]');
      await map.locator('[data-map-controls="measured"]').waitFor();
      const labels = await map.getByRole("button").evaluateAll((circles) => circles.map((c) => c.ariaLabel));
      const titles = await map
        .locator('svg[role="img"] circle[data-country] > title')
        .evaluateAll((all) => all.map((t) => t.textContent));
      // One button per circle of the picture, in its order: the countries only a source names, then the members.
      expect(labels).toEqual(titles);
      expect(labels).toContain("Austria: named by a source, no member listed here");
      expect(labels.at(-1)).toBe("China: 1 member");
      await map.getByRole("button", { name: "China: 1 member" }).click();
      expect(await map.getByTestId("map-panel").innerText()).toBe("China: 1 member");
    }));

  test(`an institution's network is not in its page's HTML: the browser asks /api/network for it (a 304 once it has \
it), a directory entry has none, and an unknown address is a 404`, () =>
    session.use(async (page) => {
      const html = await (await page.request.get(`${baseUrl()}/en/institutions/nanjing-medical-university`)).text();
      const section = html.slice(
        html.indexOf('aria-labelledby="network"'),
        html.indexOf("</section>", html.indexOf('aria-labelledby="network"')),
      );
      expect(section).toContain("Drawing the network…");
      expect(section).not.toContain("<svg");
      expect(html).not.toContain("Harbin Medical University (China): shares 2 organizations");

      const answer = await page.request.get(`${baseUrl()}/api/network/zh/nanjing-medical-university`);
      expect(answer.status()).toBe(200);
      const { picture } = (await answer.json()) as { picture: { label: string; nodes: unknown[] } };
      expect(picture.label).toBe("南京医科大学 的合作网络：13 个机构与其共同参与国际组织");
      expect(picture.nodes).toHaveLength(13);
      const again = await page.request.get(`${baseUrl()}/api/network/zh/nanjing-medical-university`, {
        headers: { "If-None-Match": answer.headers().etag! },
      });
      expect(again.status()).toBe(304);

      const directory = (await (
        await page.request.get(`${baseUrl()}/api/v1/institutions?coverage=directory&limit=1`)
      ).json()) as { data: { slug: string }[] };
      const none = await page.request.get(`${baseUrl()}/api/network/en/${directory.data[0]!.slug}`);
      expect(await none.json()).toEqual({
        picture: null,
        none: "No other institution shares an organization with this one yet.",
      });
      for (const address of ["en/no-such-university", "fr/nanjing-medical-university", "en/Bad%20Slug"]) {
        const missing = await page.request.get(`${baseUrl()}/api/network/${address}`);
        expect(missing.status(), address).toBe(404);
        expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
      }
    }));
});
