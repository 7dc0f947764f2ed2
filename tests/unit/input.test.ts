import { describe, expect, it } from "vitest";
import { controlCharacterErrors } from "@/lib/validation/input";

describe("controlCharacterErrors", () => {
  it("names every field holding a control character, nested ones by their dotted path", () => {
    const errors = controlCharacterErrors({
      body: "abc\u0000def",
      values: { notes: "bell\u0007", city: "Nanjing" },
      ok: "tab\tnew\nline\r\n",
    });
    expect(Object.keys(errors).sort()).toEqual(["body", "values.notes"]);
    expect(errors.body![0]).toMatch(/control characters/);
  });

  it("refuses half of a surrogate pair (PostgreSQL cannot store it), but not a whole emoji", () => {
    const errors = controlCharacterErrors({ comment: "\udfff lone", ok: "🙂 whole", cut: "cut \ud83d" });
    expect(Object.keys(errors).sort()).toEqual(["comment", "cut"]);
    expect(errors.comment![0]).toMatch(/broken character/);
  });

  it("passes clean input, other types and tab/newline", () => {
    expect(controlCharacterErrors({ a: "Nanjing 南京 𝕏", b: 1, c: null, d: ["x"], e: "line\nbreak\ttab" })).toEqual({});
    expect(controlCharacterErrors("\u0000")).toEqual({ _form: [expect.any(String)] });
  });
});
