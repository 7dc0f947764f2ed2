import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import type { CitationEntry } from "@/lib/shared/citations";
import { formatPartialDate } from "@/lib/shared/dates";

const citationId = (list: string, n: number) => `${list}-source-${n}`;

/**
 * A row's sources as their numbers ([1] [2]), each a link to its entry in the list under the table. `label` is the
 * word read before each number ("Source": the source namespace's label), translated once by the table: a synchronous
 * component is rendered in place, where an asynchronous one became a chunk of its own in the RSC payload, per row.
 */
export function CitationMarks({ list, numbers, label }: { list: string; numbers: number[]; label: string }) {
  if (!numbers.length) return null;
  return (
    <span className="text-xs text-muted">
      {numbers.map((n) => (
        // Big enough to tap: a bare "[1]" would be an 8 px target.
        <a key={n} href={`#${citationId(list, n)}`} className="source-mark">
          <span className="sr-only">{`${label} `}</span>
          {`[${n}]`}
        </a>
      ))}
    </span>
  );
}

/** The numbered sources of a table, each once, with the passages the rows quote from it. */
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
    <div className="mt-3 text-xs text-muted">
      {/* Not a heading: the list sits under an h1 on one page and an h2 on another, and labels itself. */}
      <p id={`${list}-sources`} className="font-semibold text-slate-700">
        {t("sources")}
      </p>
      <ol aria-labelledby={`${list}-sources`} className="mt-1 space-y-2">
        {entries.map(({ number, source, quotes }) => (
          <li key={number} id={citationId(list, number)} className="scroll-mt-20">
            {`[${number}] `}
            {source.url ? (
              <a href={source.url} className="source-link" rel="noopener noreferrer">
                {source.publisher ?? source.title}
              </a>
            ) : (
              <cite className="not-italic">{source.publisher ?? source.title}</cite>
            )}
            {/* One text node: each piece of its own would be an element or a separator, per source. */}
            {`${source.publisher && source.publisher !== source.title ? ` · ${source.title}` : ""} · ${s("seen", {
              date: formatPartialDate({ iso: source.seenOn, precision: "DAY" }, locale) ?? source.seenOn,
            })}`}
            {quotes.length ? (
              <ul className="mt-1 space-y-1">
                {quotes.map((q) => (
                  <li key={q}>
                    <blockquote className="source-quote">
                      <span className="sr-only">{s("quote")}: </span>“{q}”
                    </blockquote>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
