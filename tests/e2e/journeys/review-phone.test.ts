// An admin reviews on a phone (390×844): opens the queue, finds a request by its organization's name, opens it,
// sees the changed fields first (the rest on demand) and approves it with a comment. Neither page scrolls
// sideways, and axe finds nothing on either.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { expectNoAxeViolations, newContext, launchBrowser, screenshot, signInOn, url } from "../../support/browser";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const tail = randomBytes(4).toString("hex");
const organizationName = `Phone Review Alliance ${tail}`;
let browser: Browser;
let phone: Page;
let requestId = "";

/** The page's width against the window's: nothing may stick out sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(clientWidth).toBe(390);
  expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(390);
}

beforeAll(async () => {
  browser = await launchBrowser();
  // NMU staff asked to join an organization no one belongs to yet (made here: this journey is about the review).
  const [organization, nmu, staff] = await Promise.all([
    prisma.organization.create({
      data: {
        slug: `phone-review-alliance-${tail}`,
        kind: "ALLIANCE",
        names: { create: [{ locale: "en", name: organizationName }] },
      },
    }),
    prisma.institution.findUniqueOrThrow({ where: { slug: "nanjing-medical-university" } }),
    prisma.user.findUniqueOrThrow({ where: { email: "staff@njmu.test" } }),
  ]);
  const request = await prisma.changeRequest.create({
    data: {
      kind: "MEMBERSHIP_CREATE",
      institutionId: nmu.id,
      organizationId: organization.id,
      proposedById: staff.id,
      proposed: {
        role: "MEMBER",
        status: "ACTIVE",
        joined: { iso: "2019", precision: "YEAR" },
        ended: null,
        notes: null,
        sourceUrl: "https://example.org/nmu/phone-review",
        sourceTitle: "NMU international office",
        sourceQuote: null,
      },
    },
  });
  requestId = request.id;
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

describe("an admin reviews a request on a phone", () => {
  it("finds it in the queue by name; the queue fits 390 px and passes axe", async () => {
    const context = await newContext(browser, { width: 390, height: 844 });
    phone = await signInOn(await context.newPage(), "admin@atlas.test", "atlas-admin-demo");
    await phone.goto(url("/en/admin/reviews"));
    await phone.getByRole("heading", { name: "Review queue" }).waitFor();
    // The name box is the portal's type-ahead: typed in lower case, the suggestion completes the name.
    const nameBox = phone.getByRole("combobox", { name: "Name", exact: true });
    await nameBox.fill(organizationName.toLowerCase());
    await phone.getByRole("option").filter({ hasText: organizationName }).first().waitFor();
    await nameBox.press("ArrowDown");
    await nameBox.press("Enter");
    await expect.poll(() => nameBox.inputValue()).toBe(organizationName);
    await phone.getByRole("button", { name: "Filter" }).click();
    await phone.waitForURL(/[?&]q=/);
    const rows = phone.getByRole("link", { name: /^New membership: / });
    await rows.first().waitFor();
    expect(await rows.allTextContents()).toEqual([`New membership: ${organizationName}`]);
    // Its age is shown, with the exact moment in the title.
    const age = phone.locator("tbody time").first();
    expect(await age.textContent()).toBe("less than an hour");
    expect(await age.getAttribute("title")).toMatch(/UTC$/);
    await screenshot(phone, "review-phone-01-queue");
    await expectNoSidewaysScroll(phone);
    await expectNoAxeViolations(phone);
  });

  it("opens it: the changed fields first, the others behind 'Show all fields'; fits and passes axe", async () => {
    await phone.getByRole("link", { name: `New membership: ${organizationName}` }).click();
    await phone.waitForURL(new RegExp(`/account/requests/${requestId}$`));
    await phone.getByRole("heading", { name: `New membership: ${organizationName}` }).waitFor();
    // Matched whole: "Changed fields" is also inside "Unchanged fields".
    const table = (caption: string) =>
      phone.locator("table", { has: phone.locator("caption", { hasText: new RegExp(`^${caption}$`) }) });
    // Every field of the first table is a changed one, marked so in words.
    const changed = await table("Changed fields").locator("th[scope=row]").allTextContents();
    expect(changed.length).toBeGreaterThan(0);
    for (const field of changed) expect(field).toMatch(/changed$/);
    const rest = phone.locator("details", { hasText: "Show all fields" });
    expect(await rest.getAttribute("open")).toBeNull();
    expect(await table("Unchanged fields").isVisible()).toBe(false);
    await rest.locator("summary").click();
    await table("Unchanged fields").waitFor();
    expect(await table("Unchanged fields").locator("th[scope=row]", { hasText: "changed" }).count()).toBe(0);
    await screenshot(phone, "review-phone-02-request");
    await expectNoSidewaysScroll(phone);
    await expectNoAxeViolations(phone);
  });

  it("approves it with a comment", async () => {
    await phone.getByLabel("Comment on your decision").fill("Checked against their charter, on my phone.");
    await phone.getByRole("button", { name: "Approve and publish" }).click();
    await phone.getByText(/Decision by Demo Admin: Approved/).waitFor();
    expect(await prisma.changeRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "APPROVED",
      decisionComment: "Checked against their charter, on my phone.",
    });
    await expectNoSidewaysScroll(phone);
    await screenshot(phone, "review-phone-03-approved");
  });
});
