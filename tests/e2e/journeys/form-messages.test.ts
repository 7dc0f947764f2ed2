// A refused form on /zh: the summary comes first in the form, in Chinese, takes the focus, and links to each
// field in error; a link moves the focus to its field. Nothing is stored, and no zod wording is shown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { expectNoAxeViolations, launchBrowser, screenshot, signIn, url } from "../../support/browser";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
let browser: Browser;
let staff: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

/** What the focus is on: its tag, id and role. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e?.tagName.toLowerCase(), id: e?.id, role: e?.getAttribute("role") };
  });

describe("validation messages on /zh", () => {
  it("a refused proposal shows a Chinese summary first, focused, with a working link to each field", async () => {
    staff = await signIn(browser, "staff@njmu.test", "nmu-staff-demo");
    await staff.goto(url("/zh/account/new"));
    const before = await prisma.changeRequest.count();
    // No organization chosen (the placeholder is not sent), two dates no one can read.
    await staff.getByLabel("加入时间").fill("Feb 30, 2020");
    await staff.getByLabel("结束时间").fill("someday");
    await staff.getByRole("button", { name: "提交审核" }).click();

    const summary = staff.getByRole("alert").filter({ hasText: "提交的内容有问题" });
    await summary.waitFor();
    expect(await focused(staff)).toMatchObject({ tag: "div", role: "alert" });
    await summary.getByText("请修改下方标出的字段。").waitFor();

    // First in the form: before every field and the submit button.
    const first = await staff.evaluate(() => {
      const form = document.querySelector("main form")!;
      const alert = form.querySelector('[role="alert"]')!;
      const fields = [...form.querySelectorAll("select, textarea, input:not([type=hidden]), button")];
      return fields.every((f) => alert.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(first).toBe(true);

    const links = summary.getByRole("link");
    await links.nth(2).waitFor();
    const found = await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
    expect(found).toEqual([
      ["请选择国际组织。", "#organization"],
      [expect.stringMatching(/^“Feb 30, 2020”不是有效的日期/), "#values.joined"],
      [expect.stringMatching(/^“someday”不是有效的日期/), "#values.ended"],
    ]);
    const text = await summary.innerText();
    expect(text).not.toMatch(/Invalid input|expected|received|Too big|Too small/);

    await links.nth(1).click();
    expect(await focused(staff)).toMatchObject({ tag: "input", id: "values.joined" });
    await links.nth(0).click();
    expect(await focused(staff)).toMatchObject({ tag: "input", id: "organization" });
    // Each message also stands beside its field, which says it is invalid.
    await staff.locator('[id="organization-error"]', { hasText: "请选择国际组织。" }).waitFor();
    expect(await staff.getByLabel("加入时间").getAttribute("aria-invalid")).toBe("true");

    expect(await prisma.changeRequest.count()).toBe(before);
    await expectNoAxeViolations(staff);
    await screenshot(staff, "form-messages-zh-summary");
  });

  it("the schema's own message is in Chinese too, and links to its field", async () => {
    await staff.goto(url("/zh/account/new-organization"));
    await staff.getByLabel("英文名称").fill("Xy");
    await staff.getByRole("button", { name: "提交审核" }).click();
    const summary = staff.getByRole("alert").filter({ hasText: "提交的内容有问题" });
    await summary.getByRole("link", { name: "请填写英文名称。" }).waitFor();
    expect(await summary.getByRole("link", { name: "请填写英文名称。" }).getAttribute("href")).toBe("#values.nameEn");
  });
});
