// Accounts end to end: an admin invites a person, the invitation arrives in the person's inbox (the local SMTP
// sink npm test runs), the person sets a password through the single-use link and signs in as their
// university's staff, later resets it from a mailed link; an operator creates an admin from the shell; when
// the admin disables an account, its open session fails on its very next request.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { hashPassword } from "@/lib/auth/passwords";
import {
  baseUrl,
  chooseRecord,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  signInOn,
  url,
} from "../../support/browser";
import { signInFrom } from "../../support/http-client";
import { passwordLinkIn, waitForMail } from "../../support/mailbox";
import { freePort, startInstance } from "../../support/instances";

let browser: Browser;
let admin: Page;
let invitee: Page;
let link = "";
const email = `invitee-${Date.now()}@example.org`;
const opsEmail = `ops-${Date.now()}@example.org`;

beforeAll(async () => {
  browser = await launchBrowser();
});
const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const targeted = `targeted-${Date.now()}@accounts-journey.test`;
const bilingual = `bilingual-${Date.now()}@accounts-journey.test`;
// The attacker's own loopback address: the browser signs in from 127.0.0.1, which must never get locked.
const ATTACKER = "127.0.0.49";

afterAll(async () => {
  await browser?.close();
  await prisma.loginThrottle.deleteMany({ where: { key: { in: [`account:${targeted}`, `address:${ATTACKER}`] } } });
  await prisma.user.deleteMany({ where: { email: { in: [targeted, bilingual] } } });
  await prisma.$disconnect();
});

