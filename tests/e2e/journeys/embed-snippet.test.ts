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
    const context = await newContext(browser);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(url("/")).origin });
    const page = await context.newPage();
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
    // The copy button puts exactly that text on the clipboard and says so where a screen reader hears it.
    const status = page.getByTestId("copy-status");
    expect(await status.innerText()).toBe("");
    await page.getByRole("button", { name: "Copy snippet" }).click();
    await expect.poll(() => status.innerText()).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await page.goto(url("/zh/account"));
    await page.getByRole("button", { name: "复制代码" }).click();
    await expect.poll(() => page.getByTestId("copy-status").innerText()).toBe("已复制");
    expect(await page.getByTestId("copy-status").getAttribute("role")).toBe("status");
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
    // The snippet's script sizes the frame to the widget's content: no inner scroll bar, no empty band.
    const content = () => frame.locator("#widget-content").evaluate((el) => el.getBoundingClientRect().height);
    const frameHeight = () => site.locator("iframe").evaluate((el) => el.getBoundingClientRect().height);
    await expect.poll(async () => Math.abs((await frameHeight()) - (await content()))).toBeLessThanOrEqual(1);
    const text = await frame.locator("main").innerText();
    expect(text).toContain("Nanjing Medical University");
    expect(text).toContain("The Belt and Road International Medical Education Alliance");
    await screenshot(site, "embed-03-pasted");
  });
});
