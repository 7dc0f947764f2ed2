// A staff member's yearly address confirmation in Chromium: an NMU editor whose address was last confirmed over a
// year ago (set so in the test database) sees the prompt on every account page, is refused a write with the reason,
// mails themselves the link (read from the local SMTP sink's inbox), opens it, and the prompt is gone and writing
// works again. The link then says it is used.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { hashPassword } from "@/lib/auth/passwords";
import { expectNoAxeViolations, launchBrowser, screenshot, signIn, url } from "../../support/browser";
import { waitForMail } from "../../support/mailbox";

let browser: Browser;
const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const email = `reverify-${randomBytes(3).toString("hex")}@njmu.edu.cn`;
const PASSWORD = "a year has gone by";
const OVERDUE = "Confirm that your email address is still yours at your institution before you make changes";
let page: Page;
let link = "";

beforeAll(async () => {
  browser = await launchBrowser();
  const nmu = await prisma.institution.findUniqueOrThrow({ where: { slug: "nanjing-medical-university" } });
  await prisma.user.create({
    data: {
      email,
      name: "Overdue Editor",
      role: "STAFF",
      staffRole: "EDITOR",
      institutionId: nmu.id,
      passwordHash: await hashPassword(PASSWORD),
      emailVerifiedAt: new Date(Date.now() - 400 * 86_400_000),
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

const prompt = () => page.getByRole("region", { name: "Confirm your email address" });

/** The first entry's "Still accurate" button on the dashboard, and the entry's id. */
async function stillAccurate() {
  await page.goto(url("/en/account"));
  const form = page.locator("form", { has: page.getByRole("button", { name: "Still accurate" }) }).first();
  const membershipId = await form.locator("input[name=membershipId]").inputValue();
  return { form, membershipId };
}

describe("the yearly address confirmation", () => {
  it("an overdue account sees the prompt on every account page", async () => {
    page = await signIn(browser, email, PASSWORD);
    await prompt().getByText(`Confirm that ${email} is still your address at Nanjing Medical University by`).waitFor();
    await prompt().getByText("until you confirm it, you can read your pages but not make changes").waitFor();
    await page.goto(url("/en/account/colleagues"));
    await prompt().waitFor();
    await expectNoAxeViolations(page, "address prompt");
    await screenshot(page, "reverify-01-prompt");
  });

  it("is refused a write, with the reason, and nothing changes", async () => {
    const { form, membershipId } = await stillAccurate();
    const before = await prisma.membership.findUniqueOrThrow({ where: { id: membershipId } });
    await form.getByRole("button", { name: "Still accurate" }).click();
    await page.getByText(OVERDUE).first().waitFor();
    expect(await prisma.membership.findUniqueOrThrow({ where: { id: membershipId } })).toEqual(before);
    await screenshot(page, "reverify-02-refused");
  });

  it("mails itself the link and confirms the address: the prompt is gone and writing works", async () => {
    await page.goto(url("/en/account"));
    await prompt().getByRole("button", { name: "Mail me a confirmation link" }).click();
    await page.getByText(`A confirmation link is on its way to ${email}.`).waitFor();
    const mail = await waitForMail(email, { subject: /Confirm your Alliance Atlas address/ });
    link = /https?:\/\/\S+\/en\/account\/confirm-address\/[\w-]{20,}/.exec(mail.text)?.[0] ?? "";
    expect(link).not.toBe("");
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await page.getByText("Thank you: your address is confirmed for another year.").waitFor();
    await screenshot(page, "reverify-03-confirmed");

    await page.goto(url("/en/account"));
    await page.getByRole("heading", { name: /Nanjing Medical University.s international organizations/ }).waitFor();
    expect(await prompt().count()).toBe(0);
    const { form, membershipId } = await stillAccurate();
    const before = await prisma.membership.findUniqueOrThrow({ where: { id: membershipId } });
    await form.getByRole("button", { name: "Still accurate" }).click();
    await expect
      .poll(async () => (await prisma.membership.findUniqueOrThrow({ where: { id: membershipId } })).confirmedAt)
      .not.toEqual(before.confirmedAt);
    expect(await page.getByText(OVERDUE).count()).toBe(0);
  });

  it("the link works once: opened again, it says so", async () => {
    await page.goto(link);
    await page.getByText("This confirmation link has expired or was already used.").waitFor();
    expect(await page.getByRole("button", { name: "Confirm my address" }).count()).toBe(0);
  });
});
