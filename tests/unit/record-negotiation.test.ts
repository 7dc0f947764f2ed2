// Which representation a record page's Accept header asks for (proxy.ts answers data with a 303 to its address).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { RECORD_PAGE, varyRecordPagesByAccept, withAccept } from "../../scripts/lib/vary-by-accept.mjs";
import { negotiateRecord, parseRecordPath, recordAlternateTypes, recordDataPath } from "@/lib/http/record-negotiation";

const CHROMIUM =
  "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8," +
  "application/signed-exchange;v=b3;q=0.7";
const FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("negotiateRecord", () => {
  it("browsers, */* alone, no header and an empty one get the page", () => {
    for (const accept of [CHROMIUM, FIREFOX, "*/*", "", "   ", null, undefined])
      expect(negotiateRecord(accept), String(accept)).toBe("html");
  });

  it("each data type asked for alone is that type, whatever its case and spacing", () => {
    expect(negotiateRecord("application/json")).toBe("application/json");
    expect(negotiateRecord("application/ld+json")).toBe("application/ld+json");
    expect(negotiateRecord("text/csv")).toBe("text/csv");
    expect(negotiateRecord(" Application/JSON ; charset=utf-8")).toBe("application/json");
    expect(negotiateRecord("TEXT/CSV;header=present")).toBe("text/csv");
  });

  it("honours q-values", () => {
    expect(negotiateRecord("application/json;q=0.9, text/html;q=0.8")).toBe("application/json");
    expect(negotiateRecord("text/html;q=0.8, application/json;q=0.9")).toBe("application/json");
    expect(negotiateRecord("application/json;q=0.5, text/html")).toBe("html");
    expect(negotiateRecord("text/csv;q=0.2, application/ld+json;q=0.3, application/json;q=0.1")).toBe(
      "application/ld+json",
    );
    // A browser-like header that also accepts JSON, less than HTML, still gets the page.
    expect(negotiateRecord(`${FIREFOX}, application/json;q=0.5`)).toBe("html");
  });

  it("a named type beats a wildcard at the same weight; at equal standing the client's order decides", () => {
    expect(negotiateRecord("*/*, application/json")).toBe("application/json");
    expect(negotiateRecord("application/json, */*;q=0.1")).toBe("application/json");
    expect(negotiateRecord("text/html, application/json")).toBe("html");
    expect(negotiateRecord("application/json, text/html")).toBe("application/json");
    expect(negotiateRecord("text/*")).toBe("html");
    expect(negotiateRecord("application/*")).toBe("application/json");
  });

  it("q=0 refuses a type, even when a wildcard would accept it", () => {
    expect(negotiateRecord("text/html;q=0, application/json")).toBe("application/json");
    expect(negotiateRecord("*/*, text/html;q=0")).toBe("application/json");
    expect(negotiateRecord("application/json;q=0, text/csv")).toBe("text/csv");
  });

  it("a header nothing satisfies, or that refuses everything, gets the page (never a 406)", () => {
    for (const accept of ["image/png", "application/json;q=0", "application/xml", "*/*;q=0", "garbage", ",;,"])
      expect(negotiateRecord(accept), accept).toBe("html");
  });

  it("an invalid weight makes its range unusable rather than preferred", () => {
    expect(negotiateRecord("application/json;q=2, text/html;q=0.5")).toBe("html");
    expect(negotiateRecord("application/json;q=abc")).toBe("html");
    expect(negotiateRecord("application/json;q=0.9999, text/csv;q=0.5")).toBe("text/csv");
  });
});

describe("record addresses", () => {
  it("parses only a record page's own address", () => {
    expect(parseRecordPath("/en/organizations/m9-collaboration-network")).toEqual({
      locale: "en",
      kind: "organizations",
      slug: "m9-collaboration-network",
    });
    expect(parseRecordPath("/zh/institutions/nanjing-medical-university/")).toEqual({
      locale: "zh",
      kind: "institutions",
      slug: "nanjing-medical-university",
    });
    for (const path of [
      "/en/organizations",
      "/en/organizations/m9/members",
      "/en/organizations/m9/correction",
      "/fr/organizations/m9",
      "/organizations/m9",
      "/en/people/m9",
    ])
      expect(parseRecordPath(path), path).toBeNull();
  });

  it("points each data type at the address that serves it, the JSON-LD in the page's language", () => {
    expect(recordDataPath("organizations", "m9", "zh", "application/json")).toBe("/api/v1/organizations/m9");
    expect(recordDataPath("institutions", "nmu", "zh", "application/ld+json")).toBe(
      "/api/v1/institutions/nmu/jsonld?lang=zh",
    );
    expect(recordDataPath("institutions", "nmu", "en", "text/csv")).toBe("/api/v1/export/institutions/nmu.csv");
    expect(Object.keys(recordAlternateTypes("organizations", "m9", "en")).sort()).toEqual([
      "application/json",
      "application/ld+json",
      "text/csv",
    ]);
  });
});

describe("Vary: Accept on record pages (scripts/serve.mjs)", () => {
  it("the front's address test agrees with parseRecordPath", () => {
    for (const path of [
      "/en/organizations/m9-collaboration-network",
      "/zh/institutions/nanjing-medical-university/",
      "/en/organizations",
      "/en/organizations/m9/members",
      "/fr/organizations/m9",
      "/organizations/m9",
      "/api/v1/organizations/m9",
    ])
      expect(RECORD_PAGE.test(path), path).toBe(parseRecordPath(path) !== null);
    expect(RECORD_PAGE.test("/en/organizations/m9?_rsc=1")).toBe(true);
    expect(RECORD_PAGE.test("/en/organizations/m9/members?x=1")).toBe(false);
  });

  it("adds Accept once to whatever Vary there is", () => {
    expect(withAccept(undefined)).toBe("Accept");
    expect(withAccept("rsc, next-router-state-tree")).toBe("Accept, rsc, next-router-state-tree");
    expect(withAccept(["rsc", "next-url"])).toBe("Accept, rsc, next-url");
    expect(withAccept("accept, rsc")).toBe("accept, rsc");
    expect(withAccept("*")).toBe("*");
  });

  it("a record page's answer keeps Next's Vary and gains Accept (set before or in writeHead); no other", async () => {
    const server = http.createServer((req, res) => {
      varyRecordPagesByAccept(req, res);
      // As Next's page renderer does: its own Vary, replacing any set before it.
      res.setHeader("Vary", "rsc, next-router-state-tree");
      if (req.url?.includes("direct")) res.writeHead(200, { vary: "rsc" }).end("x");
      else res.end("<!DOCTYPE html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const vary = async (path: string) => (await fetch(`${base}${path}`)).headers.get("vary");
      expect(await vary("/en/organizations/m9-collaboration-network")).toBe("Accept, rsc, next-router-state-tree");
      expect(await vary("/zh/institutions/nanjing-medical-university?_rsc=abc")).toBe(
        "Accept, rsc, next-router-state-tree",
      );
      expect(await vary("/en/organizations/m9?direct=1")).toBe("Accept, rsc");
      expect(await vary("/en/organizations/m9/direct")).toBe("rsc");
      expect(await vary("/en/organizations")).toBe("rsc, next-router-state-tree");
      expect(await vary("/api/v1/organizations/m9")).toBe("rsc, next-router-state-tree");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
