import type { ReactNode } from "react";
import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { textLanguage } from "@/lib/shared/text-language";

/**
 * A stored text shown in the language its source gives it, which may not be the page's: marked with its own
 * `lang` (so screen readers and hyphenation read it right) and, for a longer English text on a Chinese page,
 * with a small "as written in English" label. Nothing is translated or invented here.
 */
export function AsWritten({
  text,
  lang,
  locale,
  long = false,
  block = false,
  children,
}: {
  /** The text (plain or markdown) whose language is judged, when `lang` does not state it. */
  text: string;
  lang?: string | null;
  locale: Locale;
  /** A paragraph rather than a name: gets the label. */
  long?: boolean;
  block?: boolean;
  children?: ReactNode;
}) {
  const written = textLanguage(text, lang);
  const content = children ?? text;
  if (written === locale) return <>{content}</>;
  const label = long && written === "en" ? <AsWrittenInEnglish locale={locale} /> : null;
  if (block)
    return (
      <div>
        {label}
        <div lang={written}>{content}</div>
      </div>
    );
  return (
    <>
      {label}
      <span lang={written}>{content}</span>
    </>
  );
}

// Apart, and the only part that waits for translations: a synchronous component is rendered in place, while each
// asynchronous one becomes a chunk of its own in the page's RSC payload (a table has several per row), and most
// texts need no label (a name, or a text in the page's language).
async function AsWrittenInEnglish({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "records" });
  return (
    <span className="mr-1 inline-block rounded bg-slate-100 px-1 text-xs text-muted" data-as-written="">
      {t("asWrittenInEnglish")}
    </span>
  );
}
