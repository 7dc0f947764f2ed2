// What the record pages say: sources numbered once under a table, founders merged with their roles, and texts
// cut at a word (a teaser, a JSON-LD description) rather than inside one.
import { describe, expect, it } from "vitest";
import { numberCitations } from "@/lib/shared/citations";
import { cutAtWord, fitsWhole } from "@/lib/shared/cut-text";
import { mergeRoles } from "@/lib/shared/founders";
import type { SourceRef } from "@/lib/shared/types/memberships";
import type { OrganizationProfile } from "@/lib/shared/types/organizations";
import { organizationJsonLd } from "@/lib/seo/json-ld";
import { textLanguage } from "@/lib/shared/text-language";

const nmu = (quote: string | null): SourceRef => ({
  key: "nmu",
  title: "International Organizations",
  publisher: "Nanjing Medical University",
  url: "https://example.org/nmu",
  seenOn: "2026-11-23",
  quote,
});
const cuhk: SourceRef = { ...nmu("CUHK joined"), key: "cuhk", title: "Belt and Road" };

describe("numberCitations", () => {
  it("numbers a source cited by nine rows once, and gives every row that number", () => {
    const rows = Array.from({ length: 9 }, (_, i) => [nmu(i === 0 ? "proposed by" : "co-sponsored by")]);
    const { entries, rows: numbers } = numberCitations(rows);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ number: 1, source: { key: "nmu", title: "International Organizations" } });
    expect(entries[0]!.quotes).toEqual(["proposed by", "co-sponsored by"]);
    expect(numbers).toEqual(Array.from({ length: 9 }, () => [1]));
  });

  it("numbers sources in the order rows first cite them; a row without one has no number", () => {
    const { entries, rows } = numberCitations([[cuhk], [null], [nmu(null), cuhk], []]);
    expect(entries.map((e) => [e.number, e.source.key])).toEqual([
      [1, "cuhk"],
      [2, "nmu"],
    ]);
    expect(entries[1]!.quotes).toEqual([]);
    expect(rows).toEqual([[1], [], [1, 2], []]);
  });
});

describe("mergeRoles", () => {
  it("lists EPU's ministry once with both its roles and both passages", () => {
    const rows = [
      { slug: "ministry", role: "FOUNDER", source: nmu("the Ministry, OeAD") },
      { slug: "oead", role: "FOUNDER", source: nmu("the Ministry, OeAD") },
      { slug: "ministry", role: "SUPPORTER", source: nmu("It has the support of the Ministry") },
      { slug: "oead", role: "SUPPORTER", source: nmu("It has the support of the Ministry") },
    ];
    const merged = mergeRoles(rows, (r) => r.slug);
    expect(merged.map((m) => [m.slug, m.roles])).toEqual([
      ["ministry", ["FOUNDER", "SUPPORTER"]],
      ["oead", ["FOUNDER", "SUPPORTER"]],
    ]);
    expect(merged[0]!.sources.map((s) => s.quote)).toEqual([
      "the Ministry, OeAD",
      "It has the support of the Ministry",
    ]);
  });

  it("keeps one role once and a missing source out", () => {
    const merged = mergeRoles(
      [
        { slug: "a", role: "CO_SPONSOR", source: null },
        { slug: "a", role: "CO_SPONSOR", source: cuhk },
      ],
      (r) => r.slug,
    );
    expect(merged).toEqual([{ slug: "a", roles: ["CO_SPONSOR"], sources: [cuhk] }]);
  });
});

describe("cutAtWord", () => {
  it("leaves a text that fits unchanged", () => {
    expect(cutAtWord("A short introduction.", 40)).toBe("A short introduction.");
    expect(fitsWhole("A short introduction.", 21)).toBe(true);
    expect(fitsWhole("A short introduction.", 20)).toBe(false);
  });

  it("cuts English at the last space, never inside a word, with an ellipsis within the limit", () => {
    const text = "Eurasia-Pacific Uninet promotes multilateral scientific cooperation between universities";
    const cut = cutAtWord(text, 50);
    expect(cut).toBe("Eurasia-Pacific Uninet promotes multilateral…");
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it("drops a trailing comma before the ellipsis and keeps a word that ends exactly at the limit", () => {
    expect(cutAtWord("alpha beta, gamma delta", 13)).toBe("alpha beta…");
    expect(cutAtWord("alpha beta gamma", 11)).toBe("alpha beta…");
  });

  it("cuts Chinese at a character", () => {
    const text = "南京医科大学是江苏省人民政府与国家卫生健康委员会共建的高等医学院校";
    const cut = cutAtWord(text, 10);
    expect(cut).toBe("南京医科大学是江苏…");
    expect(cut.length).toBe(10);
  });

  it("cuts a single overlong word inside it rather than returning nothing", () => {
    expect(cutAtWord("Pneumonoultramicroscopicsilicovolcanoconiosis", 10)).toBe("Pneumonou…");
  });
});

describe("JSON-LD description", () => {
  // EPU's introduction as the seed gives it: its 500th character falls inside "Ministry"-length words.
  const words = "Eurasia-Pacific Uninet promotes multilateral scientific cooperation and exchange ";
  const introduction = words.repeat(12);
  const profile = {
    slug: "eurasia-pacific-uninet",
    kind: "NETWORK",
    name: "Eurasia-Pacific Uninet",
    originalName: null,
    acronym: "EPU",
    founded: null,
    fields: [],
    countries: [],
    memberCount: 0,
    updatedAt: "2026-11-29T00:00:00.000Z",
    names: [],
    introduction,
    introductionLocale: "en",
    introductionSource: null,
    foundedSource: null,
    website: null,
    websiteSource: null,
    parent: null,
    children: [],
    founders: [],
    declaredCounts: [],
    people: [],
    members: [],
    createdAt: "2026-11-29T00:00:00.000Z",
    wikidataId: null,
  } satisfies OrganizationProfile;

  it("is cut at a word boundary within 500 characters, ending in an ellipsis", () => {
    const { description } = organizationJsonLd(profile, "https://atlas.example", "en") as { description?: unknown };
    expect(typeof description).toBe("string");
    const text = description as string;
    expect(text.length).toBeLessThanOrEqual(500);
    expect(text.endsWith("…")).toBe(true);
    const kept = text.slice(0, -1);
    // What is kept is whole words of the introduction: the next character of the original is a space.
    expect(introduction.startsWith(kept)).toBe(true);
    expect(introduction.charAt(kept.length)).toBe(" ");
  });

  it("is the whole introduction when it fits", () => {
    const ld = organizationJsonLd({ ...profile, introduction: words.trim() }, "https://a.example", "en");
    expect((ld as { description?: unknown }).description).toBe(words.trim());
  });
});

describe("textLanguage", () => {
  it("takes the stated language, else Chinese for CJK text and English otherwise", () => {
    expect(textLanguage("Eurasia-Pacific Uninet", null)).toBe("en");
    expect(textLanguage("欧亚太平洋学术协会")).toBe("zh");
    expect(textLanguage("M9 合作网络")).toBe("zh");
    expect(textLanguage("anything", "en")).toBe("en");
  });
});
