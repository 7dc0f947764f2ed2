// The one mapping from zod issues to messages for people (lib/validation/issue-messages.ts): every issue code
// the schemas can produce, in both languages, naming the field as its form labels it; the schemas' own
// messages translated; zod's wording never shown.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Locale } from "@/i18n/routing";
import { formParseOptions, issueFieldErrors, translateWritten } from "@/lib/validation/issue-messages";
import { proposeMembershipCreateSchema } from "@/lib/validation/memberships";
import { proposeOrganizationCreateSchema } from "@/lib/validation/organizations";
import { inviteUserSchema, setPasswordSchema } from "@/lib/validation/accounts";
import { decisionSchema } from "@/lib/validation/reviews";
import { previewImportSchema } from "@/lib/validation/import";
import { say } from "@/lib/validation/say";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

/** Zod's own wording, in English: none of it may reach a form. */
const ZOD_WORDING = /Invalid input|expected|received|Too big|Too small|Invalid (string|option|format)/;

function errorsOf(schema: z.ZodType, input: unknown, locale: Locale, form = "") {
  const parsed = schema.safeParse(input, formParseOptions);
  if (parsed.success) throw new Error(`${JSON.stringify(input)} was accepted`);
  return issueFieldErrors(parsed.error.issues, locale, form);
}

// One schema whose fields carry the catalogue's labels, each with a rule of its own and no written message.
const probe = z.object({
  email: z.email().max(254),
  notes: z.string().max(2000),
  nameEn: z.string().trim().min(3),
  city: z.string().min(1),
  website: z.url(),
  rorId: z.string().regex(/^0[a-z0-9]{8}$/),
  kind: z.enum(["ALLIANCE", "NETWORK"]),
  role: z.coerce.number().int().min(1).max(9).multipleOf(2),
  acronym: z.coerce.number(),
  status: z.array(z.string()).min(1).max(2),
  founded: z.union([z.literal("a"), z.literal("b")]),
  introduction: z.string().refine((v) => v === "ok"),
  baseVersion: z.coerce.number().int().min(1),
});

const cases: [string, Record<string, unknown>, string, string, string][] = [
  ["a missing field (invalid_type, no input)", {}, "email", "Email is required", "请填写电子邮箱"],
  [
    "a string over its maximum (too_big)",
    { notes: "x".repeat(2001) },
    "notes",
    "Notes can be at most 2,000 characters",
    "备注最多 2,000 个字符",
  ],
  [
    "a string under its minimum (too_small)",
    { nameEn: "ab" },
    "nameEn",
    "Name in English needs at least 3 characters",
    "英文名称至少需要 3 个字符",
  ],
  [
    "an empty string where one character is needed (too_small 1)",
    { city: "" },
    "city",
    "City is required",
    "请填写城市",
  ],
  [
    "an invalid email (invalid_format: email)",
    { email: "not-an-address" },
    "email",
    "Email must be an email address, such as name@university.edu",
    "电子邮箱须为电子邮箱地址，如 name@university.edu",
  ],
  [
    "an invalid web address (invalid_format: url)",
    { website: "nowhere" },
    "website",
    "Website must be a web address starting with http:// or https://",
    "网站须为以 http:// 或 https:// 开头的网址",
  ],
  [
    "a pattern not matched (invalid_format: regex)",
    { rorId: "123" },
    "rorId",
    "ROR ID is not written in the right form",
    "ROR 标识的格式不正确",
  ],
  [
    "a value outside an enum (invalid_value)",
    { kind: "PARTY" },
    "kind",
    "Type: choose one of the options in the list",
    "请从列表中选择类型",
  ],
  ["a number under its minimum (too_small number)", { role: "0" }, "role", "Role must be at least 1", "身份不能小于 1"],
  ["a number over its maximum (too_big number)", { role: "10" }, "role", "Role can be at most 9", "身份不能大于 9"],
  [
    "a fraction where a whole number is needed (invalid_type int)",
    { role: "1.5" },
    "role",
    "Role must be a whole number",
    "身份须为整数",
  ],
  [
    "a number not a multiple (not_multiple_of)",
    { role: "3" },
    "role",
    "Role must be a multiple of 2",
    "身份须为 2 的倍数",
  ],
  [
    "text where a number is needed (invalid_type number)",
    { acronym: "abc" },
    "acronym",
    "Acronym must be a number",
    "简称须为数字",
  ],
  ["too few items (too_small array)", { status: [] }, "status", "Status: choose at least 1", "状态至少选择 1 项"],
  [
    "too many items (too_big array)",
    { status: ["a", "b", "c"] },
    "status",
    "Status: choose at most 2",
    "状态最多选择 2 项",
  ],
  ["no option of a union (invalid_union)", { founded: "c" }, "founded", "Founded is not valid", "成立时间无效"],
  [
    "a refinement without a message (custom)",
    { introduction: "no" },
    "introduction",
    "Introduction is not valid",
    "简介无效",
  ],
  [
    "a hidden field (no label)",
    { baseVersion: "x" },
    "baseVersion",
    en.validation.formOutdated,
    zh.validation.formOutdated,
  ],
];

