// A staff member registers a webhook on their account page: the secret is shown once and never again, the
// webhook can be disabled and deleted, and a private address is refused with a reason beside the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { launchBrowser, newContext, screenshot, signInOn, url } from "../../support/browser";

let browser: Browser;
let page: Page;
const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
// A public address written as an IP literal: registration checks it without DNS (the test machine has none).
const hook = `https://93.184.215.14/journey-${Date.now()}`;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
  await signInOn(page, "staff@njmu.test", "nmu-staff-demo");
});

afterAll(async () => {
  await browser?.close();
  await prisma.webhook.deleteMany({ where: { url: hook } });
  await prisma.$disconnect();
});

describe("webhooks on the account page", () => {
  it("refuses a private address, registers a public one and shows its secret once", async () => {
    await page.goto(url("/en/account"));
    await page.getByRole("link", { name: "Webhooks" }).click();
    await page.getByRole("heading", { name: "Webhooks", level: 1 }).waitFor();
    await page.getByLabel("Address (https://…)").fill("https://192.168.1.10/hook");
    await page.getByRole("button", { name: "Register" }).click();
    await page
      .getByText(/resolves to 192\.168\.1\.10, which is not a public address/)
      .first()
      .waitFor();
    expect(await prisma.webhook.count({ where: { url: "https://192.168.1.10/hook" } })).toBe(0);

    await page.getByLabel("Address (https://…)").fill(hook);
    await page.getByRole("button", { name: "Register" }).click();
    await page.getByText("Webhook registered. Copy its secret now: it is shown only once.").waitFor();
    const secret = await page.getByLabel("The webhook's secret, shown this once: copy it now").inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.locator(`[data-webhook="${hook}"]`).getByText("Enabled").waitFor();
    await screenshot(page, "webhooks-01-registered");
    // A reload forgets it: nowhere on the page any more, nor in the database.
    await page.reload();
    expect(await page.content()).not.toContain(secret);
    const row = await prisma.webhook.findFirstOrThrow({ where: { url: hook } });
    expect(row.secretEncrypted).not.toContain(secret.slice(6));
  });

  it("disables it, and deletes it", async () => {
    const item = page.locator(`[data-webhook="${hook}"]`);
    await item.getByRole("button", { name: "Disable" }).click();
    await item.getByText("Disabled", { exact: true }).waitFor();
    expect((await prisma.webhook.findFirstOrThrow({ where: { url: hook } })).enabled).toBe(false);
    await item.getByRole("button", { name: "Delete" }).click();
    await item.waitFor({ state: "detached" });
    expect(await prisma.webhook.count({ where: { url: hook } })).toBe(0);
  });
});
