import type { ReactNode } from "react";
import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { textLanguage } from "@/lib/shared/text-language";

/**
 * A stored text shown in the language its source gives it, which may not be the page's: marked with its own
 * `lang` (so screen readers and hyphenation read it right) and, for a longer English text on a Chinese page,
 * with a small "as written in English" label. Nothing is translated or invented here.
 */
export async function AsWritten({
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
  const label =
    long && written === "en" ? (
      <span className="mr-1 inline-block rounded bg-slate-100 px-1 text-xs text-muted" data-as-written="">
        {(await getTranslations({ locale, namespace: "records" }))("asWrittenInEnglish")}
      </span>
    ) : null;
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
