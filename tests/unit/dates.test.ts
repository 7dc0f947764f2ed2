import { describe, expect, it, vi } from "vitest";
import {
  formatPartialDate,
  fromStoredDate,
  parsePartialDate,
  toStoredDate,
  yearOf,
  type PartialDate,
} from "@/lib/shared/dates";

describe("parsePartialDate", () => {
  it.each([
    // The forms the two seed pages use.
    ["Nov 11, 2019", "2019-11-11", "DAY"],
    ["July 9, 2021", "2021-07-09", "DAY"],
    ["May 2018", "2018-05", "MONTH"],
    ["October 2009", "2009-10", "MONTH"],
    ["2016", "2016", "YEAR"],
    // ISO forms.
    ["2019-11", "2019-11", "MONTH"],
    ["2019-11-11", "2019-11-11", "DAY"],
    // Chinese forms.
    ["2019年11月11日", "2019-11-11", "DAY"],
    ["2018年5月", "2018-05", "MONTH"],
    ["2016年", "2016", "YEAR"],
    // Day before month, abbreviations with a dot, ordinals.
    ["11 November 2019", "2019-11-11", "DAY"],
    ["Sept. 2019", "2019-09", "MONTH"],
    ["December 1st, 2018", "2018-12-01", "DAY"],
    ["2020-02-29", "2020-02-29", "DAY"],
  ] as const)("reads %j as %s at %s precision", (input, iso, precision) => {
    expect(parsePartialDate(input)).toEqual({ iso, precision });
  });

  it("ignores surrounding and repeated whitespace", () => {
    expect(parsePartialDate("  Nov   11,  2019 ")).toEqual({ iso: "2019-11-11", precision: "DAY" });
    expect(parsePartialDate("\tMay 2018\n")).toEqual({ iso: "2018-05", precision: "MONTH" });
  });

  it.each([[""], ["   "], ["\n\t"], [null], [undefined]])("gives null for blank input %j", (input) => {
    expect(parsePartialDate(input)).toBeNull();
  });

  it.each([
    ["Feb 30, 2020"], // no such day
    ["2019-02-29"], // not a leap year
    ["2019-13"], // no such month
    ["2019-00"],
    ["Smarch 2020"], // no such month name
    ["Ma 2019"], // too short to be a month
    ["hello"],
    ["99"], // a two-digit year is not a year
    ["0999"], // out of range
    ["2019/11/11"],
  ])("rejects %j with a RangeError that names the input and the accepted forms", (input) => {
    expect(() => parsePartialDate(input)).toThrow(RangeError);
    expect(() => parsePartialDate(input)).toThrow(`"${input}" is not a date`);
    expect(() => parsePartialDate(input)).toThrow(/a year \(2016\), a month \(May 2018\) or a day \(Nov 11, 2019\)/);
  });
});

