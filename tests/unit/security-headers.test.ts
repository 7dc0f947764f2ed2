import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaderRules } from "@/lib/http/security-headers";

const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v.join(" ")]),
  );

describe("security headers", () => {
  it("the CSP shuts out plugins, <base>, foreign forms and framing; eval only in development", () => {
    const csp = directives(contentSecurityPolicy());
    expect(csp["object-src"]).toBe("'none'");
    expect(csp["base-uri"]).toBe("'none'");
    expect(csp["frame-ancestors"]).toBe("'none'");
    expect(csp["form-action"]).toBe("'self'");
    expect(csp["default-src"]).toBe("'self'");
    expect(csp["script-src"]).not.toContain("unsafe-eval");
    expect(directives(contentSecurityPolicy({ dev: true }))["script-src"]).toContain("'unsafe-eval'");
  });

  it("every path gets the headers; /embed/* may be framed anywhere, and it comes after the catch-all", () => {
    const rules = securityHeaderRules({ siteUrl: "http://localhost:3000" });
    const all = rules[0]!;
    expect(all.source).toBe("/:path*");
    const keys = all.headers.map((h) => h.key);
    expect(keys).toEqual(
      expect.arrayContaining(["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"]),
    );
    expect(all.headers.find((h) => h.key === "X-Content-Type-Options")!.value).toBe("nosniff");
    expect(all.headers.find((h) => h.key === "Referrer-Policy")!.value).toBe("strict-origin-when-cross-origin");
    const embed = rules.filter((r) => r.source.includes("embed"));
    // Only the widget's own path: "/:locale/embed/*" matched /<anything>/embed/*.
    expect(embed.map((r) => r.source)).toEqual(["/embed/:path*"]);
    for (const rule of embed) {
      expect(rules.indexOf(rule)).toBeGreaterThan(0);
      const csp = directives(rule.headers.find((h) => h.key === "Content-Security-Policy")!.value);
      expect(csp["frame-ancestors"]).toBe("*");
      expect(csp["object-src"]).toBe("'none'");
    }
  });

  it("the reconciliation preview card may be framed anywhere, after the catch-all; no other API path", () => {
    const rules = securityHeaderRules({ siteUrl: "http://localhost:3000" });
    const framed = rules.filter((r) =>
      r.headers.some((h) => h.key === "Content-Security-Policy" && directives(h.value)["frame-ancestors"] === "*"),
    );
    expect(framed.map((r) => r.source)).toEqual(["/embed/:path*", "/api/reconcile/preview"]);
    expect(rules.findIndex((r) => r.source === "/api/reconcile/preview")).toBeGreaterThan(0);
  });

  it("HSTS: always when the public address is https, else only on requests a proxy marks as https", () => {
    const https = securityHeaderRules({ siteUrl: "https://atlas.example.org" });
    expect(https[0]!.headers.some((h) => h.key === "Strict-Transport-Security")).toBe(true);
    expect(directives(https[0]!.headers.find((h) => h.key === "Content-Security-Policy")!.value)).toHaveProperty(
      "upgrade-insecure-requests",
    );
    const http = securityHeaderRules({ siteUrl: "http://localhost:3000" });
    expect(http[0]!.headers.some((h) => h.key === "Strict-Transport-Security")).toBe(false);
    const conditional = http.find((r) => r.headers.some((h) => h.key === "Strict-Transport-Security"))!;
    expect(conditional.has).toEqual([{ type: "header", key: "x-forwarded-proto", value: "https" }]);
  });
});
