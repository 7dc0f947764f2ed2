import { describe, expect, it } from "vitest";
import { formatMemberCursor, memberCursorSchema, readCursorParam } from "@/lib/validation/members";

describe("member page links (keyset cursors)", () => {
  it("read back what they write", () => {
    for (const c of [
      { joinedOn: "2019-05-01", slug: "nanjing-medical-university" },
      { joinedOn: null, slug: "cuhk" },
    ]) {
      expect(memberCursorSchema.parse(formatMemberCursor(c))).toEqual(c);
    }
  });

  it("refuse anything else with a message", () => {
    for (const bad of [
      "",
      "2019-05-01",
      "2019-13-45~x",
      "2019-02-30~x",
      "yesterday~x",
      "2019-05-01~Bad Slug",
      "2019-05-01~x'; drop",
      `2019-05-01~${"a".repeat(200)}`,
    ]) {
      const r = memberCursorSchema.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/page link/);
    }
  });

  it("as a page's after parameter: none is the first page, the first of several is read, a bad one says why", () => {
    expect(readCursorParam(undefined)).toEqual({ after: null, error: null });
    expect(readCursorParam(["unknown~cuhk", "2019-05-01~x"])).toEqual({
      after: { joinedOn: null, slug: "cuhk" },
      error: null,
    });
    expect(readCursorParam("2019-02-30~x")).toEqual({
      after: null,
      error: "That page link names an impossible date.",
    });
  });
});
