// Staff and admin flows show what happened: a comment, a withdrawal and an invitation appear on the page at once
// (no reload); withdrawing asks first, without JavaScript too; a used, expired or unknown password link says so
// before anyone types a password; the header gives a signed-in person their menu on the cached public pages;
// the review queue fits a phone.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import {
  chooseOrganization,
  chooseRecord,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  url,
} from "../../support/browser";
import { passwordLinkIn, waitForMail } from "../../support/mailbox";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
let browser: Browser;
let nmu: Page;
let admin: Page;
const email = `flows-${Date.now()}@example.org`;
let invitation = "";

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

/** Open NMU's request form for a new membership and send it; resolves on the request's page. */
async function proposeNewMembership(page: Page) {
  await page.goto(url("/en/account/new"));
  await chooseOrganization(page, "ANSO", "Alliance of International Science Organizations");
  await page.getByLabel("Joined").fill("2021");
  await page.getByLabel("Source address (URL)").fill("https://example.org/nmu/flows");
  await page.getByRole("button", { name: "Send for review" }).click();
  await page.waitForURL(/\/account\/requests\//);
  return page.url().split("/").at(-1)!;
}

describe("every action leaves the page showing its result", () => {
  it("a comment appears under the request as soon as it is added", async () => {
    nmu = await signIn(browser, "staff@njmu.test", "nmu-staff-demo");
    await proposeNewMembership(nmu);
    const comments = nmu.getByRole("region", { name: "Comments" });
    await nmu.getByLabel("Comment", { exact: true }).fill("The page was updated last week.");
    await nmu.getByRole("button", { name: "Add comment" }).click();
    await nmu.getByText("Comment added.").waitFor();
    await comments.getByRole("listitem").filter({ hasText: "The page was updated last week." }).waitFor();
    expect(await nmu.getByLabel("Comment", { exact: true }).inputValue()).toBe("");
  });

  it("withdrawing asks first; confirmed, the request shows it is withdrawn", async () => {
    const id = nmu.url().split("/").at(-1)!;
    await nmu.getByRole("link", { name: "Withdraw this request" }).click();
    await nmu.getByRole("heading", { name: "Withdraw this request?" }).waitFor();
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    await expectNoAxeViolations(nmu);
    await screenshot(nmu, "flows-01-withdraw-confirm");
    // "No, keep it" goes back and changes nothing.
    await nmu.getByRole("link", { name: "No, keep it" }).click();
    await nmu.getByRole("link", { name: "Withdraw this request" }).waitFor();
    await nmu.getByRole("link", { name: "Withdraw this request" }).click();
    await nmu.getByRole("button", { name: "Yes, withdraw it" }).click();
    await nmu.getByText("Withdrawn", { exact: true }).first().waitFor();
    expect(await nmu.getByRole("link", { name: "Withdraw this request" }).count()).toBe(0);
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
  });

  it("without JavaScript, withdrawing asks first and works", async () => {
    const id = await proposeNewMembership(nmu);
    const context = await browser.newContext({
      storageState: await nmu.context().storageState(),
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(url(`/en/account/requests/${id}`));
    await page.getByRole("link", { name: "Withdraw this request" }).click();
    await page.getByRole("heading", { name: "Withdraw this request?" }).waitFor();
    await page.getByRole("button", { name: "Yes, withdraw it" }).click();
    await page.waitForURL(new RegExp(`/en/account/requests/${id}$`));
    await page.getByText("Withdrawn", { exact: true }).first().waitFor();
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
    await context.close();
  });

  it("an invited person is in the list of accounts as soon as the invitation is sent", async () => {
    admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
    await admin.goto(url("/en/admin/users"));
    await admin.getByLabel("Email").fill(email);
    await admin.getByLabel("Name").fill("Flows Invitee");
    await chooseRecord(admin, "Institution", "Nanjing Medical University", "Nanjing Medical University");
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await admin.getByText(`Invitation sent to ${email}.`).waitFor();
    await admin.getByRole("listitem").filter({ hasText: email }).getByText("invitation not accepted yet").waitFor();
    expect(await admin.getByLabel("Email").inputValue()).toBe("");
    invitation = passwordLinkIn((await waitForMail(email, { subject: /invited/ })).text);
  });
});

describe("a password link that cannot be used says so at once", () => {
  it("a used invitation: no password form, but what happened and the way to sign in", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(invitation);
    await page.getByLabel("New password", { exact: true }).fill("flowing rivers at noon");
    await page.getByLabel("New password again").fill("flowing rivers at noon");
    await page.getByRole("button", { name: "Set password" }).click();
    await page.waitForURL(/\/en\/login\?done=1/);

    await page.goto(invitation);
    await page.getByRole("heading", { name: "This invitation was already used" }).waitFor();
    expect(await page.getByLabel("New password", { exact: true }).count()).toBe(0);
    await page.getByRole("link", { name: "Sign in", exact: true }).waitFor();
    await page.getByRole("link", { name: "Request a new reset link" }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, "flows-02-invitation-used");
  });

  it("an expired reset link and an unknown one say what to do, in English and Chinese", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const token = randomBytes(32).toString("base64url");
    await prisma.userToken.create({
      data: {
        userId: user.id,
        purpose: "PASSWORD_RESET",
        tokenHash: createHash("sha256").update(token).digest("hex"),
        expiresAt: new Date(Date.now() - 60_000),
      },
    });
    const page = await (await newContext(browser)).newPage();
    await page.goto(url(`/en/password/${token}`));
    await page.getByRole("heading", { name: "This reset link has expired" }).waitFor();
    await page.getByRole("link", { name: "Request a new reset link" }).click();
    await page.getByRole("heading", { name: "Reset your password" }).waitFor();

    await page.goto(url(`/zh/password/${token}`));
    await page.getByRole("heading", { name: "此重置链接已过期" }).waitFor();
    await page.goto(url(`/en/password/${randomBytes(32).toString("base64url")}`));
    await page.getByRole("heading", { name: "This link does not work" }).waitFor();
    expect(await page.getByLabel("New password", { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});

describe("the header knows who is signed in, on cached public pages", () => {
  it(`staff get their menu with their account and a way out; \
the public page is still served from the cache`, async () => {
    // The page a signed-in person gets is the one cached for everyone: rendered once, then served from the cache.
    await fetch(url("/en/institutions/chinese-university-of-hong-kong"));
    const served = await nmu.request.get(url("/en/institutions/chinese-university-of-hong-kong"));
    expect(served.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(await served.text()).not.toContain("Demo NMU Staff");
    await nmu.goto(url("/en/institutions/chinese-university-of-hong-kong"));
    const menu = nmu.locator("header details");
    await menu.getByText("Demo NMU Staff").click();
    await menu.getByRole("link", { name: "Account" }).waitFor();
    expect(await menu.getByRole("link", { name: "Review queue" }).count()).toBe(0);
    expect(await nmu.getByRole("link", { name: "Staff sign-in" }).count()).toBe(0);
    await expectNoAxeViolations(nmu);
    await screenshot(nmu, "flows-03-header-menu");
    await menu.getByRole("button", { name: "Sign out" }).click();
    await nmu.waitForURL(/\/en$/);
    await nmu.getByRole("link", { name: "Staff sign-in" }).waitFor();
    expect((await nmu.goto(url("/en/account")))!.url()).toMatch(/\/en\/login/);
  });

  it("admins find the review queue in their menu", async () => {
    await admin.goto(url("/en/institutions"));
    const menu = admin.locator("header details");
    await menu.getByText("Demo Admin").click();
    await menu.getByRole("link", { name: "Review queue" }).click();
    await admin.waitForURL(/\/en\/admin\/reviews/);
  });
});

describe("the review queue on a phone", () => {
  it("fits 390 px without scrolling sideways", async () => {
    const context = await browser.newContext({
      storageState: await admin.context().storageState(),
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    // The requests withdrawn above are there to list, whatever other journeys left.
    await page.goto(url("/en/admin/reviews?status=WITHDRAWN"));
    await page.getByRole("heading", { name: "Review queue" }).waitFor();
    await page
      .getByRole("link", { name: /New membership/ })
      .first()
      .waitFor();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    await screenshot(page, "flows-04-review-queue-390");
    expect(clientWidth).toBe(390);
    expect(scrollWidth, `the queue is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(
      clientWidth,
    );
    await expectNoAxeViolations(page);
    await context.close();
  });
});
