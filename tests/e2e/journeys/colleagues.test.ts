// A university's manager and editor in Chromium: the manager sees the institution's staff with their roles and makes
// an editor manager; the editor sees the list without any control; the manager removes a colleague, who is signed
// out on their next request. axe on the page in English and Chinese.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { hashPassword } from "@/lib/auth/passwords";
import { expectNoAxeViolations, launchBrowser, screenshot, signIn, url } from "../../support/browser";

let browser: Browser;
const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
const tag = randomBytes(3).toString("hex");
const editorEmail = `editor-${tag}@njmu.test`;
const leaverEmail = `leaver-${tag}@njmu.test`;
const quitterEmail = `quitter-${tag}@njmu.test`;
const PASSWORD = "colleagues journey pass";

beforeAll(async () => {
  browser = await launchBrowser();
  const nmu = await prisma.institution.findUniqueOrThrow({ where: { slug: "nanjing-medical-university" } });
  const passwordHash = await hashPassword(PASSWORD);
  for (const [email, name] of [
    [editorEmail, "Journey Editor"],
    [leaverEmail, "Journey Leaver"],
    [quitterEmail, "Journey Quitter"],
  ] as const)
    await prisma.user.create({
      data: { email, name, role: "STAFF", staffRole: "EDITOR", institutionId: nmu.id, passwordHash },
    });
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

describe("colleagues", () => {
  it("the editor sees the institution's staff and their roles, and no control to change them", async () => {
    const editor = await signIn(browser, editorEmail, PASSWORD);
    await editor.goto(url("/en/account/colleagues"));
    const list = editor.getByRole("list", { name: "Colleagues" });
    await list.locator(`[data-colleague="staff@njmu.test"]`).getByText("Manager", { exact: true }).waitFor();
    await list.locator(`[data-colleague="${editorEmail}"]`).getByText("Editor", { exact: true }).waitFor();
    expect(await editor.getByRole("button", { name: "Make manager" }).count()).toBe(0);
    expect(await editor.getByRole("button", { name: "Remove from the institution" }).count()).toBe(0);
    await expectNoAxeViolations(editor, "colleagues as an editor");
    await editor.context().close();
  });

  it("the manager makes the editor manager, then removes a colleague, who is signed out at once", async () => {
    const leaver = await signIn(browser, leaverEmail, PASSWORD);
    await leaver.goto(url("/en/account"));
    const manager = await signIn(browser, "staff@njmu.test", "nmu-staff-demo");
    await manager.goto(url("/en/account"));
    await manager.getByRole("link", { name: "Colleagues" }).click();
    await manager.waitForURL(/\/en\/account\/colleagues$/);
    const editorRow = manager.locator(`[data-colleague="${editorEmail}"]`);
    await editorRow.getByRole("button", { name: "Make manager" }).click();
    await manager.getByText("Saved; your colleague's open sessions have ended.").waitFor();
    await manager.locator(`[data-colleague="${editorEmail}"]`).getByText("Manager", { exact: true }).waitFor();
    await screenshot(manager, "colleagues-01-promoted");

    await manager
      .locator(`[data-colleague="${leaverEmail}"]`)
      .getByRole("button", { name: "Remove from the institution" })
      .click();
    await manager.waitForURL(/\/en\/account\/colleagues\?done=removed$/);
    await manager
      .getByRole("status")
      .getByText("Removed: the account is disabled and no longer your institution's.")
      .waitFor();
    expect(await manager.locator(`[data-colleague="${leaverEmail}"]`).count()).toBe(0);
    await expectNoAxeViolations(manager, "colleagues as a manager");
    await manager.goto(url("/zh/account/colleagues"));
    await manager.getByRole("heading", { level: 1, name: "同事" }).waitFor();
    await expectNoAxeViolations(manager, "colleagues in Chinese");

    // The removed colleague's open session ends on its next request: back to sign-in.
    await leaver.goto(url("/en/account"));
    await leaver.waitForURL(/\/en\/login/);
    const removed = await prisma.user.findUniqueOrThrow({ where: { email: leaverEmail } });
    expect(removed.institutionId).toBeNull();
    expect(removed.disabledAt).not.toBeNull();
  });

  it("an editor leaves and deletes their account: confirmed by their address, then unable to sign in", async () => {
    const quitter = await signIn(browser, quitterEmail, PASSWORD);
    await quitter.goto(url("/en/account/colleagues"));
    const leave = quitter.getByRole("region", { name: "Leave and delete my account" });
    await leave.getByLabel("Type your email address to confirm").fill("someone-else@njmu.test");
    await leave.getByRole("button", { name: "Leave and delete my account" }).click();
    await leave.getByText("Type your own email address to confirm.").first().waitFor();
    await leave.getByLabel("Type your email address to confirm").fill(quitterEmail);
    await leave.getByRole("button", { name: "Leave and delete my account" }).click();
    await quitter.waitForURL(/\/en\/login\?done=left$/);
    await quitter.getByRole("status").getByText("Your account is deleted.").waitFor();
    await quitter.getByLabel("Email").fill(quitterEmail);
    await quitter.getByLabel("Password").fill(PASSWORD);
    await quitter.getByRole("button", { name: "Sign in" }).click();
    await quitter.getByText("The email or password is not right.").waitFor();
    expect(quitter.url()).toMatch(/\/en\/login/);
    expect(await prisma.user.count({ where: { email: quitterEmail } })).toBe(0);
  });
});
