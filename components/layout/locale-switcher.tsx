"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

function Links() {
  const t = useTranslations("locales");
  const nav = useTranslations("nav");
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams();
  const query = Object.fromEntries(search.entries());
  return (
    <nav aria-label={nav("language")}>
      <ul className="flex gap-1 text-sm">
        {routing.locales.map((l) => (
          <li key={l}>
            <Link
              href={{ pathname, query }}
              locale={l}
              lang={l}
              hrefLang={l}
              aria-current={l === locale ? "true" : undefined}
              className={`rounded px-2 py-1 ${l === locale ? "bg-accent-soft font-semibold text-accent-strong" : "text-muted hover:text-accent"}`}
            >
              {t(l)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Switch language, keeping the page and its filters. */
export function LocaleSwitcher() {
  return (
    <Suspense fallback={null}>
      <Links />
    </Suspense>
  );
}
