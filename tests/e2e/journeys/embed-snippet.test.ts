// A university's staff copies the widget snippet from the dashboard and pastes it into their own site
// (another origin): the widget shows their memberships there.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newContext, screenshot, url } from "../../support/browser";

let browser: Browser;
let host: http.Server | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (host ? host.close(resolve) : resolve(undefined)));
});

describe("the staff dashboard's embed snippet", () => {
  it("NMU staff copy the snippet; pasted into another site, it shows NMU's memberships", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(url("/en/login"));
    await page.getByLabel("Email").fill("staff@njmu.test");
    await page.getByLabel("Password").fill("nmu-staff-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/en\/account$/);
    const snippet = await page.getByLabel("Embed code").inputValue();
    expect(snippet).toMatch(
      new RegExp(
        String.raw`^<iframe src="[^"]+\/embed\/institutions\/nanjing-medical-university` +
          String.raw`\?lang=en&amp;mode=compact&amp;theme=light` +
          String.raw`|^<iframe src="[^"]+\/embed\/institutions\/nanjing-medical-university` +
          String.raw`\?lang=en&mode=compact&theme=light"`,
      ),
    );
    expect(snippet).toContain(`src="${url("/embed/institutions/nanjing-medical-university")}`);
    await screenshot(page, "embed-02-dashboard-snippet");

    host = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><html lang="en"><head><title>NMU</title></head><body>` +
          `<h1>International cooperation</h1>${snippet}</body></html>`,
      );
    });
    await new Promise<void>((resolve) => host!.listen(0, resolve));
    const site = await (await newContext(browser)).newPage();
    await site.goto(`http://localhost:${(host.address() as AddressInfo).port}/`);
    const frame = site.frameLocator("iframe");
    await frame.locator("table").waitFor();
    const text = await frame.locator("main").innerText();
    expect(text).toContain("Nanjing Medical University");
    expect(text).toContain("The Belt and Road International Medical Education Alliance");
    await screenshot(site, "embed-03-pasted");
  });
});
