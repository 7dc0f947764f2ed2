// Staff sign up themselves, end to end: a person at Xi'an Jiaotong University signs up with an @xjtu.edu.cn address,
// proves it through the link that arrives in their inbox (the local SMTP sink npm test runs), waits for approval,
// is approved by an admin as the university's first manager; a colleague signs up and the first approves them as an
// editor; the manager proposes XJTU's founding membership of the University Alliance of the Silk Road, an admin
// approves it and XJTU's public page shows it. A gmail address and look-alikes of XJTU's domain are refused with the
// reason, and nothing is mailed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  chooseOrganization,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  signInOn,
  url,
} from "../../support/browser";
import { mailTo, passwordLinkIn, waitForMail } from "../../support/mailbox";
import { removeMembershipMade } from "../../support/organization-side-journeys";
import { createPrismaClient } from "@/lib/data/prisma-client";

let browser: Browser;
const stamp = Date.now();
const first = { email: `wang.fang.${stamp}@xjtu.edu.cn`, name: "Wang Fang", password: "terracotta warriors at dawn" };
const second = { email: `zhao.lei.${stamp}@mail.xjtu.edu.cn`, name: "Zhao Lei", password: "bell tower in the rain" };

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const XJTU = "xian-jiaotong-university";
const UASR = "university-alliance-of-the-silk-road";
/** Whether XJTU was a member of UASR before: if not, the membership this journey makes goes again afterwards. */
let hadMembership = true;

beforeAll(async () => {
  browser = await launchBrowser();
  hadMembership =
    (await prisma.membership.count({ where: { institution: { slug: XJTU }, organization: { slug: UASR } } })) > 0;
});

afterAll(async () => {
  // The journeys share one database, and others upload XJTU to UASR's member list as a new member: when this file
  // ran first, the membership it left behind turned their "add" into an "already listed" (a failure that came and
  // went with the order vitest ran the files in).
  if (!hadMembership) await removeMembershipMade(prisma, XJTU, UASR);
  await browser?.close();
  await prisma.$disconnect();
});

async function signUpPage(): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await page.goto(url("/en/login"));
  await page.getByRole("link", { name: "No account yet? Sign up with your work address" }).click();
  await page.getByRole("heading", { name: "Sign up" }).waitFor();
  return page;
}

/** Sign up, take the link from the inbox, choose a password, sign in: the account page says it waits. */
async function signUpAndVerify(person: typeof first): Promise<Page> {
  const page = await signUpPage();
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Work email").fill(person.email);
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByText("Check your inbox: we sent a mail to this address with what to do next.").waitFor();
  const link = passwordLinkIn((await waitForMail(person.email, { subject: /Confirm your sign-up/ })).text);
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(person.password);
  await page.getByLabel("New password again").fill(person.password);
  await page.getByRole("button", { name: "Set password" }).click();
  await page.waitForURL(/\/en\/login\?done=1/);
  await signInOn(page, person.email, person.password);
  await page.getByRole("heading", { name: "Waiting for approval" }).waitFor();
  expect(await page.getByText(/Xi.an Jiaotong University/).count()).toBeGreaterThan(0);
  return page;
}

