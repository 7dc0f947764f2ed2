// "Suggest a correction" end to end (issue 15 §3): a visitor on NMU's page suggests a correction with an email,
// receives the private status link by mail (the local SMTP sink npm test runs), opens it; NMU's manager sees it in
// their queue and turns it into a change request; the visitor's status page then shows it under review. Also the
// form at phone width and in Chinese.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { axeViolations, launchBrowser, newContext, screenshot, signIn, url } from "../../support/browser";
import { waitForMail } from "../../support/mailbox";

let browser: Browser;
const stamp = Date.now();
const email = `visitor.${stamp}@example.org`;
const what = `The page misses NMU's 2024 membership change (${stamp}); see https://evil.example/<b>x</b> for details.`;
let statusLink = "";

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const statusLinkIn = (text: string) => {
  const link = /https?:\/\/\S+\/en\/corrections\/[\w-]{20,}/.exec(text)?.[0];
  if (!link) throw new Error(`No status link in this mail:\n${text}`);
  return link;
};

describe("a visitor suggests a correction and NMU's manager turns it into a change request", () => {
  it("the visitor suggests it on NMU's page and gets the private link on the page and by mail", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(url("/en/institutions/nanjing-medical-university"));
    await page.getByRole("link", { name: "Suggest a correction" }).click();
    await page.getByRole("heading", { name: "Suggest a correction" }).waitFor();
    await page.getByText(/kept until 30 days after the suggestion is closed/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("What is wrong").fill(what);
    await page.getByLabel("Where the right information is (address)").fill("https://www.njmu.edu.cn/international");
    await page.getByLabel("Your email (optional)").fill(email);
    await page.getByRole("button", { name: "Send the suggestion" }).click();
    await page.getByText("Thank you: your suggestion was received.").waitFor();
    const shown = await page.getByLabel(/Your private link to follow this suggestion/).inputValue();
    await screenshot(page, "corrections-01-sent");

    const mail = await waitForMail(email, { subject: /received/ });
    statusLink = statusLinkIn(mail.text);
    expect(statusLink).toBe(shown);
    const response = await page.goto(statusLink);
    // Never kept by a shared cache: the page is rendered for each request.
    expect(response?.headers()["cache-control"]).toMatch(/no-store|private/);
    await page.getByRole("heading", { name: "Your suggested correction" }).waitFor();
    await page.getByText("Received: it waits for the institution's managers or the registry's admins.").waitFor();
    // What the visitor wrote is text: the address in it is no link, and the markup in it is not markup.
    await page.getByText(what).waitFor();
    expect(await page.locator('a[href*="evil.example"]').count()).toBe(0);
    expect(await page.locator("main b").count()).toBe(0);
    const robots = await page.locator('meta[name="robots"]').getAttribute("content");
    expect(robots).toMatch(/noindex/);
    await screenshot(page, "corrections-02-status-received");
  });

  it("NMU's manager sees it in their queue and turns it into a change request", async () => {
    const manager = await signIn(browser, "staff@njmu.test", "nmu-staff-demo");
    await manager.getByRole("link", { name: "Suggested corrections" }).click();
    await manager.getByRole("heading", { name: "Suggested corrections" }).waitFor();
    const entry = manager
      .getByRole("listitem")
      .filter({ hasText: String(stamp) })
      .first();
    await entry.getByText(what).waitFor();
    expect(await entry.locator('a[href*="evil.example"], a[href*="njmu.edu.cn"]').count()).toBe(0);
    expect(await axeViolations(manager)).toEqual([]);
    await screenshot(manager, "corrections-03-queue");
    await entry.getByText("Turn into a change request").click();
    await entry.getByRole("link", { name: /South and Southeast Asia Medical Education/ }).click();
    await manager.getByText("This proposal answers a visitor's suggested correction.", { exact: false }).waitFor();
    await manager.getByLabel("Notes").fill(`Membership reviewed after a visitor's suggestion (${stamp}).`);
    await manager.getByRole("button", { name: "Send for review" }).click();
    await manager.waitForURL(/\/account\/requests\//);
    await manager.getByText("Pending").first().waitFor();

    // Gone from the queue, and the suggester is told.
    await manager.goto(url("/en/account/corrections"));
    await manager.getByRole("heading", { name: "Suggested corrections" }).waitFor();
    expect(await manager.getByText(what).count()).toBe(0);
    await waitForMail(email, { subject: /being reviewed/ });
  });

  it("the visitor's status page shows it under review", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(statusLink);
    await page.getByText("Being reviewed as a proposed change.").waitFor();
    await page.getByText("The proposed change waits for an admin's decision.").waitFor();
    await screenshot(page, "corrections-04-status-in-review");
    // An unknown link is the plain 404, with no hint.
    const unknown = await page.goto(statusLink.replace(/[\w-]{8}$/, "AAAAAAAA"));
    expect(unknown?.status()).toBe(404);
  });
});

describe("the correction form on a phone and in Chinese", () => {
  it("fits a 390 px wide screen", async () => {
    const page = await (await newContext(browser, { width: 390, height: 844 })).newPage();
    await page.goto(url("/en/institutions/nanjing-medical-university/correction"));
    await page.getByRole("heading", { name: "Suggest a correction" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const field = await page.getByLabel("What is wrong").boundingBox();
    expect(field!.x).toBeGreaterThanOrEqual(0);
    expect(field!.x + field!.width).toBeLessThanOrEqual(390);
    await screenshot(page, "corrections-05-phone");
  });

  it("is in Chinese on /zh", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(url("/zh/institutions/nanjing-medical-university"));
    await page.getByRole("link", { name: "建议更正" }).click();
    await page.getByRole("heading", { name: "建议更正" }).waitFor();
    await page.getByText(/保留至建议关闭或其变更请求有结论后 30 天/).waitFor();
    await page.getByLabel("哪里有误").fill("这里的城市写错了，应该是南京。");
    await page.getByLabel("正确信息的出处（网址）").fill("https://www.njmu.edu.cn/");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "corrections-06-zh");
  });
});
