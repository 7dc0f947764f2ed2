// The language switcher's addresses: the same page and filters in the other language.
import { describe, expect, it } from "vitest";
import { addressIn, localizedHref } from "@/i18n/routing";

describe("addressIn", () => {
  it("swaps the language segment and keeps the rest of the page's address", () => {
    expect(addressIn("zh", "/en/organizations/eurasia-pacific-uninet", "")).toBe(
      "/zh/organizations/eurasia-pacific-uninet",
    );
    expect(addressIn("en", "/zh/organizations", "q=%E8%81%94%E7%9B%9F&country=CN")).toBe(
      "/en/organizations?q=%E8%81%94%E7%9B%9F&country=CN",
    );
    expect(addressIn("zh", "/en", "")).toBe("/zh");
    expect(addressIn("en", "/en/", "")).toBe("/en/");
  });
});

describe("localizedHref", () => {
  it("prefixes the language and writes the query as next-intl's Link did", () => {
    expect(localizedHref("/", "zh")).toBe("/zh");
    expect(localizedHref("/organizations/epu", "en")).toBe("/en/organizations/epu");
    expect(
      localizedHref(
        { pathname: "/organizations", query: { q: "联盟 & co", country: "CN", page: 2, kind: undefined } },
        "zh",
      ),
    ).toBe("/zh/organizations?q=%E8%81%94%E7%9B%9F+%26+co&country=CN&page=2");
    expect(localizedHref({ pathname: "/organizations/x/members", query: { after: "a:b" } }, "en")).toBe(
      "/en/organizations/x/members?after=a%3Ab",
    );
    expect(localizedHref({ pathname: "/data", query: { tag: ["a", "b"] } }, "en")).toBe("/en/data?tag=a&tag=b");
  });
});
