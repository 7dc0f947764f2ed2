import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import {
  CITATION_ANSWERS,
  MEMBERSHIP_FACTS,
  changedFacts,
  citationErrors,
  isSameCitation,
  seenOnDate,
} from "@/lib/shared/fact-sources";

const seedPage = {
  sourceUrl: "https://jsc.njmu.edu.cn/gjzz/list.htm",
  sourceTitle: "NMU international organizations",
  sourceQuote: "May 2018, Founding Member",
};

describe("the source of a changed fact", () => {
  it("a changed fact needs a source and a passage of its own, not the very ones the current value rests on", () => {
    expect(citationErrors(true, { ...seedPage, sourceQuote: " may 2018,  founding member " }, [seedPage])).toEqual({
      sourceQuote: [CITATION_ANSWERS.sameSourceAsNow],
    });
    expect(citationErrors(true, { sourceUrl: null, sourceTitle: null, sourceQuote: null }, [seedPage])).toEqual({
      sourceUrl: [CITATION_ANSWERS.citeNewSource],
      sourceQuote: [CITATION_ANSWERS.quoteNewSource],
    });
    // The same page may state the new value in another passage (the page was updated).
    expect(citationErrors(true, { ...seedPage, sourceQuote: "May 12, 2018, Founding Member" }, [seedPage])).toEqual({});
    // Nothing is asked of a change of the notes alone.
    expect(citationErrors(false, { sourceUrl: null, sourceTitle: null, sourceQuote: null }, [seedPage])).toEqual({});
  });

  it("the answers are the catalogue's, so the forms give them in the reader's language", () => {
    for (const [key, text] of Object.entries(CITATION_ANSWERS))
      expect(en.validation.answers[key as keyof typeof en.validation.answers]).toBe(text);
  });

  it("facts are role, status and dates; the notes are not one", () => {
    const before = { role: "MEMBER", status: "ACTIVE", joined: { iso: "2018-05" }, ended: null, notes: "a" };
    expect(changedFacts(MEMBERSHIP_FACTS, before, { ...before, notes: "b" })).toEqual([]);
    expect(changedFacts(MEMBERSHIP_FACTS, before, { ...before, joined: { iso: "2018-05-12" } })).toEqual(["joined"]);
    expect(isSameCitation(seedPage, { ...seedPage, sourceUrl: "https://example.org" })).toBe(false);
  });

  it("the seen date is the day the proposer read the source, else the fallback's day (never a time of day)", () => {
    const approvedAt = new Date("2026-11-29T15:30:00Z");
    expect(seenOnDate({ iso: "2026-11-20", precision: "DAY" }, approvedAt).toISOString()).toBe(
      "2026-11-20T00:00:00.000Z",
    );
    expect(seenOnDate("2026-11", approvedAt).toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(seenOnDate(null, new Date("2026-10-01T23:59:00Z")).toISOString()).toBe("2026-10-01T00:00:00.000Z");
  });
});
