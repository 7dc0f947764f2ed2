// A membership's periods (left, then rejoined): the rules the form, the data layer and the exports share, the
// form's text field, the words on the pages, and one QuickStatements statement per period.
import { describe, expect, it } from "vitest";
import type { PartialDate } from "@/lib/shared/dates";
import {
  formatPeriods,
  keepEndedPeriod,
  periodErrors,
  periodInForce,
  type PeriodWords,
} from "@/lib/shared/membership-periods";
import { formerPeriodsAsText, formerPeriodsText } from "@/lib/validation/membership-periods";
import { membershipUpdateValuesSchema } from "@/lib/validation/memberships";
import { quickStatementLines, toQuickStatements } from "@/lib/open-data/quickstatements";
import { PERIODS_PATTERN, periodsCell } from "@/lib/open-data/tables";

const y = (iso: string): PartialDate => ({
  iso,
  precision: iso.length === 4 ? "YEAR" : iso.length === 7 ? "MONTH" : "DAY",
});
const now = new Date("2026-11-30T12:00:00Z");

describe("periodErrors", () => {
  it("accepts ordered, separate periods before the current one, compared at the coarser precision", () => {
    expect(periodErrors([{ joined: y("2005"), ended: y("2012") }], { joined: y("2019") }, now)).toEqual([]);
    // Left in 2012, rejoined in November 2012: a year and a month of it never overlap.
    expect(
      periodErrors(
        [
          { joined: null, ended: y("2001") },
          { joined: y("2005-03"), ended: y("2012") },
        ],
        { joined: y("2012-11") },
        now,
      ),
    ).toEqual([]);
  });

  it("refuses overlapping, out-of-order, reversed, future and after-current periods, each named", () => {
    expect(
      periodErrors(
        [
          { joined: y("2005"), ended: y("2012") },
          { joined: y("2010"), ended: y("2014") },
        ],
        { joined: y("2019") },
        now,
      ),
    ).toEqual(["Period 2: it begins before the period above it ended."]);
    expect(
      periodErrors(
        [
          { joined: y("2010"), ended: y("2012") },
          { joined: y("2001"), ended: y("2003") },
        ],
        { joined: y("2019") },
        now,
      ),
    ).toEqual(["Period 2: list the periods from the earliest to the latest."]);
    expect(periodErrors([{ joined: y("2012"), ended: y("2005") }], { joined: null }, now)).toEqual([
      "Period 1: it ends before it begins.",
    ]);
    expect(periodErrors([{ joined: y("2005"), ended: y("2027") }], { joined: null }, now)).toEqual([
      "Period 1: 2027 is in the future: give the date it happened.",
    ]);
    expect(periodErrors([{ joined: y("2005"), ended: y("2020") }], { joined: y("2019") }, now)).toEqual([
      "Period 1: an earlier period must end before the current one began.",
    ]);
    expect(
      periodErrors(
        [
          { joined: y("2001"), ended: y("2003") },
          { joined: null, ended: y("2008") },
        ],
        { joined: y("2019") },
        now,
      ),
    ).toEqual(["Period 2: only the earliest period may have an unknown start."]);
  });
});

describe("left, then rejoined (keepEndedPeriod)", () => {
  const ended = { joined: y("2005"), ended: y("2012") };

  it("keeps the ended period when the new joined date comes after it", () => {
    expect(keepEndedPeriod(ended, { joined: y("2019") })).toEqual([{ joined: y("2005"), ended: y("2012") }]);
    // Already typed in by the proposer: not twice.
    expect(keepEndedPeriod(ended, { joined: y("2019"), formerPeriods: [ended] })).toEqual([ended]);
  });

  it("reads a joined date within the end's year, or a membership that never ended, as a correction", () => {
    expect(keepEndedPeriod(ended, { joined: y("2012-09") })).toEqual([]);
    expect(keepEndedPeriod({ joined: y("2005"), ended: null }, { joined: y("2019") })).toEqual([]);
    expect(keepEndedPeriod(ended, { joined: null })).toEqual([]);
  });
});

describe("the form's earlier periods field", () => {
  it("reads one period a line, at each date's precision, an unknown start allowed", () => {
    const parsed = formerPeriodsText.parse("2005 – 2012\n\nMay 2013 - 2014-06\n");
    expect(parsed).toEqual([
      { joined: y("2005"), ended: y("2012") },
      { joined: y("2013-05"), ended: y("2014-06") },
    ]);
    expect(formerPeriodsText.parse("– 2001")).toEqual([{ joined: null, ended: y("2001") }]);
    expect(formerPeriodsText.parse("2005年 至 2012年")).toEqual([{ joined: y("2005"), ended: y("2012") }]);
    expect(formerPeriodsAsText(parsed)).toBe("2005 – 2012\n2013-05 – 2014-06");
    expect(formerPeriodsText.parse(formerPeriodsAsText(parsed))).toEqual(parsed);
  });

  it("refuses a line without an end, or with a date it cannot read, naming the line", () => {
    const r = formerPeriodsText.safeParse("2005 – 2012\n2015 –");
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      "Line 2: write a period as its start and end, such as 2005 – 2012 or May 2005 – Jun 2012.",
    ]);
    expect(formerPeriodsText.safeParse("2005 – soon").success).toBe(false);
  });

  it("the membership schema puts period errors beside the field", () => {
    const r = membershipUpdateValuesSchema.safeParse({
      role: "MEMBER",
      status: "ACTIVE",
      joined: "2010",
      ended: "",
      notes: "",
      sourceUrl: "",
      sourceTitle: "",
      sourceQuote: "",
      formerPeriods: "2005 – 2012",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["formerPeriods", "Period 1: an earlier period must end before the current one began."],
    ]);
  });
});

