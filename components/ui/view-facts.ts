import type { Locale } from "@/i18n/routing";
import { formatPartialDate, type PartialDate } from "@/lib/shared/dates";
import { textLanguage } from "@/lib/shared/text-language";

// The facts a server component hands to the client component that draws them (a table's rows, a source list, a
// search result's card, a filter's values; components/ui/row-cells.tsx draws a row's), already in the page's language:
// each key only where there is a value, since an absent key costs nothing in the page's payload and an undefined one a
// word per row.

/** A stored name, with its language where it is not the page's (as components/ui/as-written.tsx marks it). */
export type Named = { name: string; lang?: string };

/** A date as the row shows it: its machine-readable value and its words, at its source's precision. */
export type DateView = { iso: string; text: string };

export function namedView(name: string, locale: Locale): Named {
  const lang = textLanguage(name);
  return lang === locale ? { name } : { name, lang };
}

export function dateView(date: PartialDate, locale: Locale): DateView {
  return { iso: date.iso, text: formatPartialDate(date, locale) ?? date.iso };
}

/** `{ [key]: value }` when there is a value, else nothing, to spread into a row. */
export function present<K extends string, V>(key: K, value: V | null | undefined | false): { [P in K]?: V } {
  return value === null || value === undefined || value === false ? {} : ({ [key]: value } as { [P in K]?: V });
}
