// The two sides of a membership in Chromium (issue 16): UASR's secretariat states CUHK as a member with the year
// CUHK gives, an admin approves it in the review queue, and CUHK's public UASR row shows "Confirmed by both sides"
// with both sources. The secretariat then states a different joining year; once approved, the discrepancy report
// shows both values, and both CUHK's staff and the secretariat see the disagreement on their account pages (the
// secretariat's in Chinese too). axe on the new pages.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { hashPassword } from "@/lib/auth/passwords";
import {
  chooseRecord,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  url,
} from "../../support/browser";
import { approveFromQueue, membershipAsFound, waitForPublic } from "../../support/organization-side-journeys";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const UASR = "university-alliance-of-the-silk-road";
const CUHK = "chinese-university-of-hong-kong";
const CUHK_NAME = "The Chinese University of Hong Kong";
const tag = randomBytes(3).toString("hex");
const SECRETARIAT = `secretariat-${tag}@uasr.example.org`;
const PASSWORD = "two sides journey pass";

let browser: Browser;
let secretariat: Page;
let admin: Page;
/** CUHK's UASR membership as it was, restored after the journey: other journeys read its two sides too. */
let saved: Awaited<ReturnType<typeof membership>>;

const membership = () =>
  prisma.membership.findFirstOrThrow({ where: { institution: { slug: CUHK }, organization: { slug: UASR } } });

/** Sign in as the secretariat, then open its organization's member list from its account home. */
async function signInSecretariat(): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await page.goto(url("/en/login"));
  await page.getByLabel("Email").fill(SECRETARIAT);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/en\/account$/);
  await page.getByRole("link", { name: "Members, as both sides state them" }).click();
  await page.waitForURL(/\/en\/account\/organization$/);
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  saved = await membership();
  // Another journey's statement about CUHK left pending would stand in the way of this one's.
  await prisma.changeRequest.updateMany({
    where: { membershipId: saved.id, side: "ORGANIZATION", status: "PENDING" },
    data: { status: "WITHDRAWN" },
  });
  const uasr = await prisma.organization.findUniqueOrThrow({ where: { slug: UASR } });
  await prisma.user.create({
    data: {
      email: SECRETARIAT,
      name: "UASR Secretariat",
      role: "STAFF",
      staffRole: "MANAGER",
      organizationId: uasr.id,
      passwordHash: await hashPassword(PASSWORD),
      emailVerifiedAt: new Date(),
    },
  });
});

afterAll(async () => {
  if (saved) {
    const { id, columns } = membershipAsFound(saved);
    await prisma.membership.update({ where: { id }, data: columns });
  }
  await browser?.close();
  await prisma.$disconnect();
});

