import { defineRouting } from "next-intl/routing";

export const locales = ["en", "zh"] as const;
export type Locale = (typeof locales)[number];

export const routing = defineRouting({
  locales,
  defaultLocale: "en",
  localePrefix: "always",
});

/** Whether a path segment names one of the site's languages (next-intl's hasLocale, without importing
 * "next-intl" into server components: that entry carries its client provider into every page's scripts). */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** This page's address in another language: the first segment (/en, /zh) swapped, the query kept. */
export function addressIn(locale: string, pathname: string, search: string): string {
  const rest = pathname.replace(/^\/[^/]+(?=\/|$)/, "");
  return `/${locale}${rest}${search ? `?${search}` : ""}`;
}

type Query = Record<string, string | number | boolean | readonly (string | number | boolean)[] | null | undefined>;
export type Href = string | { pathname: string; query?: Query };

/** A page's address in a language: "/organizations" → "/zh/organizations", with its query (arrays repeat the key). */
export function localizedHref(href: Href, locale: string): string {
  const { pathname, query } = typeof href === "string" ? { pathname: href, query: undefined } : href;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value])
      if (v !== undefined && v !== null) params.append(key, String(v));
  }
  const search = params.toString();
  return `/${locale}${pathname === "/" ? "" : pathname}${search ? `?${search}` : ""}`;
}
