// An organization's secretariat uploads its member list (issue 16): a UASR secretariat account (made in setup through
// the database) opens the upload page (once in Chinese), pastes a list naming Xi'an Jiaotong University, The Chinese
// University of Hong Kong and a university nobody knows, sees the preview (matched, to choose, not found), proposes
// the unknown one as a new institution and sends; an admin finds the requests in the review queue. axe on the new
// pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hashPassword } from "@/lib/auth/passwords";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { axeViolations, launchBrowser, newContext, screenshot, signIn, url } from "../../support/browser";
import { secretariatUser } from "../../support/secretariats";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const UASR = "university-alliance-of-the-silk-road";
const EMAIL = "journey-upload@uasr.test";
const PASSWORD = "the silk road member list";
const UPLOAD = "/account/organization/upload";
const UNKNOWN = "Université Imaginaire de Nulle Part";
const LIST = [
  "1. Xi'an Jiaotong University, China",
  "2. The Chinese University of Hong Kong (Hong Kong, China)",
  `3. ${UNKNOWN}, France`,
].join("\n");

let browser: Browser;
let uasrId = "";
/** The journeys share one database: this file reads and leaves only the requests it made itself. */
const started = new Date();

beforeAll(async () => {
  browser = await launchBrowser();
  const user = await secretariatUser(prisma as unknown as Parameters<typeof secretariatUser>[0], {
    email: EMAIL,
    organizationSlug: UASR,
    name: "UASR Member Lists",
  });
  await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  uasrId = (await prisma.organization.findUniqueOrThrow({ where: { slug: UASR } })).id;
  // Another journey's statement left pending would make a row of this list wait behind it.
  await prisma.changeRequest.updateMany({
    where: { organizationId: uasrId, side: "ORGANIZATION", status: "PENDING" },
    data: { status: "WITHDRAWN" },
  });
});
afterAll(async () => {
  // What it sent stays pending otherwise, and another journey's statement about the same member would wait behind it.
  await prisma.changeRequest.updateMany({
    where: { organizationId: uasrId, side: "ORGANIZATION", status: "PENDING", createdAt: { gte: started } },
    data: { status: "WITHDRAWN" },
  });
  await browser?.close();
  await prisma.$disconnect();
});

/** Signs in on the sign-in page the upload page sends a visitor to, and lands back on it. */
async function signInToUpload(page: Page, locale: "en" | "zh") {
  await page.goto(url(`/${locale}${UPLOAD}`));
  await page.waitForURL(/\/login/);
  await page.locator("#email").fill(EMAIL);
  await page.locator("#password").fill(PASSWORD);
  await page.locator('form:has(#password) button[type="submit"]').click();
  await page.waitForURL(new RegExp(`/${locale}${UPLOAD}$`));
}

const organizationRequests = () =>
  prisma.changeRequest.findMany({
    where: { organizationId: uasrId, side: "ORGANIZATION", createdAt: { gte: started } },
    select: { id: true, kind: true, institution: { select: { slug: true } }, proposed: true },
  });

