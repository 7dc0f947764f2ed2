import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import type { CitationEntry } from "@/lib/shared/citations";
import { formatPartialDate } from "@/lib/shared/dates";
import { CitationEntries, type CitationEntryView } from "./citation-entries";
import { present } from "./view-facts";

/**
 * The numbered sources of a table, each once, with the passages the rows quote from it: their words made here, in
 * the page's language, and drawn by a client component (./citation-entries.tsx), which the payload carries as facts.
 */
export async function CitationList({
  list,
  entries,
  locale,
}: {
  list: string;
  entries: CitationEntry[];
  locale: Locale;
}) {
  if (!entries.length) return null;
  const [t, s] = await Promise.all([
    getTranslations({ locale, namespace: "records" }),
    getTranslations({ locale, namespace: "source" }),
  ]);
  return (
    <CitationEntries
      list={list}
      heading={t("sources")}
      quoteLabel={s("quote")}
      entries={entries.map(
        ({ number, source, quotes }): CitationEntryView => ({
          number,
          label: source.publisher ?? source.title,
          ...present("url", source.url),
          rest: `${source.publisher && source.publisher !== source.title ? ` · ${source.title}` : ""} · ${s("seen", {
            date: formatPartialDate({ iso: source.seenOn, precision: "DAY" }, locale) ?? source.seenOn,
          })}`,
          ...present("quotes", quotes.length > 0 && quotes),
        }),
      )}
    />
  );
}
