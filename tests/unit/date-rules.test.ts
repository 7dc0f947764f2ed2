import { describe, expect, it } from "vitest";
import { dateIssueText, issueText } from "@/i18n/date-issues";
import {
  checkPartialDate,
  formatPartialDate,
  isBeforeAtCoarser,
  isFutureDate,
  latestToday,
  parsePartialDate,
  type PartialDate,
} from "@/lib/shared/dates";
import { membershipValuesSchema } from "@/lib/validation/memberships";
import { organizationProposalSchema } from "@/lib/validation/organizations";

const at = (iso: string): PartialDate => parsePartialDate(iso)!;
// Sunday 29 November 2026, noon in London.
const now = new Date("2026-11-29T12:00:00Z");

describe("isFutureDate: a date is compared at its own precision", () => {
  it.each([
    ["2026", false],
    ["2027", true],
    ["2099-01-01", true],
    ["2026-11", false],
    ["2026-12", true],
    ["2026-10", false],
    ["2026-11-29", false],
    ["2026-11-30", false], // already 30 November east of UTC+12
    ["2026-12-01", true],
    ["1999-05-12", false],
  ])("%s on 29 Nov 2026 is in the future: %s", (iso, future) => {
    expect(isFutureDate(at(iso), now)).toBe(future);
  });

  it("counts a day as today while it is today anywhere (UTC+14), and no longer", () => {
    expect(latestToday(new Date("2026-11-29T09:59:59Z"))).toBe("2026-11-29");
    expect(latestToday(new Date("2026-11-29T10:00:00Z"))).toBe("2026-11-30");
    expect(isFutureDate(at("2026-11-30"), new Date("2026-11-29T09:00:00Z"))).toBe(true);
    expect(isFutureDate(at("2027"), new Date("2026-12-31T10:00:00Z"))).toBe(false);
  });
});

describe("isBeforeAtCoarser: a joined date against a founding date at the coarser precision", () => {
  it.each([
    ["2017", "2018-05", true],
    ["2018", "2018-05", false],
    ["2018-04", "2018-05-12", true],
    ["2018-05", "2018-05-12", false],
    ["2018-05-11", "2018-05-12", true],
    ["2018-05-12", "2018-05-12", false],
    ["2019-01-01", "2018", false],
    ["2018-12-31", "2018", false],
    ["2017-12-31", "2018", true],
  ])("joined %s, founded %s: before %s", (joined, founded, before) => {
    expect(isBeforeAtCoarser(at(joined), at(founded))).toBe(before);
  });
});

describe("checkPartialDate: the one reading the server and the preview share", () => {
  it.each([
    ["May 2018", "2018-05", "MONTH"],
    ["Nov 11, 2019", "2019-11-11", "DAY"],
    ["11 November 2019", "2019-11-11", "DAY"],
    ["2018年5月", "2018-05", "MONTH"],
    ["2019", "2019", "YEAR"],
    ["2018-05", "2018-05", "MONTH"],
    ["2019-11-11", "2019-11-11", "DAY"],
  ])("reads %j as %s (%s)", (text, iso, precision) => {
    expect(checkPartialDate(text, now)).toEqual({ ok: true, date: { iso, precision } });
  });

  it("gives null for a blank field, an unreadable issue for junk, a future issue for a future date", () => {
    expect(checkPartialDate("  ", now)).toEqual({ ok: true, date: null });
    expect(checkPartialDate("soon", now)).toMatchObject({
      ok: false,
      issue: { dateIssue: "unreadable", text: "soon" },
    });
    expect(checkPartialDate("Jan 1, 2099", now)).toMatchObject({
      ok: false,
      issue: { dateIssue: "future", date: { iso: "2099-01-01", precision: "DAY" } },
      message: "Jan 1, 2099 is in the future: give the date it happened.",
    });
  });

  it.each(["2016", "2018-05", "2019-11-11"])("reads back what a form shows for %s, in both languages", (iso) => {
    for (const locale of ["en", "zh"]) {
      const shown = formatPartialDate(at(iso), locale)!;
      expect(checkPartialDate(shown, now)).toEqual({ ok: true, date: at(iso) });
    }
  });
});

describe("the schemas refuse a future date, worded in the form's language", () => {
  const membership = (joined: string, ended = "") =>
    membershipValuesSchema.safeParse({
      role: "MEMBER",
      status: "ACTIVE",
      joined,
      ended,
      notes: "",
      sourceUrl: "https://example.org/page",
      sourceTitle: "",
      sourceQuote: "",
    });

  it("refuses 2099-01-01 as a joined date beside the field, in English and Chinese", () => {
    const parsed = membership("2099-01-01");
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    expect(issue.path).toEqual(["joined"]);
    expect(issueText(issue, "en")).toBe(
      "Jan 1, 2099 is in the future: give the date it happened, as your source writes it.",
    );
    expect(issueText(issue, "zh")).toBe("2099年1月1日是将来的日期：请按来源的写法填写实际发生的日期。");
  });

  it("refuses a future end date and a future founding date, and accepts this year", () => {
    expect(membership("2018", "2099").error?.issues[0]?.path).toEqual(["ended"]);
    expect(membership(String(new Date().getUTCFullYear())).success).toBe(true);
    const proposal = organizationProposalSchema.safeParse({
      nameEn: "Future Alliance",
      nameZh: "",
      acronym: "",
      kind: "ALLIANCE",
      founded: "Dec 2099",
      website: "",
      introduction: "",
      role: "MEMBER",
      joined: "",
      sourceUrl: "https://example.org/page",
      sourceTitle: "",
      sourceQuote: "",
    });
    expect(proposal.error?.issues.map((i) => i.path)).toEqual([["founded"]]);
  });

  it("words an unreadable date in both languages, and leaves other issues as written", () => {
    // The English text is the one parsePartialDate has always given (tests/e2e/journeys/approval.test.ts).
    const refused = checkPartialDate("Feb 30, 2020");
    expect(refused.ok).toBe(false);
    const english = dateIssueText({ dateIssue: "unreadable", text: "Feb 30, 2020" }, "en");
    expect(english).toBe(refused.ok ? null : refused.message);
    expect(english).toMatch(/^"Feb 30, 2020" is not a date: write a year/);
    expect(dateIssueText({ dateIssue: "unreadable", text: "soon" }, "zh")).toContain("“soon”不是有效的日期");
    expect(issueText({ message: "Choose a role." }, "zh")).toBe("Choose a role.");
  });
});
