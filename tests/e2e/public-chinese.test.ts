// Chinese pages say everything fixed in Chinese: the history of an organization names its events in Chinese (never
// a stored code or an English label), the API page's prose is translated (code stays as written), and city names,
// which have no Chinese source, are shown as written and marked as English.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { AUDIT_EVENTS } from "@/lib/shared/audit-events";
import en from "@/messages/en.json";
import { expectNoAxeViolations, launchBrowser, newContext, openPage, screenshot, signIn } from "../support/browser";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
let browser: Browser;
let visitor: Page;
const UASR = "university-alliance-of-the-silk-road";
const CUHK = "chinese-university-of-hong-kong";

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await (await newContext(browser)).newPage();
});
afterAll(async () => {
  await browser?.close();
  await prisma.$disconnect();
});

/** Strings of English a Chinese page must not show: stored codes, field names and every English label. */
const ENGLISH = [
  ...Object.keys(AUDIT_EVENTS),
  ...Object.values(en.history.events),
  "MEMBERSHIP_CREATED",
  "joinedOn",
  "endedOn",
  en.history.title,
  en.history.before,
  en.history.after,
];

/** Every text node of the page that is exactly `text`, with the language its nearest `lang` gives it. */
const languagesOf = (page: Page, text: string) =>
  page.evaluate((wanted) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (node.textContent?.trim() === wanted)
        found.push(node.parentElement?.closest("[lang]")?.getAttribute("lang") ?? "");
    return found;
  }, text);

describe("Chinese pages", () => {
  it("an organization's history names its events in Chinese", async () => {
    // CUHK's entry in UASR, last confirmed long ago: its staff confirm it, which the history records.
    const entry = await prisma.membership.findFirstOrThrow({
      where: { organization: { slug: UASR }, institution: { slug: CUHK } },
    });
    await prisma.membership.update({
      where: { id: entry.id },
      data: { confirmedAt: new Date("2024-06-01T00:00:00Z") },
    });
    const staff = await signIn(browser, "staff@cuhk.test", "cuhk-staff-demo");
    await staff.getByRole("checkbox", { name: /^Tick to confirm: .*Silk Road/ }).check();
    await staff.getByRole("button", { name: "Confirm the ticked entries as still accurate" }).click();
    await staff.getByRole("checkbox", { name: /^Tick to confirm: .*Silk Road/ }).waitFor({ state: "detached" });
    expect(
      await prisma.auditEvent.count({ where: { entityId: entry.id, action: "membership.confirm" } }),
    ).toBeGreaterThan(0);

    await openPage(visitor, `/zh/organizations/${UASR}`);
    const history = visitor.locator('section[aria-labelledby="history"]');
    await history.getByRole("heading", { name: "已批准修改的记录" }).waitFor();
    await history.getByRole("listitem").filter({ hasText: "机构确认信息仍准确" }).first().waitFor();
    const text = await history.innerText();
    for (const english of ENGLISH) expect(text, english).not.toContain(english);
    await screenshot(visitor, "chinese-1-organization-history");
  });

  it("the API page's prose is in Chinese; code stays as written", async () => {
    await openPage(visitor, "/zh/data/api");
    const text = await visitor.locator("main").innerText();
    const prose = en.apiDocs.prose;
    const englishProse = [
      prose.conventions,
      ...Object.values(prose.operations).flatMap((o) => Object.values(o)),
      ...Object.values(prose.parameters).flatMap((p) => Object.values(p)),
    ].map((s) => s.replace(/`/g, "").slice(0, 30));
    for (const english of englishProse) expect(text, english).not.toContain(english);
    expect(text).toContain("只提供已审核的公开数据");
    expect(text).toContain("page.nextCursor");
    expect(await visitor.locator("main [lang=en]").count()).toBe(0);
    await expectNoAxeViolations(visitor, "/zh/data/api");
  });

  it.each([
    [CUHK, "Hong Kong"],
    ["nanjing-medical-university", "Nanjing"],
  ])("%s: the city is shown as written and marked as English", async (slug, city) => {
    await openPage(visitor, `/zh/institutions/${slug}`);
    const languages = await languagesOf(visitor, city);
    expect(languages.length).toBeGreaterThanOrEqual(2);
    expect(languages.every((l) => l === "en")).toBe(true);
  });
});
