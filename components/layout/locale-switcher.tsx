"use client";

import type { Locale } from "@/i18n/routing";
import NextLink from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { addressIn, routing } from "@/i18n/routing";

type Props = { locale: Locale; label: string; names: Record<string, string> };

const current = "bg-accent-soft font-semibold text-accent-strong";

// Remembered for the next visit to "/", which the proxy sends to this language (next-intl's cookie).
function remember(locale: Locale) {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain cookie write works in every browser; next-intl reads it
  document.cookie = `NEXT_LOCALE=${locale}; path=/; max-age=31536000; samesite=lax`;
}

// The labels come translated from the server (SiteHeader): public pages load no translation runtime.
function Links({ locale, label, names }: Props) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <nav aria-label={label}>
      <ul className="flex gap-1 text-sm">
        {routing.locales.map((l) => (
          <li key={l}>
            <NextLink
              href={addressIn(l, pathname, search)}
              lang={l}
              hrefLang={l}
              prefetch={false}
              onClick={() => remember(l)}
              aria-current={l === locale ? "true" : undefined}
              className={`rounded px-2 py-1 ${l === locale ? current : "text-muted hover:text-accent"}`}
            >
              {names[l]}
            </NextLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Switch language, keeping the page and its filters. */
export function LocaleSwitcher(props: Props) {
  return (
    <Suspense fallback={null}>
      <Links {...props} />
    </Suspense>
  );
}