describe("invitations and sessions", () => {
  it(`an admin invites a member of CUHK's staff; the invitation reaches the person's inbox, \
and only there`, async () => {
    admin = await (await newContext(browser)).newPage();
    await signInOn(admin, "admin@atlas.test", "atlas-admin-demo");
    await admin.getByRole("link", { name: "Accounts and invitations" }).click();
    await admin.getByLabel("Email").fill(email);
    await admin.getByLabel("Name").fill("Invited Colleague");
    await chooseRecord(admin, "Institution", "CUHK", "The Chinese University of Hong Kong");
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await admin.getByText(`Invitation sent to ${email}.`).waitFor();
    await screenshot(admin, "accounts-01-invited");

    link = passwordLinkIn((await waitForMail(email, { subject: /invited/ })).text);
    expect(link.startsWith(`${baseUrl()}/en/password/`)).toBe(true);

    // The admins' outbox shows that it went out, never the link.
    await admin.goto(url("/en/admin/outbox"));
    const mail = admin.getByRole("listitem").filter({ hasText: email }).first();
    await mail.getByText("[link withheld: only its recipient gets it]").waitFor();
    expect(await mail.innerText()).not.toContain(link.split("/password/")[1]);
    await screenshot(admin, "accounts-02-outbox");
  });

  it("the person sets a password through the link, which then no longer works, and signs in", async () => {
    invitee = await (await newContext(browser)).newPage();
    await invitee.goto(link);
    await invitee.getByLabel("New password", { exact: true }).fill("password123");
    await invitee.getByLabel("New password again").fill("password123");
    await invitee.getByRole("button", { name: "Set password" }).click();
    await invitee.locator("#password-error", { hasText: "This password is too common; choose another." }).waitFor();
    await invitee.getByLabel("New password", { exact: true }).fill("harbour lights at dusk");
    await invitee.getByLabel("New password again").fill("harbour lights at dusk");
    await invitee.getByRole("button", { name: "Set password" }).click();
    await invitee.waitForURL(/\/en\/login\?done=1/);

    // Used: the page says so at once, with no password form to fill in for nothing.
    const again = await (await newContext(browser)).newPage();
    await again.goto(link);
    await again.getByRole("heading", { name: "This invitation was already used" }).waitFor();
    expect(await again.getByLabel("New password", { exact: true }).count()).toBe(0);

    await signInOn(invitee, email, "harbour lights at dusk");
    await invitee.getByText("The Chinese University of Hong Kong's international organizations").waitFor();
    await screenshot(invitee, "accounts-03-invitee-dashboard");
  });

  it("the person forgets the password: the reset link arrives by mail and sets a new one", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(url("/en/login"));
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    // The link navigates in the page: the sign-in form's own Email field is there until the new page is.
    await page.getByRole("heading", { name: "Reset your password" }).waitFor();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await page.getByText("If an account uses this address, a link to reset its password is on its way.").waitFor();
    await screenshot(page, "accounts-03b-reset-requested");

    const reset = passwordLinkIn((await waitForMail(email, { subject: /Reset your Alliance Atlas password/ })).text);
    await page.goto(reset);
    await page.getByLabel("New password", { exact: true }).fill("lanterns over the harbour");
    await page.getByLabel("New password again").fill("lanterns over the harbour");
    await page.getByRole("button", { name: "Set password" }).click();
    await page.waitForURL(/\/en\/login\?done=1/);
    await signInOn(page, email, "lanterns over the harbour");
    await page.getByText("The Chinese University of Hong Kong's international organizations").waitFor();
  });

  it(`an operator creates an admin from the shell: the printed link sets the password, \
and the admin signs in`, async () => {
    const root = path.resolve(import.meta.dirname, "..", "..", "..");
    const created = spawnSync(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["--conditions=react-server", "scripts/admin.ts", "create", "--email", opsEmail, "--name", "Ops Person"],
      {
        cwd: root,
        env: { ...process.env, SITE_URL: baseUrl() },
        encoding: "utf8",
      },
    );
    expect(created.status, created.stderr).toBe(0);
    const printed = passwordLinkIn(created.stdout);
    const page = await (await newContext(browser)).newPage();
    await page.goto(printed);
    await page.getByLabel("New password", { exact: true }).fill("quiet servers hum at night");
    await page.getByLabel("New password again").fill("quiet servers hum at night");
    await page.getByRole("button", { name: "Set password" }).click();
    await page.waitForURL(/\/en\/login\?done=1/);
    await signInOn(page, opsEmail, "quiet servers hum at night");
    await page.getByRole("link", { name: "Accounts and invitations" }).click();
    await page.getByRole("heading", { name: "Accounts", exact: true }).waitFor();
  });

  it(`when the mail server refuses an invitation, the inviting admin alone sees its link; \
another admin's outbox does not`, async () => {
    // A second instance of the portal whose mail server refuses every message.
    const instance = await startInstance(await freePort(), { SMTP_URL: "smtp://127.0.0.1:1" });
    try {
      const inviter = await (await newContext(browser)).newPage();
      await inviter.goto(`${instance.url}/en/login`);
      await inviter.getByLabel("Email").fill(opsEmail);
      await inviter.getByLabel("Password").fill("quiet servers hum at night");
      await inviter.getByRole("button", { name: "Sign in" }).click();
      await inviter.waitForURL(/\/en\/account$/);
      await inviter.goto(`${instance.url}/en/admin/users`);
      const handedEmail = `handed-${Date.now()}@example.org`;
      await inviter.getByLabel("Email").fill(handedEmail);
      await inviter.getByLabel("Name").fill("Handed Over");
      await chooseRecord(inviter, "Institution", "Nanjing Medical University", "Nanjing Medical University");
      await inviter.getByRole("button", { name: "Send invitation" }).click();
      await inviter.getByText(/is invited, but the invitation was not mailed \(the mail server refused it/).waitFor();
      const handed = await inviter
        .getByLabel("Invitation link, to give to the person yourself (shown only now)")
        .inputValue();
      expect(handed.startsWith(`${instance.url}/en/password/`)).toBe(true);
      await screenshot(inviter, "accounts-03c-invitation-handed-over");

      // The other admin sees that the mail was not sent, never the link.
      await admin.goto(url("/en/admin/outbox"));
      const mail = admin.getByRole("listitem").filter({ hasText: handedEmail }).first();
      await mail.getByText("[link withheld: only its recipient gets it]").waitFor();
      await mail.getByText(/shown once to the admin who sent it/).waitFor();
      expect(await admin.content()).not.toContain(handed.split("/password/")[1]);

      const person = await (await newContext(browser)).newPage();
      await person.goto(handed);
      await person.getByLabel("New password", { exact: true }).fill("handed over by hand");
      await person.getByLabel("New password again").fill("handed over by hand");
      await person.getByRole("button", { name: "Set password" }).click();
      await person.waitForURL(/\/en\/login\?done=1/);
    } finally {
      await instance.stop();
    }
  });

  it("disabling the account ends its open session on the next request", async () => {
    await admin.goto(url("/en/admin/users"));
    const row = admin.getByRole("listitem").filter({ hasText: email });
    await row.getByLabel("Disabled").check();
    await row.getByRole("button", { name: "Save" }).click();
    await row.getByText("Saved; the person's open sessions have ended.").waitFor();

    await invitee.goto(url("/en/account"));
    await invitee.waitForURL(/\/en\/login/);
    await invitee.getByRole("heading", { name: "Sign in" }).waitFor();
    await screenshot(invitee, "accounts-04-session-ended");
  });

  it(`an admin edits an organization directly; \
the public page shows it at once and its history records it`, async () => {
    await admin.goto(url("/en/admin/organizations/pan-asian-biomedical-science-consortium"));
    await admin.getByLabel("Website").fill("https://pabsc.example.org");
    await admin.getByRole("button", { name: "Save and publish" }).click();
    await admin.getByText("Saved and published.").waitFor();
    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(url("/en/organizations/pan-asian-biomedical-science-consortium"));
    await visitor.getByRole("link", { name: "https://pabsc.example.org" }).waitFor();
    await admin.goto(url("/en/admin/history"));
    // The event by its label, its values as labelled lines (no stored code, no JSON).
    const entry = admin.locator("main li").filter({ hasText: "Organization updated" }).first();
    await entry.getByText("https://pabsc.example.org").waitFor();
    expect(await entry.innerText()).toMatch(/Website:\s*https:\/\/pabsc\.example\.org/);
    expect(await entry.innerText()).not.toMatch(/organization\.update|[{}]/);
    await screenshot(admin, "accounts-05-admin-history");
  });

  it("an admin adds an organization (in Chinese); it is public at once and searchable", async () => {
    await admin.goto(url("/zh/admin/organizations"));
    await admin.getByRole("heading", { name: "新增组织" }).waitFor();
    const form = admin.locator("section", { has: admin.getByRole("heading", { name: "新增组织" }) });
    await form.locator('[name="values.nameEn"]').fill("Danube Rectors' Medical Network");
    await form.locator('[name="values.kind"]').selectOption("NETWORK");
    await form.locator('[name="values.founded"]').fill("May 2021");
    await form.getByRole("button", { name: "新增组织" }).click();
    // Without a source nothing is stored; the error stands next to the field, in the page's language, and what
    // was typed stays.
    await form.locator('[id="values.sourceUrl-error"]', { hasText: "请注明来源：填写其网址或标题。" }).waitFor();
    expect(await form.locator('[name="values.nameEn"]').inputValue()).toBe("Danube Rectors' Medical Network");
    expect(await form.locator('[name="values.kind"]').inputValue()).toBe("NETWORK");
    await form.locator('[name="values.sourceUrl"]').fill("https://example.org/danube");
    await form.getByRole("button", { name: "新增组织" }).click();
    await admin.waitForURL(/\/zh\/admin\/organizations\/danube-rectors-medical-network$/);
    await screenshot(admin, "accounts-06-admin-added-organization");
    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(url("/en/organizations?q=Danube"));
    await visitor.getByRole("link", { name: /Danube Rectors' Medical Network/ }).click();
    await visitor.getByRole("heading", { level: 1, name: /Danube Rectors' Medical Network/ }).waitFor();
    await visitor.getByText("May 2021").first().waitFor();
  });

  it("signing out ends the session for real: the old cookie no longer works", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInOn(page, "staff@njmu.test", "nmu-staff-demo");
    const cookies = await context.cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => !u.pathname.includes("/account"));

    const replay = await (await newContext(browser)).newPage();
    await replay.context().addCookies(cookies);
    await replay.goto(url("/en/account"));
    await replay.waitForURL(/\/en\/login/);
  });

  it(`signing in records the sign-in page's language as the person's language for mail, \
and signing in from the other language changes it`, async () => {
    const cuhk = await prisma.institution.findUniqueOrThrow({
      where: { slug: "chinese-university-of-hong-kong" },
      select: { id: true },
    });
    await prisma.user.create({
      data: {
        email: bilingual,
        name: "Bilingual Colleague",
        role: "STAFF",
        staffRole: "MANAGER",
        institutionId: cuhk.id,
        passwordHash: await hashPassword("two languages, one mailbox"),
      },
    });
    const localeOf = async () => (await prisma.user.findUniqueOrThrow({ where: { email: bilingual } })).locale;
    expect(await localeOf()).toBe("en");

    const page = await (await newContext(browser)).newPage();
    await page.goto(url("/zh/login"));
    await page.getByLabel("电子邮箱").fill(bilingual);
    await page.getByLabel("密码").fill("two languages, one mailbox");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.waitForURL(/\/zh\/account$/);
    expect(await localeOf()).toBe("zh");

    await signIn(browser, bilingual, "two languages, one mailbox");
    expect(await localeOf()).toBe("en");
  });

  it(`while an attacker keeps the account locked, the owner's browser still signs in; \
a new browser is told to wait`, async () => {
    const cuhk = await prisma.institution.findUniqueOrThrow({
      where: { slug: "chinese-university-of-hong-kong" },
      select: { id: true },
    });
    await prisma.user.create({
      data: {
        email: targeted,
        name: "Targeted Colleague",
        role: "STAFF",
        staffRole: "MANAGER",
        institutionId: cuhk.id,
        passwordHash: await hashPassword("a long walk by the river"),
      },
    });
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInOn(page, targeted, "a long walk by the river");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => !u.pathname.includes("/account"));

    for (let n = 0; n < 6; n++) await signInFrom(baseUrl(), ATTACKER, targeted, `guess number ${n}`);
    const attacker = await signInFrom(baseUrl(), ATTACKER, targeted, "a long walk by the river");
    expect(attacker.url).toMatch(/Too many attempts/);

    await signInOn(page, targeted, "a long walk by the river");
    await page.getByText("Signed in as Targeted Colleague").first().waitFor();

    const stranger = await (await newContext(browser)).newPage();
    await stranger.goto(url("/en/login"));
    await stranger.getByLabel("Email").fill(targeted);
    await stranger.getByLabel("Password").fill("a long walk by the river");
    await stranger.getByRole("button", { name: "Sign in" }).click();
    await stranger.getByText(/Too many attempts/).waitFor();
    expect(new URL(stranger.url()).pathname).toBe("/en/login");
    await screenshot(stranger, "accounts-07-sign-in-locked");
  });
});
