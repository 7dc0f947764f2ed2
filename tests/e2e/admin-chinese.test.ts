// On /zh the admins' history shows each event's values as labelled lines in Chinese (no field key, no JSON), and
// the type-ahead names an institution's country or region as the site does ("中国香港"), not by its ISO code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createPrismaClient } from "@/lib/data/prisma-client";
import { AUDIT_EVENTS, type AuditEventName } from "@/lib/shared/audit-events";
import { AUDIT_FIELD_MESSAGES } from "@/lib/shared/audit-fields";
import zh from "@/messages/zh.json";
import { expectNoAxeViolations, launchBrowser, newContext, openPage, screenshot, signIn } from "../support/browser";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "postgresql://missing", 2);
let browser: Browser;
let admin: Page;
const run = `zh-${Date.now().toString(36)}`;

/** Events as the data layer writes them (lib/data/admin/records.ts, user-admin.ts, decide.ts, …). */
const EVENTS: { event: AuditEventName; after: Record<string, string | boolean | null>; shows: string[] }[] = [
  {
    event: "institution.create",
    after: {
      nameEn: "Kowloon Test University",
      nameZh: null,
      city: "Hong Kong",
      website: "https://kowloon.example",
      rorId: null,
      wikidataId: null,
      kind: "UNIVERSITY",
      country: "HK",
    },
    shows: ["国家或地区", "中国香港", "类型", "大学", "英文名称"],
  },
  {
    event: "user.access",
    after: { role: "ADMIN", institutionId: null, disabled: false },
    shows: ["身份", "管理员", "所属机构", "已停用", "否"],
  },
  {
    event: "discrepancy.dismiss",
    after: { kind: "JOINED_BEFORE_FOUNDED", subject: `${run}-m`, facts: "3", reason: "已核对原始文件。" },
    shows: ["加入时间早于组织成立时间", "理由", "已核对原始文件。"],
  },
  {
    event: "membership.confirm",
    after: { confirmedAt: "2026-11-29T15:09:41.000Z" },
    shows: ["确认时间", "2026-11-29 15:09 UTC"],
  },
];

/** Field keys as stored: none may show on the page (whole words, as written in the database). */
const KEYS = [...Object.keys(AUDIT_FIELD_MESSAGES), "joinedOn", "websiteQuote"].map(
  (k) => new RegExp(`(^|[^A-Za-z])${k}([^A-Za-z]|$)`),
);

beforeAll(async () => {
  const actor = await prisma.user.findUniqueOrThrow({ where: { email: "admin@atlas.test" }, select: { id: true } });
  await prisma.auditEvent.createMany({
    data: EVENTS.map(({ event, after }, i) => ({
      action: event,
      entityType: AUDIT_EVENTS[event],
      entityId: `${run}-${i}`,
      actorId: actor.id,
      after,
    })),
  });
  browser = await launchBrowser();
  admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
});
afterAll(async () => {
  // The rows stay: the audit log is append-only (a trigger refuses DELETE), and their ids name no record.
  await browser?.close();
  await prisma.$disconnect();
});

describe("the admins' history in Chinese", () => {
  it("shows each event's values as labelled lines: no field key, no JSON, codes by their labels", async () => {
    await openPage(admin, "/zh/admin/history");
    await admin.getByRole("heading", { level: 1, name: zh.history.adminTitle }).waitFor();
    for (const [i, { shows }] of EVENTS.entries()) {
      const entry = admin.locator("main li").filter({ hasText: `${run}-${i}` });
      await entry.waitFor();
      const text = await entry.innerText();
      for (const label of shows) expect(text, label).toContain(label);
      expect(text).not.toMatch(/[{}]/);
      for (const key of KEYS) expect(text, String(key)).not.toMatch(key);
      expect(text).not.toMatch(/\bHK\b|\bUNIVERSITY\b|\bADMIN\b|\bJOINED_BEFORE_FOUNDED\b/);
    }
    expect(await admin.locator("main pre").count()).toBe(0);
    await screenshot(admin, "admin-chinese-1-history");
    await expectNoAxeViolations(admin, "/zh/admin/history");
  });
});

describe("the type-ahead in Chinese", () => {
  it("names CUHK's region as the site does, not by its code", async () => {
    const page = await (await newContext(browser)).newPage();
    await openPage(page, "/zh");
    await page.getByRole("combobox", { name: zh.search.label }).fill("CUHK");
    const option = page.getByRole("option", { name: /香港中文大学/ }).first();
    await option.waitFor();
    const text = await option.innerText();
    expect(text).toContain("中国香港");
    expect(text).not.toMatch(/\bHK\b/);
    await screenshot(page, "admin-chinese-2-suggest");
  });
});
