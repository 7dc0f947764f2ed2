// Issue 16's journey, in one piece: the University Alliance of the Silk Road's secretariat signs up from UASR's page
// with an address at Xi'an Jiaotong University (which hosts it), is approved by an admin, uploads UASR's member list
// naming XJTU and CUHK, and an admin approves what it sent. CUHK's UASR membership then shows "Confirmed by both
// sides" without an admin typing the other side; XJTU's does not, since it was stated from XJTU's own domain (one
// university never makes both sides). The secretariat then states a joining year CUHK disagrees with: the discrepancy
// report shows both values, and CUHK's staff and the secretariat each see it on their account pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import {
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  signInOn,
  url,
} from "../../support/browser";
import {
  approveFromQueue,
  membershipAsFound,
  removeMembershipMade,
  waitForPublic,
} from "../../support/organization-side-journeys";
import { passwordLinkIn, waitForMail } from "../../support/mailbox";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const UASR = "university-alliance-of-the-silk-road";
const UASR_NAME = "University Alliance of the Silk Road";
const CUHK = "chinese-university-of-hong-kong";
const CUHK_NAME = "The Chinese University of Hong Kong";
const XJTU = "xian-jiaotong-university";
const stamp = Date.now();
const person = { email: `wang.li.${stamp}@xjtu.edu.cn`, name: "Wang Li", password: "the secretariat keeps its side" };
const started = new Date();

let browser: Browser;
let secretariat: Page;
let admin: Page;
let uasrId = "";
/** CUHK's UASR membership as found, put back afterwards: other journeys read its two sides too. */
let saved: Awaited<ReturnType<typeof cuhkMembership>>;
let xjtuHadMembership = false;

const cuhkMembership = () =>
  prisma.membership.findFirstOrThrow({ where: { institution: { slug: CUHK }, organization: { slug: UASR } } });

/** The requests this journey's secretariat sent, pending. */
const sentRequests = () =>
  prisma.changeRequest.findMany({
    where: { organizationId: uasrId, side: "ORGANIZATION", status: "PENDING", createdAt: { gte: started } },
    select: { id: true, kind: true, institution: { select: { slug: true } } },
  });

beforeAll(async () => {
  browser = await launchBrowser();
  uasrId = (await prisma.organization.findUniqueOrThrow({ where: { slug: UASR } })).id;
  saved = await cuhkMembership();
  xjtuHadMembership =
    (await prisma.membership.count({ where: { institution: { slug: XJTU }, organizationId: uasrId } })) > 0;
  // Another journey's statement about UASR's members left pending would make this one's wait behind it.
  await prisma.changeRequest.updateMany({
    where: { organizationId: uasrId, side: "ORGANIZATION", status: "PENDING" },
    data: { status: "WITHDRAWN" },
  });
});

afterAll(async () => {
  await prisma.changeRequest.updateMany({
    where: { organizationId: uasrId, side: "ORGANIZATION", status: "PENDING", createdAt: { gte: started } },
    data: { status: "WITHDRAWN" },
  });
  if (saved) {
    const { id, columns } = membershipAsFound(saved);
    await prisma.membership.update({ where: { id }, data: columns });
  }
  // XJTU's UASR membership, if this journey made it, goes again: other journeys upload XJTU as a new member.
  if (!xjtuHadMembership) await removeMembershipMade(prisma, XJTU, UASR);
  await browser?.close();
  await prisma.$disconnect();
});

