import { describe, expect, it } from "vitest";
import { parseOrganizationSearch } from "@/lib/validation/search";
import { isRecordId } from "@/lib/validation/input";

describe("junk in URLs", () => {
  it("search text with a control character is reported and left out, not sent to the database", () => {
    const { search, errors } = parseOrganizationSearch({ q: "abc\u0000", page: "1" });
    expect(search.q).toBeUndefined();
    expect(errors).toEqual(["q: Search text cannot contain control characters."]);
  });

  it("record ids in URLs have the shape of an id", () => {
    expect(isRecordId("cmwtspk33003m487dwmftdqy5")).toBe(true);
    for (const bad of ["", "a\u0000b", "../x", "x".repeat(41), "' OR 1=1", "%00"])
      expect(isRecordId(bad), bad).toBe(false);
  });
});