describe("formatPartialDate", () => {
  const day: PartialDate = { iso: "2019-11-11", precision: "DAY" };
  const month: PartialDate = { iso: "2018-05", precision: "MONTH" };
  const year: PartialDate = { iso: "2016", precision: "YEAR" };

  it("shows each precision in English, never more precisely than given", () => {
    expect(formatPartialDate(day, "en")).toBe("Nov 11, 2019");
    expect(formatPartialDate(month, "en")).toBe("May 2018");
    expect(formatPartialDate(year, "en")).toBe("2016");
  });

  it("shows each precision in Chinese", () => {
    expect(formatPartialDate(day, "zh")).toBe("2019年11月11日");
    expect(formatPartialDate(month, "zh")).toBe("2018年5月");
    expect(formatPartialDate(year, "zh")).toBe("2016年");
  });

  it("never invents a month for a year, nor a day for a month", () => {
    for (const locale of ["en", "zh"]) {
      expect(formatPartialDate(year, locale)).not.toMatch(/Jan|1月|\b1\b/);
      expect(formatPartialDate(month, locale)).not.toMatch(/\b1\b|1日|,/);
    }
  });

  it("builds a formatter once per language and precision, not once per date (a long table formats hundreds)", () => {
    const built = vi.spyOn(Intl, "DateTimeFormat");
    try {
      for (let i = 0; i < 500; i++)
        for (const locale of ["en", "zh"]) for (const date of [day, month, year]) formatPartialDate(date, locale);
      expect(built.mock.calls.length).toBeLessThanOrEqual(6);
      // Each still answers in its own language and precision after the others were made.
      expect(formatPartialDate(day, "zh")).toBe("2019年11月11日");
      expect(formatPartialDate(month, "en")).toBe("May 2018");
    } finally {
      built.mockRestore();
    }
  });

  it("is not shifted by the time zone at the edges of a period", () => {
    expect(formatPartialDate({ iso: "2019-01-01", precision: "DAY" }, "en")).toBe("Jan 1, 2019");
    expect(formatPartialDate({ iso: "2009-10", precision: "MONTH" }, "en")).toBe("October 2009");
    expect(formatPartialDate({ iso: "2000", precision: "YEAR" }, "zh")).toBe("2000年");
  });

  it("gives null for no date", () => {
    expect(formatPartialDate(null, "en")).toBeNull();
  });

  it("round-trips what it parses", () => {
    for (const text of ["Nov 11, 2019", "May 2018", "2016"])
      expect(formatPartialDate(parsePartialDate(text), "en")).toBe(text);
    for (const text of ["2019年11月11日", "2018年5月", "2016年"])
      expect(formatPartialDate(parsePartialDate(text), "zh")).toBe(text);
  });
});

describe("toStoredDate / fromStoredDate", () => {
  it("stores the first day of the period at UTC midnight, with the precision", () => {
    expect(toStoredDate({ iso: "2019-11-11", precision: "DAY" })).toEqual({
      date: new Date("2019-11-11T00:00:00.000Z"),
      precision: "DAY",
    });
    expect(toStoredDate({ iso: "2018-05", precision: "MONTH" })).toEqual({
      date: new Date("2018-05-01T00:00:00.000Z"),
      precision: "MONTH",
    });
    expect(toStoredDate({ iso: "2016", precision: "YEAR" })).toEqual({
      date: new Date("2016-01-01T00:00:00.000Z"),
      precision: "YEAR",
    });
  });

  it.each([
    { iso: "2019-11-11", precision: "DAY" },
    { iso: "2021-07-09", precision: "DAY" },
    { iso: "2018-05", precision: "MONTH" },
    { iso: "2009-10", precision: "MONTH" },
    { iso: "2016", precision: "YEAR" },
  ] as PartialDate[])("round-trips $iso ($precision)", (date) => {
    const { date: stored, precision } = toStoredDate(date);
    expect(fromStoredDate(stored, precision)).toEqual(date);
  });

  it("cuts a stored date to its precision", () => {
    const d = new Date("2019-11-11T00:00:00.000Z");
    expect(fromStoredDate(d, "YEAR")).toEqual({ iso: "2019", precision: "YEAR" });
    expect(fromStoredDate(d, "MONTH")).toEqual({ iso: "2019-11", precision: "MONTH" });
    expect(fromStoredDate(d, "DAY")).toEqual({ iso: "2019-11-11", precision: "DAY" });
  });

  it("gives null when the date or the precision is missing", () => {
    expect(fromStoredDate(null, "DAY")).toBeNull();
    expect(fromStoredDate(new Date("2019-11-11T00:00:00.000Z"), null)).toBeNull();
  });
});

describe("yearOf", () => {
  it("gives the year at every precision, and null for no date", () => {
    expect(yearOf({ iso: "2019-11-11", precision: "DAY" })).toBe(2019);
    expect(yearOf({ iso: "2018-05", precision: "MONTH" })).toBe(2018);
    expect(yearOf({ iso: "2016", precision: "YEAR" })).toBe(2016);
    expect(yearOf(null)).toBeNull();
  });
});
