// The scripts a public page brings. next-intl's client runtime (its message formatter, 12 KB compressed) belongs only
// where a client component formats messages itself: the type-ahead of the home and search pages, and the signed-in
// pages' forms. It came back twice unnoticed: the not-found page's type-ahead (in every page's payload, as the layout's
// not-found boundary) and the watch form on every record page.
import { afterAll, describe, expect, test } from "vitest";
import { browserSession, openPage, url } from "../support/browser";

const tabs = browserSession({ tabs: 1 });
afterAll(() => tabs.close());

// A name the formatter's code keeps when minified.
const FORMATTER = "IntlMessageFormat";

async function scriptsOf(pathname: string, status = 200) {
  const res = await fetch(url(pathname));
  expect(res.status, pathname).toBe(status);
  const html = await res.text();
  // Every chunk the page names: its script tags, and those its payload names for the client to load (all of them on
  // a page rendered in the browser, as a 404's).
  const sources = [...new Set([...html.matchAll(/\/_next\/static\/chunks\/[\w.-]+\.js/g)].map((m) => m[0]))];
  const scripts = await Promise.all(sources.map(async (src) => ({ src, text: await (await fetch(url(src))).text() })));
  return { html, scripts };
}

describe.concurrent("scripts of public pages", () => {
  test.for([
    ["/en/organizations/mou-cuhk-ningxia-medical-university", 200],
    ["/zh/organizations/mou-cuhk-ningxia-medical-university", 200],
    ["/en/organizations/mou-cuhk-ningxia-medical-university/members", 200],
    ["/en/institutions/chinese-university-of-hong-kong", 200],
    ["/zh/institutions/chinese-university-of-hong-kong", 200],
    ["/en/institutions/chinese-university-of-hong-kong/memberships", 200],
    ["/en/no/such/page", 404],
  ] as const)("%s loads no message formatter and carries no type-ahead texts", async ([pathname, status]) => {
    const { html, scripts } = await scriptsOf(pathname, status);
    expect(scripts.length).toBeGreaterThan(3);
    expect(scripts.filter((s) => s.text.includes(FORMATTER)).map((s) => s.src)).toEqual([]);
    // The type-ahead's texts travel only with the type-ahead.
    expect(html).not.toContain("matchedFormer");
  });

  test("a record page's watch form still shows its error summary, in its language", () =>
    tabs.use(async (page) => {
      await openPage(page, "/zh/institutions/chinese-university-of-hong-kong");
      const form = page.locator("section[aria-labelledby=watch-by-email] form");
      await form.locator("input[type=email]").fill("not-an-address");
      await form.locator("input[type=email]").evaluate((input) => input.removeAttribute("required"));
      await form.locator("input[type=email]").evaluate((input) => input.setAttribute("type", "text"));
      await form.locator("button[type=submit]").click();
      await form.locator("[role=alert] h2").waitFor();
      expect(await form.locator("[role=alert] h2").textContent()).toBe("提交的内容有问题");
    }));

  test("a page that is not found keeps its search box, plain: a GET form to the search page", () =>
    tabs.use(async (page) => {
      await openPage(page, "/en/no/such/page", { status: 404 });
      const box = page.locator('form[role=search][action="/en/search"] input#not-found-search[name=q]');
      expect(await box.count()).toBe(1);
      expect(await box.getAttribute("role")).toBeNull();
      await box.fill("ningxia");
      await box.press("Enter");
      await page.waitForURL(/\/en\/search\?q=ningxia$/);
    }));

  test("the home page's type-ahead does bring it (the check above can see it)", async () => {
    const { html, scripts } = await scriptsOf("/en");
    expect(scripts.some((s) => s.text.includes(FORMATTER))).toBe(true);
    expect(html).toContain("matchedFormer");
  });
});
