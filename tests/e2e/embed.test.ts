// The widget in Chromium, inside an iframe of a page on another origin: it loads and shows NMU's approved
// memberships in English (full) and in Chinese (dark, compact); a non-embed page in a frame is blocked.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame, Page } from "playwright-core";
import memberships from "../../prisma/seed-data/memberships.json";
import organizations from "../../prisma/seed-data/organizations.json";
import { embedSnippet } from "@/lib/shared/embed-snippet";
import { baseUrl, browserSession, expectNoAxeViolations, screenshot, url } from "../support/browser";

const NMU = "nanjing-medical-university";
const nmuOrgs = memberships
  .filter((m) => m.institution === NMU)
  .map((m) => organizations.find((o) => o.slug === m.organization)!);
const officialName = (o: (typeof organizations)[number], locale: string) =>
  o.names.find((n) => n.locale === locale && n.kind === "OFFICIAL")?.name ??
  o.names.find((n) => n.locale === "en" && n.kind === "OFFICIAL")!.name;

const tabs = browserSession({ tabs: 1 });
const narrow = browserSession({ tabs: 1, width: 320, height: 640 });
let host: http.Server;
let hostOrigin = "";

beforeAll(async () => {
  // A university's own site: another origin (localhost vs the portal's 127.0.0.1, and another port).
  const app = baseUrl();
  const page = `<!doctype html><html lang="en"><head>\
<title>Nanjing Medical University: international cooperation</title></head><body>
<h1>Our international organizations</h1>
<iframe name="w-en" title="Memberships (English)" \
src="${app}/embed/institutions/${NMU}?lang=en&mode=full" width="900" height="600"></iframe>
<iframe name="w-zh" title="Memberships (Chinese)" \
src="${app}/embed/institutions/${NMU}?lang=zh&theme=dark" width="600" height="500"></iframe>
<iframe name="not-embed" title="Not a widget" src="${app}/en/institutions/${NMU}" width="600" height="300"></iframe>
</body></html>`;
  // The snippet staff copy (lib/shared/embed-snippet.ts), pasted as is: iframe and resizer script.
  const snippet = embedSnippet({ siteUrl: app, slug: NMU, lang: "en", title: "Memberships", mode: "full" });
  const pasted = `<!doctype html><html lang="en"><head><title>NMU: pasted widget</title></head><body>
<h1>Our international organizations</h1>
${snippet}
<p id="after">Text after the widget.</p>
</body></html>`;
  host = http.createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(req.url === "/pasted" ? pasted : page);
  });
  await new Promise<void>((resolve) => host.listen(0, resolve));
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await tabs.close();
  await narrow.close();
  await new Promise((resolve) => host?.close(resolve));
});

function frame(page: Page, name: string): Frame {
  const f = page.frame({ name });
  if (!f) throw new Error(`No frame named ${name}`);
  return f;
}