describe("a secretariat uploads its member list", () => {
  it("the upload page in Chinese, accessible", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInToUpload(page, "zh");
    await page.getByRole("heading", { level: 1, name: "上传贵组织的成员名单" }).waitFor();
    await page.getByLabel("成员名单（每行一个成员，或 CSV）").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "member-list-upload-01-zh");
    await page.context().close();
  });

  it(`pastes a list, sees what matched, proposes the unknown university as new and sends; an admin finds the \
requests in the review queue`, async () => {
    const page = await (await newContext(browser)).newPage();
    await signInToUpload(page, "en");
    await page.getByRole("heading", { level: 1, name: "Upload your organization's member list" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Your member list (one member per line, or CSV)").fill(LIST);
    await page.getByLabel("Address of the page that lists your members").fill("https://uasr.example.org/members");
    await page.getByRole("button", { name: "Read and match the list" }).click();
    await page.waitForURL(/\/account\/organization\/upload\/[a-z0-9]+$/);

    // The preview: two rows matched (each with a link to its page), one not found.
    await page.getByRole("heading", { level: 2, name: "Matched (2)" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Not found (1)" }).waitFor();
    await page.getByText("2 matched · 0 to choose · 1 not found").waitFor();
    const xjtu = page.getByRole("checkbox", { name: "Keep line 1: Xi'an Jiaotong University" });
    const cuhk = page.getByRole("checkbox", { name: "Keep line 2: The Chinese University of Hong Kong" });
    expect(await xjtu.isChecked()).toBe(true);
    expect(await cuhk.isChecked()).toBe(true);
    await page.locator('a[href$="/institutions/xian-jiaotong-university"]').waitFor();
    await page.locator('a[href$="/institutions/chinese-university-of-hong-kong"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "member-list-upload-02-preview");

    // The unknown university, proposed as new: its English name and country come from the row.
    const unknown = page.getByRole("group", { name: `Line 3: ${UNKNOWN}` });
    await unknown.getByLabel("Propose as a new institution").check();
    expect(await unknown.getByLabel("Name in English").inputValue()).toBe(UNKNOWN);
    expect(await unknown.getByLabel("Country or region (two-letter code: CN, HK, DE)").inputValue()).toBe("FR");
    await unknown.getByLabel("Name in Chinese (optional)").fill("虚构大学");
    await page.getByRole("button", { name: "Send the kept rows for review" }).click();
    await page.getByText(/This list was sent for review on/).waitFor();
    await screenshot(page, "member-list-upload-03-sent");

    const requests = await organizationRequests();
    expect(requests.map((r) => r.kind).sort()).toEqual([
      "INSTITUTION_CREATE",
      "MEMBERSHIP_CREATE",
      "MEMBERSHIP_UPDATE",
    ]);
    expect(requests.map((r) => r.institution?.slug ?? "(new)").sort()).toEqual([
      "(new)",
      "chinese-university-of-hong-kong",
      "xian-jiaotong-university",
    ]);
    await page.context().close();

    // The admin's review queue lists the three, each as the organization's statement about its member.
    const admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
    await admin.goto(url("/en/admin/reviews"));
    for (const r of requests) await admin.locator(`a[href$="/account/requests/${r.id}"]`).first().waitFor();
    const created = requests.find((r) => r.kind === "INSTITUTION_CREATE")!;
    await admin.getByText(UNKNOWN).first().waitFor();
    // The proposed new institution's request reads field by field.
    await admin.locator(`a[href$="/account/requests/${created.id}"]`).first().click();
    await admin.waitForURL(new RegExp(`/account/requests/${created.id}$`));
    await admin.getByText("虚构大学").first().waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, "member-list-upload-04-review");
  });

  it(`works without JavaScript: a misspelt row is resolved, saved (the preview re-renders with it) and \
sent`, async () => {
    const signedIn = await (await newContext(browser)).newPage();
    await signInToUpload(signedIn, "en");
    const context = await browser.newContext({
      storageState: await signedIn.context().storageState(),
      javaScriptEnabled: false,
    });
    await signedIn.context().close();
    const page = await context.newPage();
    await page.goto(url(`/en${UPLOAD}`));
    const list = page.getByLabel("Your member list (one member per line, or CSV)");
    await list.fill("Nanjing Medcal Univeristy, China");
    await page.getByLabel("Address of the page that lists your members").fill("https://uasr.example.org/members");
    await page.getByRole("button", { name: "Read and match the list" }).click();
    await page.waitForURL(/\/account\/organization\/upload\/[a-z0-9]+$/);
    await page.getByRole("heading", { level: 2, name: "To choose (1)" }).waitFor();
    const row = page.getByRole("group", { name: "Line 1: Nanjing Medcal Univeristy" });
    await row.getByRole("radio", { name: /Nanjing Medical University/ }).check();
    await page.getByRole("button", { name: "Save my choices" }).click();
    await page.getByText("Your choices are saved.").waitFor();
    expect(await row.getByRole("radio", { name: /Nanjing Medical University/ }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Send the kept rows for review" }).click();
    await page.getByText(/This list was sent for review on/).waitFor();
    const nmu = await prisma.institution.findUniqueOrThrow({ where: { slug: "nanjing-medical-university" } });
    expect(
      await prisma.changeRequest.count({
        where: { organizationId: uasrId, side: "ORGANIZATION", institutionId: nmu.id, status: "PENDING" },
      }),
    ).toBe(1);
    await context.close();
  });

  it("reads a chosen CSV file (UTF-8 with a byte order mark, quoted fields) instead of pasted text", async () => {
    const page = await (await newContext(browser)).newPage();
    await signInToUpload(page, "en");
    const csv =
      '\uFEFFName,Country,Joined\r\n"Xi\'an Jiaotong University",China,2015\r\n' +
      '"Chinese University of Hong Kong, The",HK,2016\r\n';
    await page.getByLabel("Or a CSV file (UTF-8)").setInputFiles({
      name: "members.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    const address = page.getByLabel("Address of the page that lists your members");
    await address.fill("https://uasr.example.org/members.csv");
    await page.getByRole("button", { name: "Read and match the list" }).click();
    await page.waitForURL(/\/account\/organization\/upload\/[a-z0-9]+$/);
    await page.getByRole("heading", { level: 2, name: "Matched (2)" }).waitFor();
    // CUHK is UASR's member since 2016 already: that row starts left out, nothing to change.
    await page.getByText("Already listed, nothing to change").waitFor();
    expect(await page.getByRole("checkbox", { name: /Keep line 3/ }).isChecked()).toBe(false);
    expect(await page.getByRole("checkbox", { name: /Keep line 2/ }).isChecked()).toBe(true);
    await page.context().close();
  });
});
