// What a table's server component hands its client rows (components/ui/view-facts.ts): a name marked with its language
// only where it is not the page's, a date in the page's words at its source's precision, and a key only where the
// row has a value, since every key of every row is in the page's payload.
import { describe, expect, it } from "vitest";
import { dateView, namedView, present } from "@/components/ui/view-facts";

describe("a row's pieces", () => {
  it("marks a name's language only where it is not the page's", () => {
    expect(namedView("Nanjing Medical University", "en")).toEqual({ name: "Nanjing Medical University" });
    expect(namedView("南京医科大学", "zh")).toEqual({ name: "南京医科大学" });
    expect(namedView("Nanjing Medical University", "zh")).toEqual({ name: "Nanjing Medical University", lang: "en" });
    expect(namedView("南京医科大学", "en")).toEqual({ name: "南京医科大学", lang: "zh" });
  });

  it("writes a date at its source's precision, in the page's language, with its machine-readable value", () => {
    expect(dateView({ iso: "2012", precision: "YEAR" }, "en")).toEqual({ iso: "2012", text: "2012" });
    expect(dateView({ iso: "2021-07-09", precision: "DAY" }, "en")).toEqual({ iso: "2021-07-09", text: "Jul 9, 2021" });
    expect(dateView({ iso: "2021-07", precision: "MONTH" }, "zh")).toEqual({ iso: "2021-07", text: "2021年7月" });
  });

  it("gives a key only where there is a value: no undefined key travels in the payload", () => {
    const row = { slug: "a", ...present("status", false), ...present("notes", null), ...present("acronym", undefined) };
    expect(Object.keys(row)).toEqual(["slug"]);
    expect(JSON.stringify(row)).toBe('{"slug":"a"}');
    expect({ ...present("status", "Suspended"), ...present("sources", [1, 2]) }).toEqual({
      status: "Suspended",
      sources: [1, 2],
    });
    // An empty text or a zero is a value: the caller decides what counts as nothing.
    expect({ ...present("acronym", ""), ...present("count", 0) }).toEqual({ acronym: "", count: 0 });
  });
});
