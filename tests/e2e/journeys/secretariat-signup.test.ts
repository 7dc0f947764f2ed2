// A person of the University Alliance of the Silk Road's secretariat signs up, end to end: an admin lists UASR's email
// domains (xjtu.edu.cn is marked as shared with Xi'an Jiaotong University, the host of UASR's secretariat); the person
// follows "Do you work for this organization's secretariat? Sign up" from UASR's page, signs up with an xjtu.edu.cn
// address, uses the mailed link, sets a password and waits; the admin's list says why only an admin decides ("the
// address is at xjtu.edu.cn, Xi'an Jiaotong University's domain") and approves; signed in again, the person's account
// home names UASR, and every account page works for the account (no university's data, no error). The sign-up form once
// in Chinese; axe on each new page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  signInOn,
  url,
} from "../../support/browser";
import { mailTo, passwordLinkIn, waitForMail } from "../../support/mailbox";

let browser: Browser;
const stamp = Date.now();
const UASR = "university-alliance-of-the-silk-road";
const UASR_NAME = "University Alliance of the Silk Road";
const person = { email: `chen.jing.${stamp}@xjtu.edu.cn`, name: "Chen Jing", password: "caravans along the silk road" };

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("a secretariat signs up", () => {
  it("an admin lists UASR's email domains; XJTU's is marked as shared and never verifies on its own", async () => {
    const admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
    await admin.goto(url(`/en/admin/organizations/${UASR}`));
    const section = admin.getByRole("region", { name: "Email domains of its secretariat" });
    await section.getByLabel("Domains, one a line").fill("uasr-secretariat.org\nxjtu.edu.cn");
    await section.getByRole("button", { name: "Save domains" }).click();
    await section.getByText("Saved: the organization's email domains.").waitFor();
    await section
      .locator('[data-domain="xjtu.edu.cn"]')
      .getByText(/shared with Xi.an Jiaotong University, never verifies on its own/)
      .waitFor();
    await section.locator('[data-domain="uasr-secretariat.org"]').getByText("the organization’s own").waitFor();
    await expectNoAxeViolations(admin, "admin organization page with its email domains");
    await screenshot(admin, "secretariat-01-domains");
    await admin.context().close();
  });

  it("the sign-up form in Chinese, refusing a free mail address with the reason", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(url(`/zh/signup/secretariat/${UASR}`));
    await page.getByRole("heading", { level: 1, name: /秘书处成员/ }).waitFor();
    await page.getByLabel("您的姓名").fill("陈静");
    await page.getByLabel("工作邮箱").fill(`chen.${stamp}@gmail.com`);
    await page.getByRole("button", { name: "注册" }).click();
    await page.getByText("请使用您在该组织秘书处的工作邮箱注册：不接受免费邮箱服务的地址。").first().waitFor();
    expect(mailTo(`chen.${stamp}@gmail.com`)).toEqual([]);
    await expectNoAxeViolations(page, "secretariat sign-up in Chinese");
    await screenshot(page, "secretariat-02-signup-zh");
    await page.context().close();
  });

  let waiting: Page;

  it("from UASR's page, with an xjtu.edu.cn address: the mailed link sets a password; the account waits", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(url(`/en/organizations/${UASR}`));
    const line = page.locator("p").filter({ hasText: "Do you work for this organization’s secretariat?" });
    await line.getByRole("link", { name: "Sign up", exact: true }).click();
    await page.waitForURL(new RegExp(`/en/signup/secretariat/${UASR}$`));
    await page.getByRole("heading", { level: 1, name: `Sign up for the secretariat of ${UASR_NAME}` }).waitFor();
    await expectNoAxeViolations(page, "secretariat sign-up");
    await page.getByLabel("Your name").fill(person.name);
    await page.getByLabel("Work email").fill(person.email);
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByText("Check your inbox: we sent a mail to this address with what to do next.").waitFor();
    await screenshot(page, "secretariat-03-signup-sent");

    const mail = await waitForMail(person.email, { subject: /Confirm your sign-up/ });
    expect(mail.text).toContain("secretariat");
    await page.goto(passwordLinkIn(mail.text));
    await page.getByLabel("New password", { exact: true }).fill(person.password);
    await page.getByLabel("New password again").fill(person.password);
    await page.getByRole("button", { name: "Set password" }).click();
    await page.waitForURL(/\/en\/login\?done=1/);
    await signInOn(page, person.email, person.password);
    await page.getByRole("heading", { name: "Waiting for approval" }).waitFor();
    await page.getByText(`An admin will check that you work for the secretariat of ${UASR_NAME}`).waitFor();
    await expectNoAxeViolations(page, "secretariat waiting for approval");
    waiting = page;
  });

  it("the admin's list shows the shared-domain reason; the admin approves", async () => {
    const admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
    await admin.getByRole("link", { name: "Sign-ups waiting for approval" }).click();
    await admin.getByRole("heading", { name: "Sign-ups waiting for approval" }).waitFor();
    const claim = admin.getByRole("listitem").filter({ hasText: person.email });
    await claim.getByText(UASR_NAME).waitFor();
    await claim
      .getByText(/The address is at xjtu\.edu\.cn, Xi.an Jiaotong University’s domain: only an admin approves\./)
      .waitFor();
    await expectNoAxeViolations(admin, "admin claims with a secretariat's sign-up");
    await screenshot(admin, "secretariat-04-admin-claims");
    await claim.getByRole("button", { name: "Approve" }).click();
    // The first of UASR's secretariat becomes its manager; if another journey's came first, an editor.
    await admin
      .getByText(/^Approved: the person is now (their organization's secretariat manager|an editor)/)
      .waitFor();
    expect((await waitForMail(person.email, { subject: /approved/ })).text).toContain("organization’s secretariat");
    await admin.context().close();
  });

  it("signed in again, the account home names UASR and links to its pages", async () => {
    // The approval ended the waiting session.
    await signInOn(waiting, person.email, person.password);
    await waiting.getByRole("heading", { level: 1, name: "My organization" }).waitFor();
    await waiting.getByRole("heading", { name: `You keep the side of ${UASR_NAME}` }).waitFor();
    const pages = waiting.getByRole("navigation", { name: "Your organization’s pages" });
    for (const [name, path] of [
      ["Members, as both sides state them", "/en/account/organization"],
      ["Upload a member list", "/en/account/organization/upload"],
      ["Propose a change to the profile", "/en/account/organization/profile"],
      ["Colleagues of the secretariat", "/en/account/colleagues"],
      ["Public page", `/en/organizations/${UASR}`],
    ])
      expect(new URL((await pages.getByRole("link", { name }).getAttribute("href")) ?? "", url("/")).pathname).toBe(
        path,
      );
    await waiting.getByRole("heading", { name: "Your organization’s requests" }).waitFor();
    expect(await waiting.getByText("My university").count()).toBe(0);
    await expectNoAxeViolations(waiting, "secretariat account home");
    await screenshot(waiting, "secretariat-05-home");
  });

  it("every account page works for the account: no error, no university's data", async () => {
    const page = waiting;
    // The other helpers' organization pages may not exist on this branch alone: a 404 is acceptable, an error is not.
    for (const path of [
      "/en/account",
      "/en/account/colleagues",
      "/en/account/organization",
      "/en/account/organization/upload",
      "/en/account/organization/profile",
      "/en/account/new",
      "/en/account/new-organization",
      "/en/account/profile",
      "/en/account/memberships/nosuchmembership",
      "/en/account/import",
      "/en/account/import/nosuchdraft",
      "/en/account/corrections",
      "/en/account/requests/nosuchrequest",
      "/en/account/address-confirmed",
      "/zh/account",
    ]) {
      const response = await page.goto(url(path));
      expect(response?.status(), path).toBeLessThan(500);
      const text = await page.locator("main").innerText();
      // The error boundary's page (app/[locale]/error.tsx): what a page that throws shows.
      expect(text, path).not.toMatch(/temporarily unavailable|暂时无法访问/);
      // No university's pages: neither a university's home nor its list of organizations. (A university may well be
      // named: as a member in the organization's own requests, which other journeys' uploads leave in the list.)
      expect(text, path).not.toMatch(/My university|international organizations$/m);
    }
    await page.goto(url("/en/account/colleagues"));
    await page.locator(`[data-colleague="${person.email}"]`).waitFor();
    await page.getByText(`The people of the secretariat of ${UASR_NAME} who keep its side`).waitFor();
    await expectNoAxeViolations(page, "secretariat colleagues");
    await screenshot(page, "secretariat-06-colleagues");
  });
});
