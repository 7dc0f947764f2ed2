// An organization's profile lists (former names, founders, declared counts) as the review's diff and the history show
// them: one readable line per row, in the page's language, never JSON; the replaced counts of an audit row's "before"
// (stored rows: an instant and its precision) read like the proposed ones.
import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { auditValueText, describeAuditDetails } from "@/lib/shared/audit-details";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

const translators = {
  en: createTranslator({ locale: "en", messages: en }),
  zh: createTranslator({ locale: "zh", messages: zh }),
};
const t = (locale: "en" | "zh") => (key: string) => translators[locale](key as never);

const proposed = {
  formerNames: [
    { locale: "en", name: "Silk Road University Alliance", validUntil: { iso: "2016-05", precision: "MONTH" } },
    { locale: "zh", name: "丝路大学联盟", validUntil: null },
  ],
  founders: [{ institutionId: "i1", name: "Xi’an Jiaotong University", role: "FOUNDER" }],
  declaredCounts: [
    { subject: "MEMBERS", qualifier: "OVER", value: 150, asOf: null },
    { subject: "FOUNDING_MEMBERS", qualifier: "EXACTLY", value: 47, asOf: { iso: "2015-10", precision: "MONTH" } },
  ],
  introductionLocale: "zh",
};

describe("an organization's profile lists, one line a row", () => {
  it("in English", () => {
    const text = (field: keyof typeof proposed) => auditValueText(field, proposed[field], "en", t("en"));
    expect(text("formerNames")).toBe("Silk Road University Alliance (English), until May 2016\n丝路大学联盟 (中文)");
    expect(text("founders")).toBe("Xi’an Jiaotong University · Founder");
    expect(text("declaredCounts")).toBe("Members: over 150\nFounding members: 47, as of October 2015");
    expect(text("introductionLocale")).toBe("中文");
  });

  it("in Chinese, with the fields' labels", () => {
    const lines = describeAuditDetails(proposed, "zh", t("zh")).map((l) => `${l.label}: ${l.value}`);
    expect(lines).toContain("创办机构: Xi’an Jiaotong University · 创建单位");
    expect(lines).toContain("公布的数量: 成员：超过150\n创始成员：47，截至2015年10月");
    for (const line of lines) expect(line).not.toMatch(/[{}]|\bnull\b|undefined/);
  });

  it("a count as stored (the audit row's replaced counts) and a source line read as they are", () => {
    const stored = [
      {
        subject: "MEMBERS",
        qualifier: "EXACTLY",
        value: 126,
        asOf: "2015-10-01T00:00:00.000Z",
        asOfPrecision: "MONTH",
      },
    ];
    expect(auditValueText("declaredCounts", stored, "en", t("en"))).toBe("Members: 126, as of October 2015");
    expect(auditValueText("founders", ["About the UASR · “Founded in 2015”"], "en", t("en"))).toBe(
      "About the UASR · “Founded in 2015”",
    );
    expect(auditValueText("founders", [], "en", t("en"))).toBe("—");
  });
});
