import type { Metadata } from "next";
import { routing, type Locale } from "@/i18n/routing";

/**
 * A page's canonical address and its hreflang alternates: one per language, and x-default for a visitor
 * whose language is neither. `path` is the address after the locale ("" for the home page).
 * The home page's x-default is "/", which sends each visitor to their language (proxy.ts); other pages have
 * no such address, so theirs is the default language's.
 */
export function pageAlternates(locale: Locale, path: string): Metadata["alternates"] {
  const languages: Record<string, string> = Object.fromEntries(routing.locales.map((l) => [l, `/${l}${path}`]));
  languages["x-default"] = path === "" ? "/" : `/${routing.defaultLocale}${path}`;
  return { canonical: `/${locale}${path}`, languages };
}
