// The open data's pure parts: CSV escaping, QuickStatements at each precision, cursors, the API's query
// validation and the OpenAPI document itself.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { csvCell, toCsv } from "@/lib/open-data/csv";
import { qsTime, quickStatementLine, toQuickStatements, ROLE_ITEMS } from "@/lib/open-data/quickstatements";
import { decodeCursor, encodeCursor } from "@/lib/open-data/cursor";
import { parseQuery } from "@/lib/open-data/http";
import { openApiDocument, listOperations } from "@/lib/open-data/openapi/document";
import {
  apiMembershipQuerySchema,
  apiOrganizationQuerySchema,
  embedOptionsSchema,
  parseExportFile,
} from "@/lib/validation/api";
import { ValidationError } from "@/lib/shared/errors";

describe("CSV (RFC 4180)", () => {
  it("quotes fields holding commas, quotes, CR or LF and doubles quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(12)).toBe("12");
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    // Numbers are data, not text a user typed: a negative count stays a number.
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes a header and CRLF-terminated rows, and refuses ragged rows", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["1", "x,y"],
          [null, "z"],
        ],
      ),
    ).toBe('a,b\r\n1,"x,y"\r\n,z\r\n');
    expect(() => toCsv(["a", "b"], [["only one"]])).toThrow(/1 cells; the header has 2/);
  });
});

describe("QuickStatements", () => {
  it("writes times at the stored precision: day 11, month 10, year 9", () => {
    expect(qsTime({ iso: "2019-11-11", precision: "DAY" })).toBe("+2019-11-11T00:00:00Z/11");
    expect(qsTime({ iso: "2018-05", precision: "MONTH" })).toBe("+2018-05-00T00:00:00Z/10");
    expect(qsTime({ iso: "2016", precision: "YEAR" })).toBe("+2016-00-00T00:00:00Z/9");
  });

  const base = { institutionQid: "Q123", organizationQid: "Q456", role: "MEMBER", joined: null, ended: null };

  it("P463 with P580 start and P582 end time as qualifiers", () => {
    expect(quickStatementLine(base)).toBe("Q123|P463|Q456");
    expect(quickStatementLine({ ...base, joined: { iso: "2019-11-11", precision: "DAY" } })).toBe(
      "Q123|P463|Q456|P580|+2019-11-11T00:00:00Z/11",
    );
    expect(
      quickStatementLine({
        ...base,
        joined: { iso: "2016", precision: "YEAR" },
        ended: { iso: "2021-03", precision: "MONTH" },
      }),
    ).toBe("Q123|P463|Q456|P580|+2016-00-00T00:00:00Z/9|P582|+2021-03-00T00:00:00Z/10");
  });

  it("adds P2868 only for a role mapped to an item, and the default map adds none", () => {
    expect(Object.keys(ROLE_ITEMS)).toEqual([]);
    expect(quickStatementLine({ ...base, role: "FOUNDING_MEMBER" })).toBe("Q123|P463|Q456");
    expect(quickStatementLine({ ...base, role: "FOUNDING_MEMBER" }, { FOUNDING_MEMBER: "Q999" })).toBe(
      "Q123|P463|Q456|P2868|Q999",
    );
    expect(quickStatementLine({ ...base, role: "MEMBER" }, { FOUNDING_MEMBER: "Q999" })).toBe("Q123|P463|Q456");
    expect(quickStatementLine({ ...base, role: "MEMBER" }, { MEMBER: "not-a-qid" })).toBe("Q123|P463|Q456");
  });

  it("leaves out memberships without an item on both sides (or with a malformed one)", () => {
    expect(quickStatementLine({ ...base, institutionQid: null })).toBeNull();
    expect(quickStatementLine({ ...base, organizationQid: null })).toBeNull();
    expect(quickStatementLine({ ...base, organizationQid: "Q0" })).toBeNull();
    expect(toQuickStatements([base, { ...base, institutionQid: null }, { ...base, institutionQid: "Q7" }])).toBe(
      "Q123|P463|Q456\nQ7|P463|Q456\n",
    );
    expect(toQuickStatements([{ ...base, institutionQid: null }])).toBe("");
  });
});

