"use client";

import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

type Props = { locale: string; label: string; names: Record<string, string> };

// The labels come translated from the server (SiteHeader): public pages then load no message formatter.
function Links({ locale, label, names }: Props) {
  const pathname = usePathname();
  const search = useSearchParams();
  const query = Object.fromEntries(search.entries());
  return (
    <nav aria-label={label}>
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
              {names[l]}
            </Link>
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
