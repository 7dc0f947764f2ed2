// Accounts end to end: an admin invites a person, the invitation is read from the outbox (no SMTP here),
// the person sets a password through the single-use link and signs in as their university's staff; when the
// admin disables the account, the open session fails on its very next request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/prisma-client";
import { hashPassword } from "@/lib/passwords";
import { baseUrl, launchBrowser, newContext, screenshot, signInOn, url } from "../../support/browser";
import { signInFrom } from "../../support/http-client";

let browser: Browser;
let admin: Page;
let invitee: Page;
let link = "";
const email = `invitee-${Date.now()}@example.org`;

beforeAll(async () => {
  browser = await launchBrowser();
});
const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const targeted = `targeted-${Date.now()}@accounts-journey.test`;
// The attacker's own loopback address: the browser signs in from 127.0.0.1, which must never get locked.
const ATTACKER = "127.0.0.49";

afterAll(async () => {
  await browser?.close();
  await prisma.loginThrottle.deleteMany({ where: { key: { in: [`account:${targeted}`, `address:${ATTACKER}`] } } });
  await prisma.user.deleteMany({ where: { email: targeted } });
  await prisma.$disconnect();
});

describe("invitations and sessions", () => {
  it("an admin invites a member of CUHK's staff; the invitation waits in the outbox", async () => {
    admin = await (await newContext(browser)).newPage();
    await signInOn(admin, "admin@atlas.test", "atlas-admin-demo");
    await admin.getByRole("link", { name: "Accounts and invitations" }).click();
    await admin.getByLabel("Email").fill(email);
    await admin.getByLabel("Name").fill("Invited Colleague");
    await admin.getByLabel("Institution", { exact: true }).first().selectOption("chinese-university-of-hong-kong");
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await admin.getByText(`Invitation sent to ${email}.`).waitFor();
    await screenshot(admin, "accounts-01-invited");

    await admin.goto(url("/en/admin/outbox"));
    const mail = admin.getByRole("listitem").filter({ hasText: email }).first();
    const text = await mail.innerText();
    link = /https?:\/\/\S+\/en\/password\/[\w-]+/.exec(text)?.[0] ?? "";
    expect(link).toMatch(/\/en\/password\//);
    await screenshot(admin, "accounts-02-outbox");
  });

  it("the person sets a password through the link, which then no longer works, and signs in", async () => {
    invitee = await (await newContext(browser)).newPage();
    await invitee.goto(link);
    await invitee.getByLabel("New password", { exact: true }).fill("password123");
    await invitee.getByLabel("New password again").fill("password123");
    await invitee.getByRole("button", { name: "Set password" }).click();
    await invitee.getByText("This password is too common; choose another.").waitFor();
    await invitee.getByLabel("New password", { exact: true }).fill("harbour lights at dusk");
    await invitee.getByLabel("New password again").fill("harbour lights at dusk");
    await invitee.getByRole("button", { name: "Set password" }).click();
    await invitee.waitForURL(/\/en\/login\?done=1/);

    const again = await (await newContext(browser)).newPage();
    await again.goto(link);
    await again.getByLabel("New password", { exact: true }).fill("another fine passphrase");
    await again.getByLabel("New password again").fill("another fine passphrase");
    await again.getByRole("button", { name: "Set password" }).click();
    await again.getByText("This link has expired or was already used. Ask for a new one.").waitFor();

    await signInOn(invitee, email, "harbour lights at dusk");
    await invitee.getByText("The Chinese University of Hong Kong's international organizations").waitFor();
    await screenshot(invitee, "accounts-03-invitee-dashboard");
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

  it("an admin edits an organization directly; the public page shows it at once and its history records it", async () => {
    await admin.goto(url("/en/admin/organizations/pan-asian-biomedical-science-consortium"));
    await admin.getByLabel("Website").fill("https://pabsc.example.org");
    await admin.getByRole("button", { name: "Save and publish" }).click();
    await admin.getByText("Saved and published.").waitFor();
    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(url("/en/organizations/pan-asian-biomedical-science-consortium"));
    await visitor.getByRole("link", { name: "https://pabsc.example.org" }).waitFor();
    await admin.goto(url("/en/admin/history"));
    await admin.getByText(/organization\.update/).first().waitFor();
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
    // Without a source nothing is stored; the error stands next to the field and what was typed stays.
    await form.getByText("Cite a source: its address or its title.").waitFor();
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

  it("while an attacker keeps the account locked, the owner's browser still signs in; a new browser is told to wait", async () => {
    const cuhk = await prisma.institution.findUniqueOrThrow({ where: { slug: "chinese-university-of-hong-kong" }, select: { id: true } });
    await prisma.user.create({ data: { email: targeted, name: "Targeted Colleague", role: "STAFF", institutionId: cuhk.id, passwordHash: await hashPassword("a long walk by the river") } });
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