describe("periods in words", () => {
  const en: PeriodWords = {
    range: (a, b) => `${a}–${b}`,
    since: (a) => `since ${a}`,
    until: (b) => `until ${b}`,
    separator: ", ",
  };
  const zh: PeriodWords = {
    range: (a, b) => `${a}–${b}`,
    since: (a) => `${a}起`,
    until: (b) => `至${b}`,
    separator: "，",
  };
  const periods = [
    { joined: y("2005"), ended: y("2012") },
    { joined: y("2019"), ended: null },
  ];
  it("gives every period at its precision, the current one last", () => {
    expect(formatPeriods(periods, "en", en)).toBe("2005–2012, since 2019");
    expect(formatPeriods(periods, "zh", zh)).toBe("2005年–2012年，2019年起");
    expect(formatPeriods([{ joined: null, ended: y("2001-03") }], "en", en)).toBe("until March 2001");
  });
});

describe("QuickStatements: one statement per period, each with its references", () => {
  const m = {
    institutionQid: "Q1",
    organizationQid: "Q2",
    role: "MEMBER",
    joined: y("2019"),
    ended: null,
    references: ["https://example.org/members", null, "https://example.org/members"],
    formerPeriods: [{ joined: y("2005-05"), ended: y("2012"), references: ["https://example.org/history"] }],
  };

  it("writes each period with its own start and end, and one line per distinct reference", () => {
    expect(quickStatementLines(m)).toEqual([
      "Q1|P463|Q2|P580|+2005-05-00T00:00:00Z/10|P582|+2012-00-00T00:00:00Z/9|" +
        'S854|"https://example.org/history" /* Alliance Atlas: period 1 of 2 */',
      'Q1|P463|Q2|P580|+2019-00-00T00:00:00Z/9|S854|"https://example.org/members" /* Alliance Atlas: period 2 of 2 */',
    ]);
  });

  it("writes a one-period membership as before, a reference per line, no summary; no address, no reference", () => {
    const one = { ...m, formerPeriods: [], references: ["https://a.example/x", "https://b.example/y"] };
    expect(quickStatementLines(one)).toEqual([
      'Q1|P463|Q2|P580|+2019-00-00T00:00:00Z/9|S854|"https://a.example/x"',
      'Q1|P463|Q2|P580|+2019-00-00T00:00:00Z/9|S854|"https://b.example/y"',
    ]);
    expect(quickStatementLines({ ...one, references: [null, 'https://x.example/"|P31|Q5'] })).toEqual([
      "Q1|P463|Q2|P580|+2019-00-00T00:00:00Z/9",
    ]);
  });

  it("puts the memberships of several periods after the others, to be checked", () => {
    const single = { ...m, organizationQid: "Q3", formerPeriods: [], references: [] };
    const lines = toQuickStatements([m, single]).trim().split("\n");
    expect(lines[0]).toBe("Q1|P463|Q3|P580|+2019-00-00T00:00:00Z/9");
    expect(lines.slice(1).every((l) => l.includes("period"))).toBe(true);
  });
});

describe("the periods CSV column", () => {
  it("writes ISO 8601 intervals at each date's precision, held to its Table Schema pattern", () => {
    const cell = periodsCell({
      periods: [
        { joined: null, ended: y("2001"), current: false, source: null },
        { joined: y("2005-05"), ended: y("2012-03-01"), current: false, source: null },
        { joined: y("2019"), ended: null, current: true, source: null },
      ],
    });
    expect(cell).toBe("../2001;2005-05/2012-03-01;2019/..");
    expect(new RegExp(PERIODS_PATTERN).test(cell)).toBe(true);
    expect(new RegExp(PERIODS_PATTERN).test("2019")).toBe(false);
  });
});

describe("the period in force on a day", () => {
  it("finds an earlier period, the current one, or none between them", async () => {
    const { inForceOn } = await import("@/lib/shared/affiliation-match");
    const periods = [
      { joined: y("2005"), ended: y("2012-06") },
      { joined: y("2019-09"), ended: null },
    ];
    expect(periodInForce(periods, "2008-05-01", inForceOn)).toBe(periods[0]);
    expect(periodInForce(periods, "2015-05-01", inForceOn)).toBeNull();
    expect(periodInForce(periods, "2012-06-01", inForceOn)).toBeNull();
    expect(periodInForce(periods, "2020-01-01", inForceOn)).toBe(periods[1]);
  });
});
