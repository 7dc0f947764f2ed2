// The admin history and the review diff name every stored field through AUDIT_FIELD_MESSAGES and show enum codes
// by their labels, in both languages: on /zh no field key ("joined", "institutionId") and no JSON. A field the
// data layer writes without a label fails here, not silently on the page.
import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { AUDIT_FIELD_MESSAGES, auditFieldMessage } from "@/lib/shared/audit-fields";
import type { AuditEventName } from "@/lib/shared/audit-events";
import { describeAuditDetails, type DetailLine } from "@/lib/shared/audit-details";
import { DIFF_FIELDS } from "@/lib/data/change-requests/diff";
import {
  adminCreateInstitutionSchema,
  institutionProfileSchema,
  profileCitationSchema,
} from "@/lib/validation/institutions";
import {
  adminCreateOrganizationSchema,
  adminOrganizationValuesSchema,
  organizationProposalSchema,
} from "@/lib/validation/organizations";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

const CJK = /[\u4e00-\u9fff]/;
const enFields: Record<string, string> = en.auditDetails.fields;
const zhFields: Record<string, string> = zh.auditDetails.fields;
const translators = {
  en: createTranslator({ locale: "en", messages: en }),
  zh: createTranslator({ locale: "zh", messages: zh }),
};
const translate = (locale: "en" | "zh") => (key: string) => translators[locale](key as never);

/**
 * What each event stores as its values, as lib/data writes them (the literal keys of recordAudit's `after`):
 * typed over every event, so a new event needs its sample here.
 */
const SAMPLES: Record<AuditEventName, Record<string, unknown> | null> = {
  "membership.create": null,
  "membership.update": null,
  "membership.end": null,
  "membership.confirm": { confirmedAt: "2026-11-29T15:09:41.000Z" },
  // An admin's record of the organization's confirmation, or an approved secretariat statement of the organization's
  // side, which also keeps the facts it states (lib/data/organization-side/apply-statement.ts).
  "membership.corroborate": {
    organizationConfirmedAt: "2026-11-29T15:09:41.000Z",
    role: "MEMBER",
    status: "ACTIVE",
    joined: "2016",
    ended: null,
    sourceUrl: "https://example.org/members",
    sourceTitle: null,
    sourceQuote: "Members include the university.",
    sourceSeenOn: "2026-11-29",
  },
  "membership.reread": { sourceSeenOn: "2026-11-29" },
  "institution.create": {
    nameEn: "Hong Kong Test University",
    nameZh: null,
    city: "Hong Kong",
    website: null,
    rorId: null,
    wikidataId: null,
    kind: "UNIVERSITY",
    country: "HK",
  },
  "institution.update": {
    nameEn: "Nanjing Medical University",
    city: "Nanjing",
    sources: { city: { sourceUrl: "https://example.org", sourceTitle: null, sourceQuote: "In Nanjing." } },
  },
  "organization.create": {
    nameEn: "Test Alliance",
    kind: "ALLIANCE",
    founded: { iso: "2019-11-11", precision: "DAY" },
    role: "FOUNDING_MEMBER",
    joined: { iso: "2019", precision: "YEAR" },
  },
  "organization.update": { nameEn: "Test Alliance", kind: "NETWORK", wikidataId: "Q42" },
  "organization.email-domains": { emailDomains: ["uasr.org", "xjtu.edu.cn"] },
  "change.reject": { reason: "No source." },
  "change.merge": { organization: "eurasia-pacific-uninet", membershipId: "m1", outcome: "MEMBERSHIP_UPDATED" },
  "discrepancy.dismiss": { kind: "JOINED_BEFORE_FOUNDED", subject: "m1", facts: "3", reason: "Checked." },
  "discrepancy.restore": null,
  "user.invite": { email: "new@atlas.test", role: "STAFF", staffRole: "MANAGER", institutionId: "i1" },
  "user.access": { role: "STAFF", staffRole: "EDITOR", institutionId: null, disabled: false },
  "user.password": null,
  "user.staff-role": { staffRole: "MANAGER" },
  "user.remove": { institutionId: null, disabled: true },
  "user.leave": { institutionId: null, disabled: true },
  "user.claim-approve": { staffRole: "EDITOR", organizationId: "o1", domainVerified: true },
  "user.claim-reject": { disabled: true },
  "user.admin-from-shell": { email: "root@atlas.test", role: "ADMIN" },
  "user.disable-from-shell": { disabled: true, password: "removed" },
  "correction.suggest": { sourceUrl: "https://example.org/about" },
  "correction.close": { reason: "The page already says this." },
  "correction.in-review": null,
  "user.address-reverify": { confirmedAt: "2026-11-30T02:00:00.000Z" },
};

const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);

