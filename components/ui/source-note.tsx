import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import type { SourceRef } from "@/lib/shared/types/memberships";
import { formatPartialDate } from "@/lib/shared/dates";

/** Where a fact comes from: the source's title (linked when it has a URL) and, on demand, the quote. */
export async function SourceNote({
  source,
  locale,
  compact = false,
}: {
  source: SourceRef | null;
  locale: Locale;
  compact?: boolean;
}) {
  if (!source) return null;
  const t = await getTranslations({ locale, namespace: "source" });
  const title = source.url ? (
    <a href={source.url} className="source-link" rel="noopener noreferrer">
      {source.publisher ?? source.title}
    </a>
  ) : (
    <cite className="not-italic">{source.publisher ?? source.title}</cite>
  );
  const seen = t("seen", {
    date: formatPartialDate({ iso: source.seenOn, precision: "DAY" }, locale) ?? source.seenOn,
  });
  if (!source.quote) {
    return (
      <span className="text-xs text-muted">
        {title} · {seen}
      </span>
    );
  }
  // The summary is the toggle and nothing else (a link inside it would be a second target on the same
  // spot, too small to tap); the source's link is inside, under the quote.
  return (
    <details className="text-xs text-muted">
      <summary className="cursor-pointer select-none py-1.5">
        {compact ? null : <span className="sr-only">{t("label")}: </span>}
        {source.publisher ?? source.title} · {seen}
      </summary>
      <blockquote className="source-quote mt-1" cite={source.url ?? undefined}>
        <span className="sr-only">{t("quote")}: </span>“{source.quote}”
        <span className="not-italic text-muted">
          {" "}
          —{" "}
          {source.url ? (
            <a href={source.url} className="source-link" rel="noopener noreferrer">
              {source.title}
            </a>
          ) : (
            source.title
          )}
        </span>
      </blockquote>
    </details>
  );
}
