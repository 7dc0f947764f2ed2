// An organization's secretariat keeps its profile (issue 16): a UASR secretariat account (made in setup through the
// database) opens its profile form (once in Chinese), adds a former name and corrects the declared member count with
// a source; an admin approves it in the review queue, seeing both in the diff; the public UASR page shows them with
// the new source. axe on every page visited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hashPassword } from "@/lib/auth/passwords";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { axeViolations, launchBrowser, newContext, screenshot, signIn, url } from "../../support/browser";
import { secretariatUser } from "../../support/secretariats";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const UASR = "university-alliance-of-the-silk-road";
const EMAIL = "journey-secretariat@uasr.test";
const PASSWORD = "the silk road secretariat";
const FORMER = "Silk Road University Alliance";
const QUOTE = "Founded as the Silk Road University Alliance, the UASR today counts 162 member universities.";
const FORM = "/account/organization/profile";

let browser: Browser;
let secretariat: Page;
let requestId = "";

beforeAll(async () => {
  browser = await launchBrowser();
  const user = await secretariatUser(prisma as unknown as Parameters<typeof secretariatUser>[0], {
    email: EMAIL,
    organizationSlug: UASR,
    name: "UASR Secretariat",
  });
  await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

/** Signs in on the sign-in page the form sends a visitor to, and lands back on the form. */
async function signInToForm(page: Page, locale: "en" | "zh") {
  await page.goto(url(`/${locale}${FORM}`));
  await page.waitForURL(/\/login/);
  await page.locator("#email").fill(EMAIL);
  await page.locator("#password").fill(PASSWORD);
  await page.locator('form:has(#password) button[type="submit"]').click();
  await page.waitForURL(new RegExp(`/${locale}${FORM}$`));
}

describe("a secretariat corrects its organization's profile", () => {
  it("the form in Chinese shows the profile as it is now, accessible", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInToForm(page, "zh");
    await page.getByRole("heading", { level: 1, name: "组织简介" }).waitFor();
    expect(await page.getByLabel("英文名称").inputValue()).toBe("University Alliance of the Silk Road");
    await page.getByRole("group", { name: "曾用名" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "organization-profile-01-zh");
    await page.context().close();
  });

  it("adds a former name and corrects the declared member count, citing the source", async () => {
    secretariat = await (await newContext(browser)).newPage();
    await signInToForm(secretariat, "en");
    await secretariat.getByRole("heading", { level: 1, name: "Organization profile" }).waitFor();
    expect(await axeViolations(secretariat)).toEqual([]);

    const formers = secretariat.getByRole("group", { name: "Former names" });
    await formers.getByLabel("Former name").first().fill(FORMER);
    await formers.getByLabel("Used until").first().fill("2016");
    const counts = secretariat.getByRole("group", { name: "Declared counts" });
    expect(await counts.getByLabel("Number").first().inputValue()).toBe("150");
    await counts.getByLabel("Qualifier").first().selectOption("EXACTLY");
    await counts.getByLabel("Number").first().fill("162");
    await counts.getByLabel("As of").first().fill("November 2026");

    // Without a source the change is refused beside the source's fields, and nothing is sent.
    await secretariat.getByRole("button", { name: "Send for review" }).click();
    await secretariat.locator('[id="source.sourceQuote-error"]').getByText("Quote the passage").waitFor();
    const uasr = await prisma.organization.findUniqueOrThrow({ where: { slug: UASR } });
    expect(await prisma.changeRequest.count({ where: { organizationId: uasr.id, kind: "ORGANIZATION_UPDATE" } })).toBe(
      0,
    );

    await secretariat.getByLabel("Source address (URL)").fill("https://uasr.example.org/about");
    await secretariat.getByLabel("Source title").fill("About the UASR");
    await secretariat.getByLabel("Quoted passage from the source").fill(QUOTE);
    await secretariat.getByRole("button", { name: "Send for review" }).click();
    await secretariat.waitForURL(/\/account\/requests\//);
    requestId = new URL(secretariat.url()).pathname.split("/").at(-1)!;
    await secretariat.getByText("Pending").first().waitFor();
    await screenshot(secretariat, "organization-profile-02-sent");
  });

  it(`an admin sees the diff in the review queue and approves; the public page shows both with the \
source`, async () => {
    const admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
    await admin.goto(url("/en/admin/reviews"));
    await admin.locator(`a[href$="/account/requests/${requestId}"]`).click();
    await admin.waitForURL(new RegExp(`/account/requests/${requestId}$`));
    const diff = admin.getByRole("region", { name: "Proposed change, field by field" });
    await diff.getByText(`${FORMER} (English), until 2016`).waitFor();
    await diff.getByText("Members: 162, as of November 2026").waitFor();
    await diff.getByText("Members: over 150", { exact: true }).first().waitFor();
    // The untouched introduction (sent back by the browser with CRLF line breaks) is not a change.
    expect(await diff.locator("tr", { hasText: "Introduction" }).getByText("changed", { exact: true }).count()).toBe(0);
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, "organization-profile-03-review");
    await admin.getByRole("button", { name: "Approve and publish" }).click();
    await admin.getByText(/Decision by Demo Admin: Approved/).waitFor();

    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(url(`/en/organizations/${UASR}`));
    const former = visitor.locator("li", { hasText: `${FORMER} (until 2016)` });
    await former.first().waitFor();
    // Credited to the secretariat's source: its note names the page it cites.
    await former.getByText("About the UASR").first().waitFor({ state: "attached" });
    await visitor.getByText("162", { exact: false }).first().waitFor();
    // Each count's source note holds its passage, shown on demand.
    await visitor.getByText(QUOTE, { exact: false }).first().waitFor({ state: "attached" });
    expect(await axeViolations(visitor)).toEqual([]);
    await screenshot(visitor, "organization-profile-04-public");
  });
});
