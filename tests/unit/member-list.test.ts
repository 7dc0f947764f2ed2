import { describe, expect, it } from "vitest";
import { csvRecords } from "@/lib/shared/csv-records";
import { MEMBER_LIST_MAX_ROWS, parseMemberList, readCountry, readRole } from "@/lib/shared/member-list";
import { classify } from "@/lib/data/organization-side/member-list-match";

// Reading a secretariat's member list (issue 16): lines as alliances' pages list their members, and CSV files.

describe("pasted member lists", () => {
  it("reads one member per line, with the country after a comma or in brackets, numbering and bullets aside", () => {
    const list = parseMemberList(
      [
        "Xi'an Jiaotong University, China",
        "1. Chinese University of Hong Kong (Hong Kong, China)",
        "",
        "  12) Université de Montréal (Canada)",
        "• Seoul National University, Korea",
        "University of X (Main Campus)",
        "3、南京医科大学（中国）",
      ].join("\r\n"),
    );
    expect(list.format).toBe("lines");
    expect(list.members.map((m) => [m.line, m.name, m.countryCodes])).toEqual([
      [1, "Xi'an Jiaotong University", ["CN", "HK", "MO"]],
      [2, "Chinese University of Hong Kong", ["HK"]],
      [4, "Université de Montréal", ["CA"]],
      [5, "Seoul National University", ["KR"]],
      // Brackets that name no place stay in the name.
      [6, "University of X (Main Campus)", []],
      [7, "南京医科大学", ["CN", "HK", "MO"]],
    ]);
    // The row as written is what its request quotes.
    expect(list.members[1]!.text).toBe("1. Chinese University of Hong Kong (Hong Kong, China)");
  });

  it("keeps a comma that is part of the name when what follows names no country", () => {
    const [m] = parseMemberList("University of California, Berkeley").members;
    expect(m).toMatchObject({ name: "University of California, Berkeley", country: null, countryCodes: [] });
  });

  it("keeps every row beyond the limit for the caller to refuse, never cutting silently", () => {
    const text = Array.from({ length: MEMBER_LIST_MAX_ROWS + 5 }, (_, i) => `University ${i}`).join("\n");
    expect(parseMemberList(text).members).toHaveLength(MEMBER_LIST_MAX_ROWS + 5);
  });

  it("finds no member in numbering and blank lines alone", () => {
    expect(parseMemberList("1.\n2.\n \n-").members).toEqual([]);
  });
});

describe("CSV member lists", () => {
  it("reads a header naming the columns in any order and case, with a byte order mark", () => {
    const list = parseMemberList(
      "\uFEFFCountry,Institution Name,Joined,Role,Website\r\n" +
        'CN,"Xi\'an Jiaotong University",2015,Founding member,https://www.xjtu.edu.cn\r\n' +
        "HK,The Chinese University of Hong Kong,May 2016,,\r\n",
    );
    expect(list.format).toBe("csv");
    expect(list.members).toEqual([
      {
        line: 2,
        text: "CN, Xi'an Jiaotong University, 2015, Founding member, https://www.xjtu.edu.cn",
        name: "Xi'an Jiaotong University",
        country: "CN",
        countryCodes: ["CN", "HK", "MO"],
        joined: "2015",
        role: "FOUNDING_MEMBER",
        website: "https://www.xjtu.edu.cn",
      },
      {
        line: 3,
        text: "HK, The Chinese University of Hong Kong, May 2016",
        name: "The Chinese University of Hong Kong",
        country: "HK",
        countryCodes: ["HK"],
        joined: "May 2016",
        role: null,
        website: null,
      },
    ]);
    expect(list.problems).toEqual([]);
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks inside, and semicolons", () => {
    const list = parseMemberList('name;country\n"Università ""La Sapienza""; Roma";Italy\n"Two\nlines";DE\n');
    expect(list.members.map((m) => [m.line, m.name, m.countryCodes])).toEqual([
      [2, 'Università "La Sapienza"; Roma', ["IT"]],
      [3, "Two lines", ["DE"]],
    ]);
  });

  it("reads a name-only CSV and a Chinese header, and reports what it cannot read", () => {
    expect(parseMemberList("Name\nA University\nB University").members.map((m) => m.name)).toEqual([
      "A University",
      "B University",
    ]);
    const zh = parseMemberList("学校名称,国家,角色\n西安交通大学,中国,创始成员\n某大学,Atlantis,oddity\n,中国,\n");
    expect(zh.members.map((m) => [m.name, m.countryCodes, m.role])).toEqual([
      ["西安交通大学", ["CN", "HK", "MO"], "FOUNDING_MEMBER"],
      ["某大学", [], null],
    ]);
    expect(zh.problems).toEqual([
      { line: 3, problem: "unknownRole", text: "oddity" },
      { line: 3, problem: "unknownCountry", text: "Atlantis" },
      { line: 4, problem: "noName", text: "中国" },
    ]);
  });

  it("splits records as RFC 4180 does", () => {
    expect(csvRecords('a,"b,c",d\r\n\r\n"e""f",,\n', ",")).toEqual([
      { line: 1, cells: ["a", "b,c", "d"] },
      { line: 3, cells: ['e"f', "", ""] },
    ]);
  });
});

describe("places and roles as lists write them", () => {
  it("reads countries and regions in English, Chinese and as codes; the most specific part wins", () => {
    expect(readCountry("Hong Kong, China")).toEqual(["HK"]);
    expect(readCountry("Hong Kong SAR")).toEqual(["HK"]);
    expect(readCountry("Macau")).toEqual(["MO"]);
    expect(readCountry("中国香港")).toEqual(["HK"]);
    expect(readCountry("Russia")).toEqual(["RU"]);
    expect(readCountry("de")).toEqual(["DE"]);
    expect(readCountry("Atlantis")).toBeNull();
  });

  it("reads roles by value, label or Chinese name", () => {
    expect(readRole("FOUNDING_MEMBER")).toBe("FOUNDING_MEMBER");
    expect(readRole("Founding Member")).toBe("FOUNDING_MEMBER");
    expect(readRole("co-sponsor")).toBe("CO_SPONSOR");
    expect(readRole("成员")).toBe("MEMBER");
    expect(readRole("oddity")).toBeNull();
  });
});

describe("a row's outcome from its candidates", () => {
  const candidate = (id: string, score: number, exact: boolean) => ({
    id,
    slug: id,
    country: "CN",
    matchedName: id,
    score,
    exact,
  });

  it("is matched only when exactly one institution has the name", () => {
    expect(classify([candidate("a", 1, true), candidate("b", 0.6, false)])).toEqual({
      status: "MATCHED",
      candidates: [{ id: "a", slug: "a", country: "CN", matchedName: "a", score: 1 }],
    });
    const two = classify([candidate("a", 1, true), candidate("b", 1, true), candidate("c", 0.5, false)]);
    expect(two.status).toBe("AMBIGUOUS");
    expect(two.candidates.map((c) => c.id)).toEqual(["a", "b"]);
  });

  it("leaves a name merely alike, however close, to the person; none alike is unmatched", () => {
    expect(classify([candidate("a", 1, false)]).status).toBe("AMBIGUOUS");
    const many = classify(["a", "b", "c", "d", "e", "f"].map((id, i) => candidate(id, 0.9 - i / 20, false)));
    expect(many.candidates).toHaveLength(5);
    expect(classify([])).toEqual({ status: "UNMATCHED", candidates: [] });
  });
});
