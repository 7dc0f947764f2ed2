// The discrepancy report in Chromium (issue 13 §3): an admin dismisses a one-sided entry with a reason (gone
// from the report, listed with its reason under "show dismissed", restorable) and confirms another from the
// report with the organization's own source. axe on each page visited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { expectNoAxeViolations, launchBrowser, screenshot, signIn, url } from "../../support/browser";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
let browser: Browser;
let admin: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

const oneSided = () => admin.locator("section", { has: admin.locator("#d-only-institution") }).locator("li");
/** An entry's text as its two links name it: "institution · organization". */
const names = async (li: ReturnType<Page["locator"]>) => {
  const links = li.locator("a");
  return [await links.nth(0).innerText(), await links.nth(1).innerText()] as const;
};
const entry = (institution: string, organization: string) =>
  oneSided().filter({ hasText: institution }).filter({ hasText: organization });

describe("the discrepancy report", () => {
  it("an admin dismisses one entry with a reason; it leaves the report and is listed with the reason", async () => {
    await admin.goto(url("/en/admin/discrepancies"));
    await admin.getByRole("heading", { name: /Stated by the university, not by the organization/ }).waitFor();
    await expectNoAxeViolations(admin);
    const first = oneSided().first();
    const [institution, organization] = await names(first);
    await first.getByText("Dismiss…").click();
    // Without a reason: a message beside the field, nothing dismissed.
    await first.getByRole("button", { name: "Dismiss with this reason" }).click();
    await first.getByText("Say why the entry can be set aside.").first().waitFor();
    await first.getByLabel("Reason for dismissing").fill("The organization publishes no member list.");
    await first.getByRole("button", { name: "Dismiss with this reason" }).click();
    // The entry, and its form with it, leave the report; the report itself says what happened.
    await admin.waitForURL(/done=dismissed/);
    await admin
      .getByRole("status")
      .filter({ hasText: "Dismissed: the entry leaves the report until its facts change." })
      .waitFor();
    await expect.poll(() => entry(institution, organization).count(), { timeout: 15_000 }).toBe(0);
    await admin.reload();
    await admin.getByRole("heading", { name: /Stated by the university, not by the organization/ }).waitFor();
    expect(await entry(institution, organization).count()).toBe(0);
    await screenshot(admin, "discrepancies-01-dismissed");

    await admin.getByRole("link", { name: "Show dismissed entries" }).click();
    await admin.waitForURL(/dismissed=1/);
    const dismissed = admin.locator("#d-dismissed ~ ul li", { hasText: "The organization publishes no member list." });
    await dismissed.waitFor();
    await expectNoAxeViolations(admin);
    const stored = await prisma.discrepancyDismissal.findFirstOrThrow({
      where: { reason: "The organization publishes no member list." },
      include: { dismissedBy: { select: { email: true } } },
    });
    expect(stored.dismissedBy.email).toBe("admin@atlas.test");
  });

  it("an admin confirms another entry from the report with the organization's own source", async () => {
    await admin.goto(url("/en/admin/discrepancies"));
    const first = oneSided().first();
    const [institution, organization] = await names(first);
    await first.getByRole("link", { name: "Record the organization's confirmation" }).click();
    await admin.waitForURL(/\/en\/admin\/organizations\/[\w-]+\?membership=\w+/);
    await expectNoAxeViolations(admin);
    // The membership from the report is the one chosen.
    expect(await admin.getByLabel("Members").locator("option:checked").innerText()).toContain(institution);
    await admin.locator('[name="sourceUrl"]').fill("https://example.org/our-members");
    await admin.getByRole("button", { name: "Record the organization's confirmation" }).click();
    await admin.getByText("The organization's confirmation is recorded.").waitFor();
    await admin.goto(url("/en/admin/discrepancies"));
    await admin.getByRole("heading", { name: /Stated by the university, not by the organization/ }).waitFor();
    expect(await entry(institution, organization).count()).toBe(0);
  });
});
