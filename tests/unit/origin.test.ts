import { describe, expect, it } from "vitest";
import { checkOrigin, checkRequestOrigin } from "@/lib/http/origin";

const site = "https://atlas.example.org";
const base = { host: "127.0.0.1:3200", siteUrl: site };

describe("checkOrigin", () => {
  it.each([
    ["the request's own host", "http://127.0.0.1:3200"],
    ["the public address (SITE_URL)", "https://atlas.example.org"],
  ])("allows %s", (_, origin) => {
    expect(checkOrigin({ ...base, origin })).toEqual({ ok: true });
  });

  it.each([
    ["a missing Origin", null],
    ["an empty Origin", ""],
    ['"null"', "null"],
    ["another site", "https://evil.example"],
    ["a look-alike subdomain", "https://atlas.example.org.evil.example"],
    ["the site over the other scheme on another port", "http://atlas.example.org:8080"],
    ["another port of the same host", "http://127.0.0.1:3201"],
    ["a path after the origin", "http://127.0.0.1:3200/en"],
    ["userinfo", "http://user@127.0.0.1:3200"],
    ["garbage", "not a url"],
    ["a javascript: origin", "javascript:alert(1)"],
    ["a file: origin", "file:///etc/passwd"],
  ])("refuses %s with a clear message", (_, origin) => {
    const result = checkOrigin({ ...base, origin });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/did not come from a page of this site.*nothing was changed/);
  });

  it("uses X-Forwarded-Host only behind a trusted proxy", () => {
    const forwarded = {
      origin: "https://public.example",
      host: "internal:3000",
      forwardedHost: "public.example",
      proto: "https",
      siteUrl: "http://localhost:3000",
    };
    expect(checkOrigin({ ...forwarded, trustProxy: false }).ok).toBe(false);
    expect(checkOrigin({ ...forwarded, trustProxy: true }).ok).toBe(true);
    expect(checkOrigin({ ...forwarded, forwardedHost: "evil.example", trustProxy: true }).ok).toBe(false);
  });

  it("compares the scheme too: an https page is not the same site as a plain-http request to its host", () => {
    expect(checkOrigin({ ...base, origin: "https://127.0.0.1:3200" }).ok).toBe(false);
    expect(checkOrigin({ ...base, origin: "https://127.0.0.1:3200", proto: "http" }).ok).toBe(false);
    expect(checkOrigin({ ...base, origin: "http://127.0.0.1:3200", proto: "https" }).ok).toBe(false);
    expect(checkOrigin({ ...base, origin: "https://127.0.0.1:3200", proto: "https" }).ok).toBe(true);
    // A default port is the same origin written without it.
    expect(checkOrigin({ ...base, host: "atlas.test:443", origin: "https://atlas.test", proto: "https" }).ok).toBe(
      true,
    );
    expect(checkOrigin({ ...base, host: "atlas.test", origin: "https://atlas.test:443", proto: "https" }).ok).toBe(
      false,
    );
  });

  it("reads the headers of a request", () => {
    const ok = new Headers({ origin: "http://127.0.0.1:3200", host: "127.0.0.1:3200" });
    const foreign = new Headers({
      origin: "https://evil.example",
      host: "127.0.0.1:3200",
      "x-forwarded-host": "evil.example",
    });
    expect(checkRequestOrigin(ok, site, false).ok).toBe(true);
    expect(checkRequestOrigin(foreign, site, false).ok).toBe(false);
    const otherScheme = new Headers({
      origin: "https://127.0.0.1:3200",
      host: "127.0.0.1:3200",
      "x-forwarded-proto": "http",
    });
    expect(checkRequestOrigin(otherScheme, site, false).ok).toBe(false);
  });
});
