import { describe, expect, it } from "vitest";
import {
  nameCandidates,
  paragraphs,
  readPage,
  selfReferences,
  toPlainText,
  type Matcher,
} from "@/lib/import/read-page";
import { seedPages } from "../support/seed-pages";

const NMU = ["Nanjing Medical University", "南京医科大学"];
const CUHK = ["The Chinese University of Hong Kong", "CUHK", "香港中文大学"];
const nothingKnown: Matcher = () => null;
// Known organizations by exact name: enough to test the reading; fuzzy matching is the database's (integration tests).
const knownAs =
  (names: Record<string, string>): Matcher =>
  (text) =>
    names[text] ? { slug: names[text]!, name: text, score: 1 } : null;

describe("readPage on a registry that knows none of the organizations", () => {
  it("NMU's table: every organization is a heading, with its date at the page's precision and NMU's role", () => {
    const rows = readPage(seedPages["nmu-international-organizations"]!, nothingKnown, NMU);
    expect(
      rows.map((r) => [r.heading.slice(0, 40), r.joined?.iso ?? null, r.joined?.precision ?? null, r.role]),
    ).toEqual([
      ["The Belt and Road Federation for Health ", "2019-11-11", "DAY", "FOUNDING_MEMBER"],
      ["The Association of Sino-Russian Medical ", null, null, null],
      ["The Belt and Road International Medical ", "2018-05", "MONTH", "FOUNDING_MEMBER"],
      ["International Collaboration Network of M", "2021-07-09", "DAY", "FOUNDING_MEMBER"],
      ["Eurasia-Pacific Uninet", "2009-10", "MONTH", "MEMBER"],
      ["South and Southeast Asia Medical Educati", null, null, null],
    ]);
    expect(rows.every((r) => r.match === null)).toBe(true);
    expect(rows[0]!.passage).toBe("Nov 11, 2019, Founding Member");
  });

  it("CUHK's prose: dates and roles from the sentences that name CUHK", () => {
    const rows = readPage(seedPages["cuhk-belt-and-road"]!, nothingKnown, CUHK);
    expect(rows.map((r) => [r.heading, r.joined?.iso ?? null, r.role])).toEqual([
      ["Alliance of International Science Organizations (ANSO)", "2018-11", "FOUNDING_MEMBER"],
      ["MOU between CUHK and Ningxia Medical University", "2019-08", "SIGNATORY"],
      ["Pan-Asian Biomedical Science Consortium (PABSC)", "2012", "MEMBER"],
      ["University Alliance of Belt and Road (UABR)", "2016", "MEMBER"],
      ["University Alliance of the Silk Road (UASR)", "2016", "MEMBER"],
    ]);
    expect(rows[3]!.passage).toMatch(
      /^The University joined the University Alliance of Belt and Road \(UABR\) in 2016/,
    );
  });
});

describe("readPage with known organizations", () => {
  it("a known organization named in quotes inside another's text gets its own row", () => {
    const rows = readPage(
      seedPages["cuhk-belt-and-road"]!,
      knownAs({
        "MOU between CUHK and Ningxia Medical University": "mou",
        "Belt and Road & Greater Bay Area Chinese Medicine Training Programme": "programme",
      }),
      CUHK,
    );
    const programme = rows.find((r) => r.match?.slug === "programme")!;
    expect(programme).toMatchObject({ joined: { iso: "2019", precision: "YEAR" }, role: "ORGANIZER" });
  });
});