describe("issue messages", () => {
  for (const [what, input, field, inEnglish, inChinese] of cases) {
    it(`${what}: names the field in English and Chinese`, () => {
      expect(errorsOf(probe, input, "en")[field]).toEqual([inEnglish]);
      expect(errorsOf(probe, input, "zh")[field]).toEqual([inChinese]);
    });
  }

  it("a record key the form never has (invalid_key) says the form is out of date", () => {
    const schema = z.object({ rows: z.record(z.string().regex(/^\d+$/), z.string()) });
    expect(errorsOf(schema, { rows: { x: "a" } }, "zh")["rows.x"]).toEqual([zh.validation.formOutdated]);
  });

  it("names a field inside rows by its own label, and a form's own wording first", () => {
    const rows = z.object({ rows: z.record(z.string(), z.object({ joined: z.string().max(4) })) });
    expect(errorsOf(rows, { rows: { "3": { joined: "12345" } } }, "en")["rows.3.joined"]).toEqual([
      "Joined can be at most 4 characters",
    ]);
    const rejection = { changeRequestId: "c1", decision: "reject", comment: "x".repeat(2001) };
    expect(errorsOf(decisionSchema, rejection, "en", "decideChangeRequest").comment).toEqual([
      "Comment or reason can be at most 2,000 characters",
    ]);
    expect(errorsOf(decisionSchema, rejection, "en").comment).toEqual(["Comment can be at most 2,000 characters"]);
    expect(
      errorsOf(decisionSchema, { changeRequestId: "c1", decision: "reject", comment: "no" }, "zh").comment,
    ).toEqual(["请说明驳回理由。"]);
  });

  it("a missing field is required even where the schema wrote a message for a wrong value", () => {
    expect(errorsOf(inviteUserSchema, { name: "A", role: "STAFF" }, "zh").email).toEqual(["请填写电子邮箱"]);
    expect(errorsOf(inviteUserSchema, { email: "x", name: "A", role: "STAFF" }, "en").email).toEqual([
      "Enter a valid email address.",
    ]);
    expect(errorsOf(inviteUserSchema, { email: "x", name: "A", role: "STAFF" }, "zh").email).toEqual([
      "请输入有效的电子邮箱地址。",
    ]);
  });

  it("every message the schemas write is in both catalogues and translated", () => {
    const keys = Object.keys(en.validation.custom) as (keyof typeof en.validation.custom)[];
    expect(Object.keys(zh.validation.custom).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(translateWritten(say(key), "en"), key).toBe(say(key));
      expect(translateWritten(say(key), "zh"), key).toBe(zh.validation.custom[key]);
    }
  });

  it("the date parser's message is translated with what the person typed", () => {
    // Worded from the date's own issue (i18n/date-issues.ts), not found by its English text.
    const membership = { organizationSlug: "x", values: { role: "MEMBER", status: "ACTIVE", joined: "Feb 30, 2020" } };
    expect(errorsOf(proposeMembershipCreateSchema, membership, "zh")["values.joined"]?.[0]).toBe(
      "“Feb 30, 2020”不是有效的日期：请写年份（2016）、年月（2018年5月）或具体日期（2019年11月11日）。",
    );
    expect(errorsOf(proposeMembershipCreateSchema, membership, "en")["values.joined"]?.[0]).toBe(
      `"Feb 30, 2020" is not a date: write a year (2016), a month (May 2018) or a day (Nov 11, 2019).`,
    );
  });

  it("the data layer's and the actions' answers are translated, each still written where it is thrown", () => {
    const sources = readdirSync("lib", { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .map((f) => readFileSync(path.join("lib", f), "utf8").replace(/"\s*\+\s*"/g, ""))
      .join("\n");
    for (const [key, english] of Object.entries(en.validation.answers)) {
      const fixed = english.split(/\{\w+\}/)[0]!;
      expect(sources.includes(english.includes("{") ? fixed : `"${english}"`), `${key} is thrown somewhere`).toBe(true);
      if (english.includes("{")) continue;
      expect(translateWritten(english, "en")).toBe(english);
      expect(translateWritten(english, "zh")).toBe(zh.validation.answers[key as keyof typeof zh.validation.answers]);
    }
    expect(translateWritten("Invitation sent to a@b.example.", "zh")).toBe("邀请已发送至 a@b.example。");
    expect(translateWritten("That Wikidata item already belongs to anso.", "zh")).toBe("该 Wikidata 条目已属于 anso。");
  });

  it("a message no catalogue holds is kept as written", () => {
    expect(translateWritten("Something new.", "zh")).toBe("Something new.");
  });

  it("the catalogues hold the same keys in English and Chinese", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(zh.validation).sort()).toEqual(keys(en.validation).sort());
  });

  it("the real forms' worst input gives no zod wording in either language", () => {
    const submissions: [z.ZodType, unknown, string][] = [
      [proposeMembershipCreateSchema, {}, "proposeMembershipCreate"],
      [proposeMembershipCreateSchema, { values: { notes: "x".repeat(3000), joined: 5 } }, "proposeMembershipCreate"],
      [
        proposeOrganizationCreateSchema,
        { values: { nameEn: "x".repeat(400), website: "ftp:x" } },
        "proposeOrganizationCreate",
      ],
      [setPasswordSchema, { token: "short", password: "x".repeat(200) }, "setPassword"],
      [previewImportSchema, { text: 4, sourceUrl: "x".repeat(600) }, "previewImport"],
      [inviteUserSchema, "not an object", "inviteUser"],
    ];
    for (const [schema, input, form] of submissions)
      for (const locale of ["en", "zh"] as const) {
        const messages = Object.values(errorsOf(schema, input, locale, form)).flat();
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) expect(m, `${form} ${locale}`).not.toMatch(ZOD_WORDING);
        if (locale === "zh") for (const m of messages) expect(m, form).toMatch(/[\u4e00-\u9fff]/);
      }
  });
});
