// Security headers on every kind of response (pages, 404s, API routes, static files, robots), the embed
// exception, HSTS only behind https, and the Content-Security-Policy not getting in the app's way: the public
// pages hydrate in Chromium without a single CSP violation.
import { afterAll, describe, expect, test } from "vitest";
import { browserSession, openPage, url } from "../support/browser";

const tabs = browserSession({ tabs: 1 });
afterAll(() => tabs.close());

const directives = (csp: string | null) =>
  Object.fromEntries(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k, v.join(" ")]),
  );

async function get(pathname: string, headers: Record<string, string> = {}) {
  return fetch(url(pathname), { redirect: "manual", headers });
}

function expectSecurityHeaders(res: Response, label: string, frameAncestors = "'none'") {
  const csp = directives(res.headers.get("content-security-policy"));
  expect(csp["object-src"], `${label}: object-src`).toBe("'none'");
  expect(csp["base-uri"], `${label}: base-uri`).toBe("'none'");
  expect(csp["frame-ancestors"], `${label}: frame-ancestors`).toBe(frameAncestors);
  expect(csp["form-action"], `${label}: form-action`).toBe("'self'");
  expect(csp["script-src"], `${label}: no eval in production`).not.toContain("unsafe-eval");
  expect(res.headers.get("x-content-type-options"), label).toBe("nosniff");
  expect(res.headers.get("referrer-policy"), label).toBe("strict-origin-when-cross-origin");
}

describe("security headers", () => {
  test("pages, 404s, API routes, static files, robots and sitemap all carry them", async () => {
    const home = await get("/en");
    expect(home.status).toBe(200);
    const html = await home.text();
    const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(html)?.[0];
    if (!asset) throw new Error("The home page links no static asset under /_next/static.");
    expectSecurityHeaders(home, "/en");
    const cases: [string, number][] = [
      ["/zh/organizations", 200],
      ["/en/institutions/nanjing-medical-university", 200],
      ["/en/organizations?q=%3Cscript%3E&page=2", 200],
      ["/en/organizations/does-not-exist", 404],
      ["/en/some/garbage", 404],
      ["/api/auth/session", 200],
      ["/api/auth/csrf", 200],
      ["/api/does-not-exist", 404],
      [asset, 200],
      ["/robots.txt", 200],
      ["/sitemap.xml", 200],
      ["/", 307],
    ];
    for (const [pathname, status] of cases) {
      const res = await get(pathname);
      expect(res.status, pathname).toBe(status);
      expectSecurityHeaders(res, pathname);
      expect(res.headers.get("x-frame-options"), pathname).toBe("DENY");
      await res.arrayBuffer();
    }
  });

  test("/embed/* may be framed by other sites; nothing else may", async () => {
    const embed = await get("/embed/x");
    expectSecurityHeaders(embed, "/embed/x", "*");
    await embed.arrayBuffer();
    // An "embed" segment further down the path is any other page.
    for (const pathname of [
      "/en/embed/organizations/x",
      "/anything/embed/x",
      "/zh/embed/institutions/nanjing-medical-university",
    ]) {
      const res = await get(pathname);
      expectSecurityHeaders(res, pathname);
      expect(res.headers.get("x-frame-options"), pathname).toBe("DENY");
      await res.arrayBuffer();
    }
  });

  test("HSTS only on requests that arrived over https: a client's own X-Forwarded-Proto is not believed", async () => {
    // This server has no trusted proxy in front (TRUST_PROXY unset): the scheme is the socket's, plain http.
    // tests/e2e/multi-instance.test.ts checks the other side: behind a trusted proxy that says https, HSTS.
    const plain = await get("/en");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const forged = await get("/en", { "x-forwarded-proto": "https" });
    expect(forged.headers.get("strict-transport-security")).toBeNull();
    await Promise.all([plain.arrayBuffer(), forged.arrayBuffer()]);
  });

  test("the public pages hydrate in Chromium with no CSP violation and no console error", () =>
    tabs.use(async (page) => {
      const problems: string[] = [];
      page.on("console", (m) => {
        // Failed loads are caught below with their address (Chromium's own /favicon.ico request is not the page's).
        if (m.type() === "error" && !m.text().startsWith("Failed to load resource"))
          problems.push(`${page.url()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
      page.on("response", (r) => {
        if (r.status() >= 400) problems.push(`${page.url()}: ${r.status()} for ${r.url()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) =>
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      for (const pathname of [
        "/en",
        "/zh/organizations",
        "/en/organizations/m9-collaboration-network",
        "/en/institutions/nanjing-medical-university",
        "/en/institutions",
        "/en/login",
      ]) {
        await openPage(page, pathname);
      }
      // Client navigation (JavaScript running under the policy) still works.
      await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "中文" }).click();
      await page.waitForURL(/\/zh\/login$/);
      await page.locator("main h1").waitFor();
      expect(problems).toEqual([]);
    }));
});