describe("other formats", () => {
  it("HTML: tags become paragraph breaks, scripts are dropped, entities decoded", () => {
    const html =
      `<table><tr><td>Eurasia-Pacific Uninet</td><td>Austrian ministry</td>` +
      `<td>${"An academic network of universities. ".repeat(8)}</td><td>October 2009, Member</td></tr></table>` +
      "<script>alert(1)</script>";
    expect(toPlainText(html)).not.toContain("alert");
    expect(toPlainText("<p>R&amp;D &#8220;x&#8221;</p>")).toContain("R&D “x”");
    const rows = readPage(html, nothingKnown, NMU);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ heading: "Eurasia-Pacific Uninet", joined: { iso: "2009-10" }, role: "MEMBER" });
  });

  it("HTML as a browser reads it: unclosed markup, hidden elements, entities, line breaks", () => {
    const text = (html: string) => paragraphs(toPlainText(html));
    // A tag cut off by the end of the text is no tag; an unclosed comment or script hides the rest.
    expect(text(`<p>Eurasia-Pacific Uninet</p>${"<p ".repeat(1000)}`)).toEqual(["Eurasia-Pacific Uninet"]);
    expect(text("<p>Uninet</p></p </p foo")).toEqual(["Uninet"]);
    expect(text("<p>Uninet<scr")).toEqual(["Uninet"]);
    expect(text("<p>Uninet</p><!-- <p>hidden</p>")).toEqual(["Uninet"]);
    expect(text("<p>Uninet</p><script>var p = '<p>hidden</p>';")).toEqual(["Uninet"]);
    expect(
      text("<div>Uninet<template><p>t</p><template>u</template>v</template><noscript><p>n</p></noscript></div>"),
    ).toEqual(["Uninet"]);
    expect(text("<style>p{}</style><p>a</p><iframe><p>fallback</p></iframe>")).toEqual(["a"]);
    // Every named entity, numeric ones, a no-break space as a space; <br> a line break, blocks apart.
    expect(toPlainText("<p>R&amp;D &eacute;t&eacute;&nbsp;&#8220;x&#x201D; &notit;</p>")).toBe(
      "\n\nR&D été “x” ¬it;\n\n",
    );
    expect(text("<li>One<br>line</li><li>Two</li><h2>Three</h2>four<hr>five")).toEqual([
      "One line",
      "Two",
      "Three",
      "four",
      "five",
    ]);
    expect(toPlainText("a<br>b")).toBe("a\nb");
    // Inline elements run on, as in a browser; text without tags is left as it is.
    expect(text("<p><b>Eurasia</b>-<i>Pacific</i> Uninet</p>")).toEqual(["Eurasia-Pacific Uninet"]);
    expect(toPlainText("R&amp;D x < y\r\nz")).toBe("R&amp;D x < y\nz");
  });

  it("CSV with a header: organization, date and role columns, quoted cells", () => {
    const csv =
      "Organization,Joined,Role\n" +
      '"Eurasia-Pacific Uninet",October 2009,Member\n' +
      '"University Alliance of the Silk Road (UASR)",2016,founding member\n' +
      "Some Network,,\n";
    const rows = readPage(csv, knownAs({ "Eurasia-Pacific Uninet": "epu" }), CUHK);
    expect(rows.map((r) => [r.heading, r.match?.slug ?? null, r.joined?.iso ?? null, r.role])).toEqual([
      ["Eurasia-Pacific Uninet", "epu", "2009-10", "MEMBER"],
      ["University Alliance of the Silk Road (UASR)", null, "2016", "FOUNDING_MEMBER"],
      ["Some Network", null, null, null],
    ]);
  });

  it("text without organizations gives no rows", () => {
    expect(readPage("Hello.\n\nThis page lists nothing of the kind.", nothingKnown, NMU)).toEqual([]);
  });
});

describe("helpers", () => {
  it("names the page may use for its own university", () => {
    const self = selfReferences(CUHK);
    expect(self.test("CUHK joined the UASR in 2016")).toBe(true);
    expect(self.test("The University joined in 2016")).toBe(true);
    expect(self.test("Xi’an Jiaotong University founded it")).toBe(false);
    expect(selfReferences(NMU).test("NMU's role")).toBe(true);
  });

  it("candidates for matching include headings, bracketed acronyms and quoted names", () => {
    const c = nameCandidates(seedPages["cuhk-belt-and-road"]!);
    expect(c).toEqual(
      expect.arrayContaining([
        "PABSC",
        "Pan-Asian Biomedical Science Consortium (PABSC)",
        "Belt and Road & Greater Bay Area Chinese Medicine Training Programme",
      ]),
    );
  });

  it("a CSV's organization cells are candidates, quoted or not, with their bracketed acronyms", () => {
    const csv =
      "Organization,Joined\nSome Network,2016\nUniversity Alliance of the Silk Road (UASR),2016\n" +
      "Filler Network,2010\n".repeat(20);
    expect(nameCandidates(csv)).toEqual(
      expect.arrayContaining(["Some Network", "University Alliance of the Silk Road (UASR)", "UASR", "Filler Network"]),
    );
  });
});
