import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/ui/markdown";
import { markdownToPlainText } from "@/lib/content/markdown";
import { cutAtWord, fitsWhole } from "@/lib/shared/cut-text";

/**
 * A long markdown text as a native <details> (it opens and closes without JavaScript): closed, a teaser cut at
 * a word; open, the whole text instead of the teaser. A text short enough to read whole gets no control.
 */
export function ReadMore({
  source,
  locale,
  lang,
  max = 280,
  wholeUpTo = Math.round(max * 1.5),
  className = "",
}: {
  source: string;
  locale: Locale;
  lang?: string;
  /** The teaser's length. */
  max?: number;
  /** The longest plain text shown whole: a teaser barely shorter than the text would hide nothing. */
  wholeUpTo?: number;
  className?: string;
}) {
  const plain = markdownToPlainText(source);
  // Synchronous for a text shown whole (no control to label): rendered in place in the RSC payload.
  if (fitsWhole(plain, wholeUpTo)) return <Markdown source={source} className={className} lang={lang} />;
  return <Teaser source={source} plain={plain} locale={locale} lang={lang} max={max} className={className} />;
}

async function Teaser({
  source,
  plain,
  locale,
  lang,
  max,
  className,
}: {
  source: string;
  plain: string;
  locale: Locale;
  lang?: string;
  max: number;
  className: string;
}) {
  const t = await getTranslations({ locale, namespace: "records" });
  return (
    // Its classes are app/globals.css's (.read-more): a table repeats the control in every row.
    <details className={`read-more ${className}`.trim()} data-read-more="">
      <summary>
        <span className="when-closed" lang={lang} data-teaser="">
          {`${cutAtWord(plain, max)} `}
        </span>
        <span className="read-more-toggle">
          <span className="when-closed">{t("readMore")}</span>
          <span className="when-open">{t("showLess")}</span>
        </span>
      </summary>
      <Markdown source={source} lang={lang} />
    </details>
  );
}
