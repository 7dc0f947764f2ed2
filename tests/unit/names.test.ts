import { describe, expect, it } from "vitest";
import { isCurrentOfficial, pickName, type NameRow } from "@/lib/shared/names";
import { countryName, isCountryCode } from "@/lib/shared/countries";

const uasr: NameRow[] = [
  { locale: "en", name: "University Alliance of the Silk Road", kind: "OFFICIAL" },
  { locale: "zh", name: "丝绸之路大学联盟", kind: "OFFICIAL" },
];

// PABSC: renamed in December 2018; the former name has a validUntil.
const pabsc: NameRow[] = [
  {
    locale: "en",
    name: "ASIA-International Biomedical Science Consortium",
    kind: "FORMER",
    validUntil: new Date("2018-12-01T00:00:00Z"),
  },
  { locale: "en", name: "Pan-Asian Biomedical Science Consortium", kind: "OFFICIAL", validUntil: null },
];

describe("pickName", () => {
  it("shows the name in the locale, with the English original beside it", () => {
    expect(pickName(uasr, "zh")).toEqual({
      name: "丝绸之路大学联盟",
      original: "University Alliance of the Silk Road",
    });
  });

  it("shows the English name with no original when the locale is English", () => {
    expect(pickName(uasr, "en")).toEqual({ name: "University Alliance of the Silk Road", original: null });
  });

  it("falls back to the English original when the locale has no name", () => {
    expect(pickName(pabsc, "zh")).toEqual({ name: "Pan-Asian Biomedical Science Consortium", original: null });
    expect(pickName(uasr, "de")).toEqual({ name: "University Alliance of the Silk Road", original: null });
  });

  it("ignores former names, whatever their order", () => {
    expect(pickName(pabsc, "en").name).toBe("Pan-Asian Biomedical Science Consortium");
    expect(pickName([...pabsc].reverse(), "en").name).toBe("Pan-Asian Biomedical Science Consortium");
  });

  it("ignores a name that has stopped being valid even when it is marked official", () => {
    const names: NameRow[] = [
      { locale: "en", name: "Old Official Name", kind: "OFFICIAL", validUntil: "2018-12-01" },
      { locale: "en", name: "New Official Name", kind: "OFFICIAL" },
    ];
    expect(pickName(names, "en")).toEqual({ name: "New Official Name", original: null });
  });

  it("ignores alternate names when an official one exists", () => {
    const m9: NameRow[] = [
      { locale: "en", name: "M9 Collaboration Network", kind: "ALTERNATE" },
      {
        locale: "en",
        name: "International Collaboration Network of Medical Universities Jointly Built by Ministries and Provinces",
        kind: "OFFICIAL",
      },
    ];
    expect(pickName(m9, "en").name).toBe(
      "International Collaboration Network of Medical Universities Jointly Built by Ministries and Provinces",
    );
  });

  it("uses the first current official name as the original when there is no English one", () => {
    const names: NameRow[] = [
      { locale: "de", name: "Bundesministerium für Wissenschaft und Forschung", kind: "OFFICIAL" },
      { locale: "zh", name: "奥地利联邦科学研究部", kind: "OFFICIAL" },
    ];
    expect(pickName(names, "zh")).toEqual({
      name: "奥地利联邦科学研究部",
      original: "Bundesministerium für Wissenschaft und Forschung",
    });
    expect(pickName(names, "en")).toEqual({ name: "Bundesministerium für Wissenschaft und Forschung", original: null });
  });

  it("falls back to any name when none is a current official one, and to a dash when there is none", () => {
    expect(pickName([{ locale: "en", name: "CUHK", kind: "ALTERNATE" }], "zh")).toEqual({
      name: "CUHK",
      original: null,
    });
    expect(pickName([], "en")).toEqual({ name: "—", original: null });
  });

  it("isCurrentOfficial is true only for an official name without an end", () => {
    expect(isCurrentOfficial({ locale: "en", name: "a", kind: "OFFICIAL" })).toBe(true);
    expect(isCurrentOfficial({ locale: "en", name: "a", kind: "OFFICIAL", validUntil: null })).toBe(true);
    expect(isCurrentOfficial({ locale: "en", name: "a", kind: "OFFICIAL", validUntil: "2018-12-01" })).toBe(false);
    expect(isCurrentOfficial({ locale: "en", name: "a", kind: "FORMER" })).toBe(false);
    expect(isCurrentOfficial({ locale: "en", name: "a", kind: "ALTERNATE" })).toBe(false);
  });
});

describe("countryName", () => {
  it("names Hong Kong and Macao as the SARs in both languages", () => {
    expect(countryName("HK", "en")).toBe("Hong Kong SAR");
    expect(countryName("HK", "zh")).toBe("中国香港");
    expect(countryName("MO", "en")).toBe("Macao SAR");
    expect(countryName("MO", "zh")).toBe("中国澳门");
  });

  it("names other countries by their short names in the locale", () => {
    expect(countryName("RU", "en")).toBe("Russia");
    expect(countryName("RU", "zh")).toBe("俄罗斯");
    expect(countryName("CN", "en")).toBe("China");
    expect(countryName("CN", "zh")).toBe("中国");
    expect(countryName("AT", "en")).toBe("Austria");
    expect(countryName("AT", "zh")).toBe("奥地利");
  });

  it("names South Korea and North Korea apart", () => {
    expect(countryName("KR", "en")).toBe("South Korea");
    expect(countryName("KR", "zh")).toBe("韩国");
    expect(countryName("KP", "en")).not.toBe(countryName("KR", "en"));
    expect(countryName("KP", "en")).toMatch(/Korea/);
  });

  it("uses English for a locale it has no names for", () => {
    expect(countryName("HK", "de")).toBe("Hong Kong SAR");
    expect(countryName("AT", "fr")).toBe("Austria");
  });

  it("falls back to the code for an unknown code", () => {
    expect(countryName("XX", "en")).toBe("XX");
    expect(countryName("QQ", "zh")).toBe("QQ");
  });

  it("isCountryCode knows ISO codes and the SARs", () => {
    expect(isCountryCode("HK")).toBe(true);
    expect(isCountryCode("CN")).toBe(true);
    expect(isCountryCode("XX")).toBe(false);
  });
});
