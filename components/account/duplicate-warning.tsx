"use client";
import NextLink from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { Locale } from "@/i18n/routing";
import type { SuggestItem } from "@/lib/shared/types/suggest";
import { useSuggestions } from "@/components/ui/use-suggestions";

/** The fields of the enclosing form that name the proposed organization. */
const NAME_FIELD = "values.nameEn";
const ACRONYM_FIELD = "values.acronym";
/** Shorter names match too much to be worth a warning. */
const MIN_NAME = 4;

const fold = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");

/**
 * While a proposer types a new organization's English name or acronym, says politely (a live region) when
 * the registry already has an organization of that acronym or of a similar name, and links to adding a
 * membership to it instead. Advice only: the server's own check and the reviewer decide.
 * Placed inside the form; it reads the form's fields as they change, so the fields need not know of it.
 */
export function DuplicateWarning({ locale }: { locale: Locale }) {
  const t = useTranslations("suggest");
  const anchor = useRef<HTMLDivElement>(null);
  const [typed, setTyped] = useState({ name: "", acronym: "" });
  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (!form) return;
    const read = () => {
      const data = new FormData(form);
      setTyped({ name: String(data.get(NAME_FIELD) ?? ""), acronym: String(data.get(ACRONYM_FIELD) ?? "") });
    };
    form.addEventListener("input", read);
    return () => form.removeEventListener("input", read);
  }, []);
  const byName = useSuggestions(typed.name.trim().length >= MIN_NAME ? typed.name : "", ["organization"], locale, 3);
  const byAcronym = useSuggestions(typed.acronym, ["organization"], locale, 3);
  const found = similar(byName.items, byAcronym.items, typed.acronym);
  return (
    <div ref={anchor} role="status" aria-live="polite" className="sm:col-span-2">
      {found.length ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900">
          <p className="font-medium">{t("duplicateLead")}</p>
          <ul className="mt-1 space-y-1">
            {found.map((item) => (
              <li key={item.slug}>
                <NextLink href={item.url} className="underline">
                  {item.name}
                  {item.acronym && item.acronym !== item.name ? ` (${item.acronym})` : ""}
                </NextLink>
                {" — "}
                <NextLink
                  href={`/${locale}/account/new?organization=${encodeURIComponent(item.slug)}`}
                  className="font-medium text-accent underline"
                >
                  {t("duplicateAction")}
                </NextLink>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** Organizations of exactly the typed acronym first, then the best matches of the name; each once. */
function similar(byName: SuggestItem[], byAcronym: SuggestItem[], acronym: string): SuggestItem[] {
  const wanted = fold(acronym);
  const sameAcronym = wanted ? byAcronym.filter((i) => i.acronym && fold(i.acronym) === wanted) : [];
  const seen = new Set<string>();
  return [...sameAcronym, ...byName.slice(0, 2)].filter((i) => !seen.has(i.slug) && seen.add(i.slug)).slice(0, 3);
}
