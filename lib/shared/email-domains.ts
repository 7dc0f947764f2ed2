/**
 * Reading a work email's domain for staff sign-up (issue 15): which part of an address is its domain, and which
 * domains prove nothing about an employer. Client-safe: the sign-up form says the same as the server.
 */

/**
 * Mail services anyone can sign up to. A listed domain's subdomains count too (mail.qq.com). Not exhaustive: a
 * domain not listed here still has to be an institution's own to pass (lib/data/accounts/institution-for-email.ts).
 */
export const FREE_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "ymail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.net",
  "gmx.de",
  "web.de",
  "mail.com",
  "zoho.com",
  "yandex.com",
  "yandex.ru",
  "mail.ru",
  "qq.com",
  "foxmail.com",
  "163.com",
  "126.com",
  "yeah.net",
  "139.com",
  "189.cn",
  "sina.com",
  "sina.cn",
  "sohu.com",
  "aliyun.com",
  "tom.com",
  "21cn.com",
  "naver.com",
  "daum.net",
  "hanmail.net",
  "rediffmail.com",
]);

/** yahoo.co.jp, hotmail.co.uk, outlook.com.br …: the big services under country domains. */
const FREE_MAIL_FAMILIES =
  /^(yahoo|hotmail|outlook|live|gmx)\.(co\.)?[a-z]{2}$|^(yahoo|hotmail|outlook|live)\.com\.[a-z]{2}$/;

/**
 * The address's domain, lower case and in ASCII (an internationalised domain as its xn-- form), or null when the
 * address has no usable domain: one @, a dotted host of letters, digits and hyphens, no empty label.
 */
export function emailDomain(email: string): string | null {
  const address = email.trim();
  const at = address.lastIndexOf("@");
  if (at <= 0 || address.indexOf("@") !== at) return null;
  const raw = address.slice(at + 1).replace(/\.$/, "");
  if (!raw || /[\s/\\?#:@[\]]/.test(raw)) return null;
  let host: string;
  try {
    host = new URL(`http://${raw}`).hostname;
  } catch {
    return null;
  }
  const labels = host.split(".");
  if (labels.length < 2 || labels.some((l) => !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return null;
  if (/^\d+$/.test(labels[labels.length - 1] ?? "")) return null; // an IP address is no one's domain
  return host;
}

/**
 * The domain and each domain it sits under, longest first, down to two labels: a.b.xjtu.edu.cn gives a.b.xjtu.edu.cn,
 * b.xjtu.edu.cn, xjtu.edu.cn, edu.cn. Matching these exactly against listed domains is what makes xjtu.edu.cn.evil.com
 * (under evil.com) and evilxjtu.edu.cn (a different label) never pass as xjtu.edu.cn.
 */
export function domainSuffixes(domain: string): string[] {
  const labels = domain.split(".");
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join("."));
}

export function isFreeMailDomain(domain: string): boolean {
  return domainSuffixes(domain).some((d) => FREE_MAIL_DOMAINS.has(d) || FREE_MAIL_FAMILIES.test(d));
}
