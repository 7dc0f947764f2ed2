import { describe, expect, it } from "vitest";
import { domainSuffixes, emailDomain, isFreeMailDomain } from "@/lib/shared/email-domains";

describe("emailDomain", () => {
  it.each([
    ["Li.Wei@XJTU.edu.cn", "xjtu.edu.cn"],
    ["  someone@mail.xjtu.edu.cn ", "mail.xjtu.edu.cn"],
    ["a@xjtu.edu.cn.", "xjtu.edu.cn"],
    ["a@bücher.de", "xn--bcher-kva.de"],
  ])("%j → %j", (email, domain) => {
    expect(emailDomain(email)).toBe(domain);
  });

  it.each([
    "no-at-sign",
    "@xjtu.edu.cn",
    "a@b@xjtu.edu.cn",
    "a@localhost",
    "a@127.0.0.1",
    "a@[::1]",
    "a@xjtu..edu.cn",
    "a@-xjtu.edu.cn",
    "a@xjtu.edu.cn/evil",
    "a@xjtu.edu.cn:25",
    "a@xjtu edu.cn",
  ])("%j has no usable domain", (email) => {
    expect(emailDomain(email)).toBeNull();
  });
});

describe("domainSuffixes", () => {
  it("lists the domain and those it sits under, longest first, never the bare top-level domain", () => {
    expect(domainSuffixes("a.b.xjtu.edu.cn")).toEqual(["a.b.xjtu.edu.cn", "b.xjtu.edu.cn", "xjtu.edu.cn", "edu.cn"]);
    expect(domainSuffixes("xjtu.edu.cn.evil.com")).not.toContain("xjtu.edu.cn");
    expect(domainSuffixes("evilxjtu.edu.cn")).not.toContain("xjtu.edu.cn");
  });
});

describe("isFreeMailDomain", () => {
  it.each([
    "gmail.com",
    "qq.com",
    "163.com",
    "outlook.com",
    "vip.qq.com",
    "yahoo.co.jp",
    "hotmail.co.uk",
    "outlook.com.br",
  ])("%j is a free mail service", (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it.each(["xjtu.edu.cn", "njmu.edu.cn", "gmail.com.evil.org", "notqq.com"])("%j is not", (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });
});
