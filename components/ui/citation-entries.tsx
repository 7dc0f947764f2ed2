"use client";

import { citationId } from "./citation-marks";

/**
 * A numbered source as its entry shows it, its words already in the page's language (components/ui/citations.tsx
 * makes it on the server): what it is called (a link where it has an address), the rest of its line, and the
 * passages the rows quote from it.
 */
export type CitationEntryView = {
  number: number;
  label: string;
  url?: string;
  /** " · its title · seen <date>": one text node. */
  rest: string;
  quotes?: string[];
};

/**
 * The entries of a table's numbered sources, a client component only for what it sends, as the tables' rows are
 * (components/organizations/member-rows.tsx): a page whose rows each rest on a source of their own lists as many
 * sources as rows, and each entry's element tree in the payload was twice its facts. The HTML is the same.
 */
export function CitationEntries({
  list,
  heading,
  quoteLabel,
  entries,
}: {
  list: string;
  heading: string;
  quoteLabel: string;
  entries: CitationEntryView[];
}) {
  return (
    <div className="mt-3 text-xs text-muted">
      {/* Not a heading: the list sits under an h1 on one page and an h2 on another, and labels itself. */}
      <p id={`${list}-sources`} className="font-semibold text-slate-700">
        {heading}
      </p>
      <ol aria-labelledby={`${list}-sources`} className="mt-1 space-y-2">
        {entries.map(({ number, label, url, rest, quotes }) => (
          <li key={number} id={citationId(list, number)} className="scroll-mt-20">
            {`[${number}] `}
            {url ? (
              <a href={url} className="source-link" rel="noopener noreferrer">
                {label}
              </a>
            ) : (
              <cite className="not-italic">{label}</cite>
            )}
            {rest}
            {quotes ? (
              <ul className="mt-1 space-y-1">
                {quotes.map((q) => (
                  <li key={q}>
                    <blockquote className="source-quote">
                      <span className="sr-only">{quoteLabel}: </span>“{q}”
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