describe("the two sides of a membership", () => {
  it("CUHK's own statement of its UASR membership is there (its page, confirmed)", async () => {
    const m = await membership();
    if (!m.confirmedAt) {
      const cuhk = await signIn(browser, "staff@cuhk.test", "cuhk-staff-demo");
      await cuhk
        .locator("li", { hasText: "University Alliance of the Silk Road" })
        .getByRole("button", {
          name: "Still accurate",
        })
        .click();
      await cuhk.getByText("Thank you: the entry is confirmed as accurate.").waitFor();
    }
    expect((await membership()).confirmedAt).not.toBeNull();
  });

  it("UASR's secretariat states CUHK as a member, chosen from the directory, with the year CUHK gives", async () => {
    secretariat = await signInSecretariat();
    await secretariat.getByRole("heading", { name: /University Alliance of the Silk Road: your members/ }).waitFor();
    await expectNoAxeViolations(secretariat, "the secretariat's member list");
    await secretariat.getByRole("link", { name: "Propose a member" }).click();
    await secretariat.waitForURL(/\/account\/organization\/members\/new$/);
    await expectNoAxeViolations(secretariat, "a secretariat's new member");
    await chooseRecord(secretariat, "Institution", "Chinese University of Hong Kong", CUHK_NAME);
    await secretariat.getByLabel("Joined").fill("2016");
    await secretariat.getByLabel("Source address (URL)").fill("https://uasr.example.org/members");
    await secretariat.getByLabel("Quoted passage from the source").fill("The Chinese University of Hong Kong (2016)");
    await secretariat.getByRole("button", { name: "Send for review" }).click();
    await secretariat.waitForURL(/\/account\/requests\/\w+$/);
    const requestId = secretariat.url().split("/").at(-1)!;
    await screenshot(secretariat, "two-sides-01-statement-pending");
    expect(await prisma.changeRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      side: "ORGANIZATION",
      kind: "MEMBERSHIP_UPDATE",
      status: "PENDING",
    });

    admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
    await approveFromQueue(admin, requestId);
  });

  it("CUHK's public UASR row is confirmed by both sides, with both sources", async () => {
    const visitor = await (await newContext(browser)).newPage();
    await waitForPublic(visitor, `/en/institutions/${CUHK}`, "Confirmed by both sides");
    const row = visitor.getByRole("row", { name: /University Alliance of the Silk Road/ }).first();
    await row.getByText("Confirmed by both sides").waitFor();
    await row.getByText("The organization's source").waitFor();
    await screenshot(visitor, "two-sides-02-both-sides");
    await waitForPublic(visitor, `/en/organizations/${UASR}`, "Confirmed by both sides");
    const member = visitor.getByRole("row", { name: new RegExp(CUHK_NAME) }).first();
    await member.getByText("Confirmed by both sides").waitFor();
    expect(await member.locator('a[href="https://uasr.example.org/members"]').count()).toBeGreaterThan(0);
    const m = await membership();
    expect(m.organizationSourceId).not.toBe(m.sourceId);
    expect(m.sourceId).toBe(saved.sourceId);
  });

  it("the secretariat states a different joining year; once approved, the two sides disagree", async () => {
    await secretariat.goto(url("/en/account/organization"));
    await secretariat.getByRole("link", { name: new RegExp(`^Change\\W+${CUHK_NAME}$`) }).click();
    await secretariat.waitForURL(/\/account\/organization\/members\/\w+$/);
    await expectNoAxeViolations(secretariat, "a secretariat's change of a member");
    await secretariat.getByLabel("Joined").fill("2017");
    await secretariat.getByLabel("Source address (URL)").fill("https://uasr.example.org/members/2017");
    await secretariat.getByLabel("Quoted passage from the source").fill("CUHK, a member since 2017");
    await secretariat.getByRole("button", { name: "Send for review" }).click();
    await secretariat.waitForURL(/\/account\/requests\/\w+$/);
    await approveFromQueue(admin, secretariat.url().split("/").at(-1)!);
    const m = await membership();
    expect(m.organizationJoinedOn?.toISOString().slice(0, 4)).toBe("2017");
    expect(m.joinedOn).toEqual(saved.joinedOn);
  });

  it("the discrepancy report shows both values with both sources", async () => {
    await admin.goto(url("/en/admin/discrepancies"));
    const section = admin.locator("section", { has: admin.getByRole("heading", { name: /The two sides disagree/ }) });
    const entry = section.locator("li", { hasText: CUHK_NAME });
    await entry.getByText(/the organization says joined 2017, the university \d{4}/).waitFor();
    await entry.getByText("The organization's source").waitFor();
    await entry.getByText("The university's source").waitFor();
    expect(await entry.locator('a[href="https://uasr.example.org/members/2017"]').count()).toBe(1);
    await screenshot(admin, "two-sides-03-discrepancy");
  });

  it("CUHK's staff and the secretariat each see it on their account pages, told in their language", async () => {
    const cuhk = await signIn(browser, "staff@cuhk.test", "cuhk-staff-demo");
    const list = cuhk.locator("section", {
      has: cuhk.getByRole("heading", { name: "The organization states otherwise" }),
    });
    await list.getByText(/the organization says joined 2017, the university \d{4}/).waitFor();
    await cuhk
      .getByText(/the two sides now disagree/)
      .first()
      .waitFor();
    await screenshot(cuhk, "two-sides-04-university-dashboard");

    await secretariat.goto(url("/en/account/organization"));
    const row = secretariat.locator(`tr[data-member="${CUHK}"]`);
    await row.getByText(/The two sides disagree: the organization says joined 2017/).waitFor();
    await secretariat
      .getByText(/the two sides now disagree/)
      .first()
      .waitFor();
    await secretariat.goto(url("/zh/account/organization"));
    await secretariat
      .locator(`tr[data-member="${CUHK}"]`)
      .getByText(/双方记载不一致/)
      .waitFor();
    await expectNoAxeViolations(secretariat, "the secretariat's member list in Chinese");
    await screenshot(secretariat, "two-sides-05-secretariat-zh");
  });
});