describe("cursors", () => {
  it("round-trip and are opaque base64url", () => {
    const c = encodeCursor(["nanjing-medical-university", "cm123"]);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c)).toEqual(["nanjing-medical-university", "cm123"]);
  });

  it("reject anything this API did not issue", () => {
    expect(decodeCursor("abc")).toBeNull();
    expect(decodeCursor("!!!")).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ v: 2, k: ["a", "b"] })).toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ v: 1, k: ["a"] })).toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ v: 1, k: ["a", 3] })).toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from("not json").toString("base64url"))).toBeNull();
  });
});

describe("API query validation", () => {
  const q = (schema: Parameters<typeof parseQuery>[0], query: string) => parseQuery(schema, `http://x/api?${query}`);

  it("defaults and bounds the page size", () => {
    expect(q(apiOrganizationQuerySchema, "")).toMatchObject({ limit: 20 });
    expect(q(apiOrganizationQuerySchema, "limit=100")).toMatchObject({ limit: 100 });
    for (const bad of ["limit=0", "limit=101", "limit=2.5", "limit=abc"])
      expect(() => q(apiOrganizationQuerySchema, bad), bad).toThrow(ValidationError);
  });

  it("names every bad, unknown or repeated parameter", () => {
    try {
      q(apiOrganizationQuerySchema, "kind=CLUB&country=XX&colour=red&q=a&q=b&cursor=zzz");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual([
        "colour",
        "country",
        "cursor",
        "kind",
        "q",
      ]);
    }
  });

  it("accepts filters and a real cursor", () => {
    const cursor = encodeCursor(["a-slug", "id1"]);
    expect(q(apiOrganizationQuerySchema, `kind=ALLIANCE&country=hk&q=silk&cursor=${cursor}`)).toEqual({
      kind: "ALLIANCE",
      country: "HK",
      q: "silk",
      limit: 20,
      cursor: ["a-slug", "id1"],
    });
    expect(q(apiMembershipQuerySchema, "institution=nanjing-medical-university&role=FOUNDING_MEMBER")).toMatchObject({
      institution: "nanjing-medical-university",
      role: "FOUNDING_MEMBER",
    });
    expect(() => q(apiMembershipQuerySchema, "institution=Not A Slug")).toThrow(/slug/);
  });

  it("widget options and export file names", () => {
    expect(embedOptionsSchema.parse({})).toEqual({ lang: "en", mode: "compact", theme: "light" });
    expect(embedOptionsSchema.safeParse({ theme: "neon" }).success).toBe(false);
    expect(parseExportFile("dataset.csv")).toEqual({ name: "dataset", format: "csv" });
    expect(parseExportFile("nanjing-medical-university.jsonld")).toEqual({
      name: "nanjing-medical-university",
      format: "jsonld",
    });
    expect(parseExportFile("../etc/passwd")).toBeNull();
    expect(parseExportFile("dataset.xml")).toBeNull();
  });
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and every schema in it compiles as JSON Schema 2020-12", () => {
    expect(openApiDocument.openapi).toBe("3.1.0");
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(openApiDocument as unknown as object, "openapi");
    for (const name of Object.keys(openApiDocument.components.schemas)) {
      expect(() => ajv.getSchema(`openapi#/components/schemas/${name}`), name).not.toThrow();
      expect(ajv.getSchema(`openapi#/components/schemas/${name}`), name).toBeTypeOf("function");
    }
  });

  it("documents every operation with a summary; the reference page lists them all", () => {
    const ops = listOperations();
    expect(ops.map((o) => o.path)).toEqual(Object.keys(openApiDocument.paths));
    for (const op of ops) expect(op.summary.length, op.path).toBeGreaterThan(5);
  });

  it("documents every route under app/api/v1 (but the catch-all 404)", () => {
    const root = path.join(import.meta.dirname, "..", "..", "app", "api", "v1");
    const routes = readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith("route.ts") && !f.includes("[..."))
      .map((f) => `/${path.dirname(f)}`.replace(/\[(\w+)\]/g, "{$1}"));
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => !(r in openApiDocument.paths))).toEqual([]);
  });
});
