import { describe, expect, it } from "vitest";
import { isSlug, slugify } from "@/lib/shared/slug";

describe("slugify", () => {
  it.each([
    ["Nanjing Medical University", "nanjing-medical-university"],
    ["Université de Genève", "universite-de-geneve"],
    ["Bundesministerium für Wissenschaft und Forschung", "bundesministerium-fur-wissenschaft-und-forschung"],
    [
      "Belt and Road & Greater Bay Area Chinese Medicine Training Programme",
      "belt-and-road-and-greater-bay-area-chinese-medicine-training-programme",
    ],
    ["Arts&Sciences", "arts-and-sciences"],
    ["King's College London", "kings-college-london"],
    ["Xi’an Jiaotong University", "xian-jiaotong-university"],
    ["The Chinese University of Hong Kong", "chinese-university-of-hong-kong"],
    ["the Belt and Road Federation for Health Promotion", "belt-and-road-federation-for-health-promotion"],
    ["ASIA-International Biomedical Science Consortium", "asia-international-biomedical-science-consortium"],
    ["  --M9 Collaboration Network!--  ", "m9-collaboration-network"],
    ["1st Moscow State Medical University", "1st-moscow-state-medical-university"],
  ])("%j → %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(isSlug(slugify(name))).toBe(true);
  });

  it("strips only a leading article, not a word that starts with 'the'", () => {
    expect(slugify("Theory of Things")).toBe("theory-of-things");
    expect(slugify("Alliance of the Silk Road")).toBe("alliance-of-the-silk-road");
  });

  it("cuts a long name on a word boundary, never in the middle of a word", () => {
    const name =
      "International Collaboration Network of Medical Universities Jointly Built by Ministries and Provinces";
    const slug = slugify(name, 40);
    expect(slug).toBe("international-collaboration-network-of");
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slugify(name)).toBe("international-collaboration-network-of-medical-universities-jointly-built-by");
    expect(slugify(name).length).toBeLessThanOrEqual(80);
    for (const max of [14, 25, 33, 47, 60, 79]) {
      const cut = slugify(name, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(`${slugify(name, 1000)}-`.startsWith(`${cut}-`)).toBe(true);
      expect(isSlug(cut)).toBe(true);
    }
  });

  it("cuts a first word longer than the limit at the limit, so the slug is never empty", () => {
    expect(slugify("Internationalization Alliance", 10)).toBe("internatio");
  });

  it("leaves a name within the limit whole", () => {
    expect(slugify("University Alliance of the Silk Road", 36)).toBe("university-alliance-of-the-silk-road");
  });

  it("gives an empty string for a name with no Latin letters or digits", () => {
    expect(slugify("丝绸之路大学联盟")).toBe("");
    expect(isSlug(slugify("丝绸之路大学联盟"))).toBe(false);
  });
});

describe("isSlug", () => {
  it.each(["nanjing-medical-university", "m9-collaboration-network", "epu", "a1", "x".repeat(100)])(
    "accepts %j",
    (value) => {
      expect(isSlug(value)).toBe(true);
    },
  );

  it.each([
    ["", "empty"],
    ["a", "too short"],
    ["x".repeat(101), "too long"],
    ["Nanjing-Medical", "uppercase"],
    ["-leading", "leading hyphen"],
    ["trailing-", "trailing hyphen"],
    ["double--hyphen", "double hyphen"],
    ["with space", "space"],
    ["under_score", "underscore"],
    ["université", "accent"],
    ["../etc", "path"],
    ["南京医科大学", "Chinese"],
  ])("rejects %j (%s)", (value) => {
    expect(isSlug(value)).toBe(false);
  });
});

// Regressions: the cut once dropped a whole last word, and counted the leading article.
describe("slugify — cutting at the limit", () => {
  it("keeps the last word when the limit falls exactly at its end", () => {
    expect(slugify("International Collaboration Network", 27)).toBe("international-collaboration");
  });

  it("strips a leading article before cutting, so the slug is never just 'the'", () => {
    expect(slugify("The Alliance of Things", 12)).toBe("alliance-of");
  });
});