/** Lightness of a computed colour, 0 (black) to 1 (white): rgb(), lab()/lch() (0–100) or oklab()/oklch() (0–1). */
function lightness(color: string): number {
  const lab = /^(ok)?(?:lab|lch)\(([\d.]+)(%?)/.exec(color);
  if (lab) return Number(lab[2]) / (lab[3] || !lab[1] ? 100 : 1);
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (rgb) return (Number(rgb[1]) + Number(rgb[2]) + Number(rgb[3])) / 765;
  throw new Error(`Unexpected colour ${color}`);
}

describe("the widget in another site's iframe", () => {
  it("shows NMU's memberships in English (full), in Chinese (dark), and a normal page stays blocked", async () => {
    await tabs.use(async (page) => {
      const blockedResponses: (string | null)[] = [];
      page.on("response", (r) => {
        if (r.url() === url(`/en/institutions/${NMU}`)) blockedResponses.push(r.headers()["x-frame-options"] ?? null);
      });
      await page.goto(`${hostOrigin}/`);
      expect(new URL(page.url()).origin).not.toBe(new URL(baseUrl()).origin);

      const en = frame(page, "w-en");
      await en.locator("table").waitFor();
      const enText = await en.locator("main").innerText();
      expect(enText).toContain("Nanjing Medical University");
      for (const o of nmuOrgs) expect(enText, o.slug).toContain(officialName(o, "en"));
      expect(enText).toContain("Jul 9, 2021\nFounding member");
      await en.getByRole("columnheader", { name: "Founded by" }).waitFor();
      // Links leave the frame: they open the registry in a new tab.
      expect(
        await en.locator("main a").evaluateAll((as) => as.every((a) => a.getAttribute("target") === "_blank")),
      ).toBe(true);

      const zh = frame(page, "w-zh");
      await zh.locator("table").waitFor();
      const zhText = await zh.locator("main").innerText();
      expect(zhText).toContain("南京医科大学");
      for (const o of nmuOrgs) expect(zhText, o.slug).toContain(officialName(o, "zh"));
      expect(await zh.locator("html").getAttribute("lang")).toBe("zh-CN");
      expect(await zh.getByRole("columnheader", { name: "发起单位" }).count()).toBe(0);
      const bg = await zh.locator("[data-theme]").evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(lightness(bg), bg).toBeLessThan(0.35);
      expect(
        lightness(await en.locator("[data-theme]").evaluate((el) => getComputedStyle(el).backgroundColor)),
      ).toBeGreaterThan(0.9);

      // The institution page itself refuses to be framed: Chromium shows its error page instead.
      await expect.poll(() => blockedResponses.length, { timeout: 15_000 }).toBeGreaterThan(0);
      expect(blockedResponses[0]).toBe("DENY");
      const blocked = frame(page, "not-embed");
      await expect.poll(() => blocked.url(), { timeout: 15_000 }).toMatch(/^chrome-error:/);
      expect(
        await blocked
          .locator("main h1")
          .count()
          .catch(() => 0),
      ).toBe(0);
      await screenshot(page, "embed-01-host-page");
    });
  });

  it("has no accessibility violations, light and dark", async () => {
    await tabs.use(async (page) => {
      for (const query of ["lang=en&mode=full", "lang=zh&theme=dark"]) {
        const res = await page.goto(url(`/embed/institutions/${NMU}?${query}`));
        expect(res?.status()).toBe(200);
        await page.locator("table").waitFor();
        await expectNoAxeViolations(page, `embed ${query}`);
      }
    });
  });

  it("invalid options say what is valid; an unknown university is a 404", async () => {
    await tabs.use(async (page) => {
      await page.goto(url(`/embed/institutions/${NMU}?theme=neon&mode=tiny`));
      const text = await page.locator("main").innerText();
      expect(text).toContain("theme must be light or dark.");
      expect(text).toContain("mode must be compact or full.");
      expect(await page.locator("table").count()).toBe(0);
      expect((await page.goto(url("/embed/institutions/no-such-university")))?.status()).toBe(404);
    });
  });
});

describe("the widget on a phone and in a pasted snippet", () => {
  it("full mode fits a 320 px frame without scrolling sideways, in both languages", async () => {
    await narrow.use(async (page) => {
      for (const lang of ["en", "zh"]) {
        await page.goto(url(`/embed/institutions/${NMU}?lang=${lang}&mode=full`));
        await page.locator("table").waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${lang}: the widget is ${width}px wide`).toBeLessThanOrEqual(320);
        // The introduction is still there, under the organization's name.
        expect(await page.locator("main tbody th").first().innerText()).toMatch(/\n.{20,}/);
      }
      await screenshot(page, "embed-320-full-zh");
    });
  });

  it("the pasted snippet's frame takes the height of the widget's content", async () => {
    await tabs.use(async (page) => {
      await page.goto(`${hostOrigin}/pasted`);
      const iframe = page.locator("iframe");
      const widget = page.frameLocator("iframe");
      await widget.locator("table").waitFor();
      const content = () => widget.locator("#widget-content").evaluate((el) => el.getBoundingClientRect().height);
      const frameHeight = () => iframe.evaluate((el) => el.getBoundingClientRect().height);
      // The snippet says 480 px; the script replaces it with the content's height.
      await expect
        .poll(async () => Math.abs((await frameHeight()) - (await content())), { timeout: 15_000 })
        .toBeLessThanOrEqual(1);
      expect(await frameHeight()).not.toBe(480);
      // It follows the content when the content changes height (a narrower window wraps more lines).
      const before = await frameHeight();
      await page.setViewportSize({ width: 400, height: 900 });
      await expect.poll(frameHeight, { timeout: 15_000 }).toBeGreaterThan(before);
      await expect
        .poll(async () => Math.abs((await frameHeight()) - (await content())), { timeout: 15_000 })
        .toBeLessThanOrEqual(1);
      await page.setViewportSize({ width: 1280, height: 900 });
      await screenshot(page, "embed-04-pasted-resized");
    });
  });
});

describe("framing headers", () => {
  it("only /embed/* may be framed: CSP frame-ancestors * there, X-Frame-Options DENY everywhere else", async () => {
    const embed = await fetch(url(`/embed/institutions/${NMU}`));
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(embed.headers.get("x-frame-options")).toBeNull();
    for (const path of ["/en", `/en/institutions/${NMU}`, "/zh/data", "/en/data/api", "/api/v1/organizations"]) {
      const res = await fetch(url(path));
      expect(res.status, path).toBe(200);
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
    }
  });
});
