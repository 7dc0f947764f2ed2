// The one type-ahead in Chromium: CUHK staff add a membership with the keyboard only (the combobox, axe-clean
// with its list open), the same form without JavaScript (the server resolves the typed name), and the
// new-organization form warning while typing that the organization is already in the registry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { expectNoAxeViolations, launchBrowser, screenshot, signIn, url } from "../../support/browser";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
let browser: Browser;
let cuhk: Page;
// Organizations CUHK is not listed in (prisma/seed-data/memberships.json), so each request can be made.
const EPU = "eurasia-pacific-uninet";
const M9 = "m9-collaboration-network";

beforeAll(async () => {
  browser = await launchBrowser();
  cuhk = await signIn(browser, "staff@cuhk.test", "cuhk-staff-demo");
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

const requestsFor = (slug: string) =>
  prisma.changeRequest.count({
    where: {
      kind: "MEMBERSHIP_CREATE",
      organization: { slug },
      institution: { slug: "chinese-university-of-hong-kong" },
    },
  });

describe("the organization picker", () => {
  it("is used with the keyboard alone: type, ArrowDown, Enter, send", async () => {
    await cuhk.goto(url("/en/account/new"));
    const box = cuhk.getByRole("combobox", { name: "Organization" });
    await box.focus();
    await cuhk.keyboard.type("Eurasia Pacific", { delay: 20 });
    const option = cuhk.getByRole("option", { name: /^Eurasia-Pacific Uninet \(EPU\)/ });
    await option.waitFor();
    await expect.poll(() => box.getAttribute("aria-expanded")).toBe("true");
    await cuhk.getByRole("status").filter({ hasText: /match/ }).first().waitFor();
    await expectNoAxeViolations(cuhk, "add membership, suggestions open");
    await screenshot(cuhk, "suggest-01-open");

    await cuhk.keyboard.press("ArrowDown");
    const optionId = await option.getAttribute("id");
    await expect.poll(() => box.getAttribute("aria-activedescendant")).toBe(optionId);
    expect(await option.getAttribute("aria-selected")).toBe("true");
    await cuhk.keyboard.press("Enter");
    await expect.poll(() => box.inputValue()).toBe("Eurasia-Pacific Uninet");
    expect(await box.getAttribute("aria-expanded")).toBe("false");
    expect(await cuhk.locator('input[name="organizationSlug"]').inputValue()).toBe(EPU);

    // On through the form with Tab, as a keyboard user goes.
    await cuhk.keyboard.press("Tab");
    await cuhk.getByLabel("Joined").fill("2021");
    await cuhk.getByLabel("Source address (URL)").fill("https://example.org/cuhk/epu");
    await cuhk.getByLabel("Source address (URL)").press("Enter");
    await cuhk.waitForURL(/\/account\/requests\//);
    expect(await requestsFor(EPU)).toBe(1);
    await expectNoAxeViolations(cuhk, "the request sent from the picker");
  });

  it("Escape closes the list, and Home/End move to its ends", async () => {
    await cuhk.goto(url("/en/account/new"));
    const box = cuhk.getByRole("combobox", { name: "Organization" });
    await box.focus();
    await cuhk.keyboard.type("medical", { delay: 20 });
    const options = cuhk.getByRole("listbox").getByRole("option");
    await options.nth(1).waitFor();
    await cuhk.keyboard.press("ArrowDown");
    await cuhk.keyboard.press("End");
    const [first, last] = [await options.first().getAttribute("id"), await options.last().getAttribute("id")];
    await expect.poll(() => box.getAttribute("aria-activedescendant")).toBe(last);
    await cuhk.keyboard.press("Home");
    await expect.poll(() => box.getAttribute("aria-activedescendant")).toBe(first);
    await cuhk.keyboard.press("Escape");
    await expect.poll(() => box.getAttribute("aria-expanded")).toBe("false");
    expect(await box.inputValue()).toBe("medical");
  });

  it("works without JavaScript: an exact typed name is taken, an inexact one refused with candidates", async () => {
    const context = await browser.newContext({
      storageState: await cuhk.context().storageState(),
      javaScriptEnabled: false,
      locale: "en-US",
    });
    const page = await context.newPage();
    await page.goto(url("/en/account/new"));
    const send = async (typed: string) => {
      await page.locator("#organization").fill(typed);
      await page.getByLabel("Joined").fill("2020");
      await page.getByLabel("Source address (URL)").fill("https://example.org/cuhk/m9");
      await page.getByRole("button", { name: "Send for review" }).click();
    };
    await send("medical");
    await page
      .locator('[id="organization-error"]', { hasText: "No organization is named exactly “medical”: type one of" })
      .waitFor();
    expect(await requestsFor(M9)).toBe(0);
    await screenshot(page, "suggest-02-no-js-candidates");

    await send("m9 collaboration network");
    await page.waitForURL(/\/account\/requests\//);
    expect(await requestsFor(M9)).toBe(1);
    await context.close();
  });
});

describe("the new-organization form", () => {
  it("warns while typing that the organization is in the registry, and links to joining it", async () => {
    await cuhk.goto(url("/en/account/new-organization"));
    await cuhk.getByLabel("Name in English").pressSequentially("Eurasia Pacific Uninet", { delay: 10 });
    const warning = cuhk.getByRole("status").filter({ hasText: "Already in the registry?" });
    await warning.getByRole("link", { name: "Eurasia-Pacific Uninet (EPU)" }).waitFor();
    await expectNoAxeViolations(cuhk, "new organization, duplicate warning");
    await screenshot(cuhk, "suggest-03-duplicate-warning");
    await warning.getByRole("link", { name: "add your membership to it instead" }).first().click();
    await cuhk.waitForURL(/\/en\/account\/new\?organization=eurasia-pacific-uninet$/);
    const picker = cuhk.getByRole("combobox", { name: "Organization" });
    await expect.poll(() => picker.inputValue()).toBe("Eurasia-Pacific Uninet");
  });
});