describe("an alliance keeps its own side", () => {
  it("UASR's secretariat signs up from UASR's page with an xjtu.edu.cn address; an admin approves it", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(url(`/en/organizations/${UASR}`));
    await page
      .locator("p")
      .filter({ hasText: "Do you work for this organization’s secretariat?" })
      .getByRole("link", { name: "Sign up", exact: true })
      .click();
    await page.waitForURL(new RegExp(`/en/signup/secretariat/${UASR}$`));
    await page.getByLabel("Your name").fill(person.name);
    await page.getByLabel("Work email").fill(person.email);
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByText("Check your inbox: we sent a mail to this address with what to do next.").waitFor();
    await page.goto(passwordLinkIn((await waitForMail(person.email, { subject: /Confirm your sign-up/ })).text));
    await page.getByLabel("New password", { exact: true }).fill(person.password);
    await page.getByLabel("New password again").fill(person.password);
    await page.getByRole("button", { name: "Set password" }).click();
    await page.waitForURL(/\/en\/login\?done=1/);

    // xjtu.edu.cn is Xi'an Jiaotong University's: the address cannot prove the organization, so an admin decides.
    admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
    await admin.goto(url("/en/admin/claims"));
    const claim = admin.getByRole("listitem").filter({ hasText: person.email });
    await claim.getByText(/xjtu\.edu\.cn, Xi.an Jiaotong University’s domain/).waitFor();
    await claim.getByRole("button", { name: "Approve" }).click();
    await admin.getByText(/^Approved: the person is now/).waitFor();

    await signInOn(page, person.email, person.password);
    await page.getByRole("heading", { name: `You keep the side of ${UASR_NAME}` }).waitFor();
    secretariat = page;
  });

  it("uploads UASR's member list naming XJTU and CUHK, sees both matched, and sends them", async () => {
    await secretariat.getByRole("link", { name: "Upload a member list" }).click();
    await secretariat.waitForURL(/\/en\/account\/organization\/upload$/);
    await secretariat
      .getByLabel("Your member list (one member per line, or CSV)")
      .fill("Name,Country,Joined\nXi'an Jiaotong University,China,2015\nChinese University of Hong Kong,HK,2016");
    await secretariat
      .getByLabel("Address of the page that lists your members")
      .fill("https://uasr.example.org/members");
    await secretariat.getByRole("button", { name: "Read and match the list" }).click();
    await secretariat.waitForURL(/\/account\/organization\/upload\/[a-z0-9]+$/);
    await secretariat.getByRole("heading", { level: 2, name: "Matched (2)" }).waitFor();
    await secretariat.locator(`a[href$="/institutions/${XJTU}"]`).waitFor();
    await secretariat.locator(`a[href$="/institutions/${CUHK}"]`).waitFor();
    // CUHK's own entry says 2016 as the list does: the row starts left out ("nothing to change"); the secretariat
    // keeps it, since stating its own side is the point.
    for (const keep of await secretariat.getByRole("checkbox", { name: /^Keep line/ }).all()) await keep.check();
    await expectNoAxeViolations(secretariat, "the member list's preview");
    await screenshot(secretariat, "alliance-side-01-preview");
    await secretariat.getByRole("button", { name: "Send the kept rows for review" }).click();
    await secretariat.getByText(/This list was sent for review on/).waitFor();
    const sent = await sentRequests();
    expect(sent.map((r) => r.institution?.slug).sort()).toEqual([CUHK, XJTU]);
  });

  it("once an admin approves, CUHK's UASR membership is confirmed by both sides, and XJTU's is not", async () => {
    // CUHK's side: its own page, confirmed by its staff ("still accurate") if the seed left it unconfirmed.
    if (!(await cuhkMembership()).confirmedAt) {
      const cuhk = await signIn(browser, "staff@cuhk.test", "cuhk-staff-demo");
      await cuhk.locator("li", { hasText: UASR_NAME }).getByRole("button", { name: "Still accurate" }).click();
      await cuhk.getByText("Thank you: the entry is confirmed as accurate.").waitFor();
      await cuhk.context().close();
    }
    for (const r of await sentRequests()) await approveFromQueue(admin, r.id);

    const visitor = await (await newContext(browser)).newPage();
    await waitForPublic(visitor, `/en/institutions/${CUHK}`, "Confirmed by both sides");
    const cuhkRow = visitor.getByRole("row", { name: new RegExp(UASR_NAME) }).first();
    await cuhkRow.getByText("Confirmed by both sides").waitFor();
    await cuhkRow.getByText("The organization's source").waitFor();
    await screenshot(visitor, "alliance-side-02-cuhk-both-sides");

    await waitForPublic(visitor, `/en/institutions/${XJTU}`, /stated from an address of this university itself/);
    const xjtuRow = visitor.getByRole("row", { name: new RegExp(UASR_NAME) }).first();
    expect(await xjtuRow.getByText("Confirmed by both sides").count()).toBe(0);
    await expectNoAxeViolations(visitor, "XJTU's page with its UASR membership");
    await visitor.context().close();
  });

  it("a year CUHK disagrees with shows in the discrepancy report, and both sides see it", async () => {
    await secretariat.goto(url("/en/account/organization"));
    await secretariat.getByRole("link", { name: new RegExp(`^Change\\W+${CUHK_NAME}$`) }).click();
    await secretariat.waitForURL(/\/account\/organization\/members\/\w+$/);
    await secretariat.getByLabel("Joined").fill("2018");
    await secretariat.getByLabel("Source address (URL)").fill("https://uasr.example.org/members/2018");
    await secretariat.getByLabel("Quoted passage from the source").fill("CUHK, a member since 2018");
    await secretariat.getByRole("button", { name: "Send for review" }).click();
    await secretariat.waitForURL(/\/account\/requests\/\w+$/);
    await approveFromQueue(admin, secretariat.url().split("/").at(-1)!);

    await admin.goto(url("/en/admin/discrepancies"));
    const report = admin.locator("section", { has: admin.getByRole("heading", { name: /The two sides disagree/ }) });
    const entry = report.locator("li", { hasText: CUHK_NAME });
    await entry.getByText(/the organization says joined 2018, the university \d{4}/).waitFor();
    await entry.getByText("The organization's source").waitFor();
    await entry.getByText("The university's source").waitFor();
    await screenshot(admin, "alliance-side-03-discrepancy");

    const cuhk = await signIn(browser, "staff@cuhk.test", "cuhk-staff-demo");
    await cuhk
      .locator("section", { has: cuhk.getByRole("heading", { name: "The organization states otherwise" }) })
      .getByText(/the organization says joined 2018/)
      .waitFor();
    await secretariat.goto(url("/en/account/organization"));
    await secretariat
      .locator(`tr[data-member="${CUHK}"]`)
      .getByText(/The two sides disagree: the organization says joined 2018/)
      .waitFor();
    await expectNoAxeViolations(secretariat, "the secretariat's members with a disagreement");
    await screenshot(secretariat, "alliance-side-04-secretariat");
  });
});