describe("staff sign up themselves", () => {
  it("a gmail address is refused, saying why, and nothing is mailed", async () => {
    const page = await signUpPage();
    const email = `someone.${stamp}@gmail.com`;
    await page.getByLabel("Your name").fill("Someone");
    await page.getByLabel("Work email").fill(email);
    await page.getByRole("button", { name: "Sign up" }).click();
    await page
      .getByText("Sign up with your work address at your university: addresses of free mail services are not accepted.")
      .first()
      .waitFor();
    expect(await page.getByText("Check your inbox").count()).toBe(0);
    await screenshot(page, "signup-01-gmail-refused");
  });

  it("look-alikes of XJTU's domain are refused, naming the domain, and nothing is mailed", async () => {
    // Refused before anything is counted or scheduled (signup.ts): no mail can follow the answer.
    for (const email of [`someone.${stamp}@xjtu.edu.cn.evil.com`, `someone.${stamp}@evilxjtu.edu.cn`]) {
      const page = await signUpPage();
      await page.getByLabel("Your name").fill("Someone");
      await page.getByLabel("Work email").fill(email);
      await page.getByRole("button", { name: "Sign up" }).click();
      const domain = email.split("@")[1];
      await page
        .getByText(`No university in the directory uses the domain ${domain}. Sign up with your university address.`)
        .first()
        .waitFor();
      expect(await page.getByText("Check your inbox").count()).toBe(0);
      expect(mailTo(email)).toEqual([]);
      await page.context().close();
    }
  });

  it("a person at XJTU signs up, verifies, and is approved by an admin as the first manager", async () => {
    const person = await signUpAndVerify(first);
    await screenshot(person, "signup-02-waiting");

    const admin = await (await newContext(browser)).newPage();
    await signInOn(admin, "admin@atlas.test", "atlas-admin-demo");
    await admin.getByRole("link", { name: "Sign-ups waiting for approval" }).click();
    await admin.getByRole("heading", { name: "Sign-ups waiting for approval" }).waitFor();
    const claim = admin.getByRole("listitem").filter({ hasText: first.email });
    await claim.getByText("No manager yet: approved as manager").waitFor();
    expect(await claim.innerText()).toContain("xjtu.edu.cn");
    await screenshot(admin, "signup-03-admin-claims");
    await claim.getByRole("button", { name: "Approve" }).click();
    await admin.getByText("Approved: the person is now their institution's manager.").waitFor();

    expect((await waitForMail(first.email, { subject: /approved/ })).text).toContain("your institution’s manager");
    // The approval ended the waiting session: signed in again, the person is the university's manager.
    await signInOn(person, first.email, first.password);
    await person.goto(url("/en/account/colleagues"));
    const me = person.locator(`[data-colleague="${first.email}"]`);
    await me.getByText("Manager", { exact: true }).waitFor();
  });

  it("a colleague signs up and the first manager approves them as an editor", async () => {
    const colleague = await signUpAndVerify(second);
    const manager = await (await newContext(browser)).newPage();
    await signInOn(manager, first.email, first.password);
    await manager.goto(url("/en/account/colleagues"));
    const waiting = manager.getByRole("region", { name: "Waiting for your approval" });
    const claim = waiting.getByRole("listitem").filter({ hasText: second.email });
    await claim.getByText("Has managers: approved as editor").waitFor();
    await screenshot(manager, "signup-04-manager-claims");
    await claim.getByRole("button", { name: "Approve" }).click();
    await manager.getByText("Approved: the person is now an editor of their institution.").waitFor();
    await manager.locator(`[data-colleague="${second.email}"]`).getByText("Editor", { exact: true }).waitFor();

    await signInOn(colleague, second.email, second.password);
    expect(await colleague.getByRole("heading", { name: "Waiting for approval" }).count()).toBe(0);
    await colleague
      .getByText(/Xi.an Jiaotong University.s international organizations/)
      .first()
      .waitFor();
  });

  it("the manager proposes the founding membership of the UASR; an admin approves; XJTU's page shows it", async () => {
    const manager = await signIn(browser, first.email, first.password);
    await manager.goto(url("/en/account/new"));
    await chooseOrganization(manager, "University Alliance of the Silk", "University Alliance of the Silk Road");
    await manager.getByLabel("Role", { exact: true }).selectOption("FOUNDING_MEMBER");
    await manager.getByLabel("Joined").fill("2015");
    await manager.getByLabel("Source address (URL)").fill("https://www.cuhk.edu.hk/belt-and-road/");
    await manager.getByLabel("Source title").fill("CUHK and the Belt and Road");
    await manager
      .getByLabel("Quoted passage from the source")
      .fill("Established in 2015 by Xi’an Jiaotong University, China, the University Alliance of the Silk Road");
    await manager.getByRole("button", { name: "Send for review" }).click();
    await manager.waitForURL(/\/account\/requests\//);
    const requestPath = new URL(manager.url()).pathname;
    await manager.getByText("Pending").first().waitFor();
    await screenshot(manager, "signup-05-uasr-proposed");

    const admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
    await admin.goto(url(requestPath));
    await admin.getByRole("button", { name: "Approve and publish" }).click();
    await admin.getByText(/Decision by Demo Admin: Approved/).waitFor();

    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(url("/en/institutions/xian-jiaotong-university"));
    // XJTU's participations (the table), not the organizations it founded, which list UASR from the seed already.
    const entry = visitor.getByRole("row").filter({ hasText: "University Alliance of the Silk Road" });
    await entry.getByText("Founding member").first().waitFor();
    expect(await entry.innerText()).toContain("2015");
    await screenshot(visitor, "signup-06-xjtu-public");
  });
});
