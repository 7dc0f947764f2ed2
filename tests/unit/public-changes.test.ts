// The changes stream's pure parts: which stored values are public, the `since` parameter, and the Atom text.
import { describe, expect, it } from "vitest";
import { publicChangeSource, publicChangeValues } from "@/lib/shared/public-change-fields";
import { atomFeedXml, changeSummary, changeTitle, xmlText } from "@/lib/open-data/atom";
import { encodeCursor } from "@/lib/open-data/cursor";
import { parseQuery } from "@/lib/open-data/http";
import { ValidationError } from "@/lib/shared/errors";
import { apiChangesQuerySchema } from "@/lib/validation/api";
import type { PublicChange } from "@/lib/shared/types/changes";

const url = (since: string) => `http://atlas.test/api/v1/changes?since=${encodeURIComponent(since)}`;

describe("public values of an audit row", () => {
  it("keeps a membership's facts and source, drops account ids, e-mail addresses and unknown keys", () => {
    const values = publicChangeValues("membership.update", {
      role: "MEMBER",
      joined: { iso: "2016", precision: "YEAR" },
      notes: "Founding member",
      sourceUrl: "https://example.org",
      email: "staff@njmu.test",
      institutionId: "cuid-institution",
      proposedById: "cuid-user",
    });
    expect(values).toEqual({
      role: "MEMBER",
      joined: { iso: "2016", precision: "YEAR" },
      notes: "Founding member",
      sourceUrl: "https://example.org",
    });
  });

  it("names an organization's founders without their institutions' internal ids; citations keep only texts", () => {
    const values = publicChangeValues("organization.update", {
      founders: [{ institutionId: "cuid-1", name: "Nanjing Medical University", role: "FOUNDER" }],
      emailDomains: ["njmu.edu.cn"],
      role: "MEMBER",
      sources: { founders: { sourceUrl: "https://example.org/f", sourceQuote: "founded by", reviewer: "x" } },
    });
    expect(values).toEqual({
      founders: [{ name: "Nanjing Medical University", role: "FOUNDER" }],
      sources: { founders: { sourceUrl: "https://example.org/f", sourceQuote: "founded by" } },
    });
    expect(publicChangeSource(values)).toEqual({
      title: null,
      url: "https://example.org/f",
      quote: "founded by",
      seenOn: null,
    });
  });

  it("a side with nothing public is null", () => {
    expect(publicChangeValues("institution.create", { email: "a@b.test" })).toBeNull();
    expect(publicChangeValues("institution.create", null)).toBeNull();
  });
});

describe("the since parameter", () => {
  it("takes a day, a time with its zone, or a cursor the stream issued", () => {
    expect(parseQuery(apiChangesQuerySchema, url("2026-11-30")).since).toEqual({
      since: new Date("2026-11-30T00:00:00Z"),
    });
    expect(parseQuery(apiChangesQuerySchema, url("2026-11-30T08:00:00+08:00")).since).toEqual({
      since: new Date("2026-11-30T00:00:00Z"),
    });
    expect(parseQuery(apiChangesQuerySchema, url(encodeCursor(["12", "345"]))).since).toEqual({
      after: { tx: "12", id: "345" },
    });
  });

  it.each(["yesterday", "2026-13-45", "30/11/2026", "2026-11-30T08:00", encodeCursor(["nanjing", "x"])])(
    "refuses %s with a message that says what it takes",
    (since) => {
      expect(() => parseQuery(apiChangesQuerySchema, url(since))).toThrow(ValidationError);
      expect(() => parseQuery(apiChangesQuerySchema, url(since))).toThrow(/since must be an ISO 8601 date or time/);
    },
  );
});

const change: PublicChange = {
  id: "42",
  position: { tx: "7", id: "42" },
  event: "membership.update",
  at: "2026-11-30T08:00:00.000Z",
  record: {
    type: "membership",
    id: "m1",
    name: "Nanjing Medical University in BRIMEA <&>",
    institution: { slug: "nmu", name: "NMU", pageUrl: "http://atlas.test/en/institutions/nmu", apiUrl: "/api" },
    organization: { slug: "b", name: "BRIMEA", pageUrl: "http://atlas.test/en/organizations/b", apiUrl: "/api" },
    pageUrl: "http://atlas.test/en/institutions/nmu",
    apiUrl: "http://atlas.test/api/v1/memberships?institution=nmu&organization=b",
  },
  before: { role: "MEMBER", joined: null },
  after: { role: "MEMBER", joined: { iso: "2016-03", precision: "MONTH" }, sourceTitle: "News" },
  source: { title: "News", url: null, quote: "joined in March 2016", seenOn: null },
};

describe("Atom text", () => {
  it("titles an update by what changed and summarises before and after in English", () => {
    expect(changeTitle(change)).toBe(
      "Nanjing Medical University in BRIMEA <&>: membership updated (joined, source title)",
    );
    expect(changeSummary(change)).toContain("joined: none → 2016-03");
    expect(changeSummary(change)).toContain("Source: News — “joined in March 2016”");
  });

  it("escapes markup and drops characters XML cannot hold", () => {
    expect(xmlText('a<b>&"\u0001c')).toBe("a&lt;b&gt;&amp;&quot;c");
    const xml = atomFeedXml(
      "http://atlas.test:3000",
      { path: "/feeds/changes.atom", key: "changes", title: "All", pageUrl: "http://atlas.test/en/data" },
      [change],
      new Date("2026-01-01T00:00:00Z"),
    );
    expect(xml).toContain("<id>tag:atlas.test,2026:changes/42</id>");
    expect(xml).toContain("<updated>2026-11-30T08:00:00.000Z</updated>");
    expect(xml).toContain("memberships?institution=nmu&amp;organization=b");
    expect(xml).not.toContain("<&>");
  });
});