/** Every field a history entry or a review can show: the schemas' keys, the membership diff's, the samples'. */
const WRITTEN = [
  ...DIFF_FIELDS,
  ...keysOf(institutionProfileSchema),
  ...keysOf(profileCitationSchema),
  ...keysOf(adminCreateInstitutionSchema).filter((k) => k !== "values"),
  ...keysOf(organizationProposalSchema),
  ...keysOf(adminOrganizationValuesSchema),
  ...keysOf(adminCreateOrganizationSchema.shape.values),
  ...Object.values(SAMPLES).flatMap((s) => (s ? Object.keys(s) : [])),
];

const flat = (lines: DetailLine[]): DetailLine[] => lines.flatMap((l) => [l, ...flat(l.children ?? [])]);

describe("audit field labels", () => {
  it.each([...new Set(WRITTEN)])("%s has a label in English and in Chinese", (field) => {
    const message = auditFieldMessage(field);
    expect(message, `${field} has no entry in AUDIT_FIELD_MESSAGES`).not.toBeNull();
    expect(enFields[message!]).toMatch(/^[A-Z]/);
    expect(zhFields[message!]).toMatch(CJK);
  });

  it("every label in the map exists in both languages, and no two fields share one", () => {
    for (const message of Object.values(AUDIT_FIELD_MESSAGES)) {
      expect(enFields[message], message).toBeTruthy();
      expect(zhFields[message], message).toMatch(CJK);
    }
    expect(Object.keys(enFields).sort()).toEqual(Object.keys(zhFields).sort());
    expect(new Set(Object.values(zhFields)).size).toBe(Object.keys(zhFields).length);
  });

  it("a key the portal does not write has no label (the page shows “Other field”, and the test above fails)", () => {
    expect(auditFieldMessage("joinedOn")).toBeNull();
    expect(auditFieldMessage("toString")).toBeNull();
    const [line] = describeAuditDetails({ websiteQuote: "x" }, "zh", translate("zh"));
    expect(line?.label).toBeNull();
  });
});

describe("audit details as a labelled list", () => {
  it.each(Object.entries(SAMPLES).filter(([, s]) => s !== null))(
    "%s reads in Chinese with no field key, code or brace",
    (_event, sample) => {
      const lines = flat(describeAuditDetails(sample!, "zh", translate("zh")));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        expect(line.label, line.field).toMatch(CJK);
        expect(line.value).not.toMatch(/[{}]|\b[A-Z]{2,}_[A-Z_]+\b/);
        expect(line.value).not.toBe(line.field);
      }
    },
  );

  it("shows codes, dates, moments and countries as people read them, in Chinese", () => {
    const t = translate("zh");
    const text = (values: Record<string, unknown>) =>
      flat(describeAuditDetails(values, "zh", t)).map((l) => `${l.label}: ${l.value}`);
    expect(text(SAMPLES["institution.create"]!)).toEqual([
      "英文名称: Hong Kong Test University",
      "中文名称: —",
      "类型: 大学",
      "国家或地区: 中国香港",
      "城市: Hong Kong",
      "网站: —",
      "ROR 标识: —",
      "Wikidata 条目: —",
    ]);
    // PostgreSQL's jsonb keeps no key order: the list's order is the map's, whatever order the keys come in.
    const reversed = Object.fromEntries(Object.entries(SAMPLES["institution.create"]!).reverse());
    expect(text(reversed)).toEqual(text(SAMPLES["institution.create"]!));
    expect(text(SAMPLES["organization.create"]!)).toEqual([
      "英文名称: Test Alliance",
      "类型: 联盟",
      "成立时间: 2019年11月11日",
      "身份: 创始成员",
      "加入时间: 2019年",
    ]);
    expect(text(SAMPLES["user.access"]!)).toEqual([
      "身份: 大学工作人员",
      "工作人员角色: 编辑",
      "所属机构: —",
      "已停用: 否",
    ]);
    expect(text(SAMPLES["user.disable-from-shell"]!)).toEqual(["已停用: 是", "密码: 已移除"]);
    expect(text(SAMPLES["membership.confirm"]!)).toEqual(["确认时间: 2026-11-29 15:09 UTC"]);
    expect(text(SAMPLES["change.merge"]!)).toContain("结果: 已更新现有成员资格");
    expect(text(SAMPLES["discrepancy.dismiss"]!)).toContain("类型: 加入时间早于组织成立时间");
  });

  it("nests the citations of an institution's changed facts under the field they support", () => {
    const [, , sources] = describeAuditDetails(SAMPLES["institution.update"]!, "en", translate("en"));
    expect(sources?.label).toBe("Sources of the changed facts");
    expect(sources?.children?.[0]?.label).toBe("City");
    expect(sources?.children?.[0]?.children?.map((l) => `${l.label}: ${l.value}`)).toEqual([
      "Source address: https://example.org",
      "Source title: —",
      "Quoted passage: In Nanjing.",
    ]);
  });

  it("reads in English with the site's country names", () => {
    const lines = describeAuditDetails(SAMPLES["institution.create"]!, "en", translate("en"));
    expect(lines.map((l) => `${l.label}: ${l.value}`)).toContain("Country or region: Hong Kong SAR");
    expect(lines.map((l) => `${l.label}: ${l.value}`)).toContain("Type: University");
  });
});
