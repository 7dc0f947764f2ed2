import type { Locale } from "@/i18n/routing";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

const field =
  "w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 text-ink " +
  "placeholder:text-slate-500 focus:border-accent";
const button = "shrink-0 rounded-md bg-accent font-medium text-white hover:bg-accent-strong";

/**
 * A search form: a plain GET form to `/search` (organizations and institutions) or `/organizations`, with its label
 * and button, around the text field that `children` makes from the field's id, placeholder and classes. Search works
 * without JavaScript and every result page has its own address. It imports no client code: each box brings its own.
 */
export async function SearchFormFrame({
  locale,
  id,
  size,
  target,
  children,
}: {
  locale: Locale;
  id: string;
  size: "md" | "lg";
  target: "search" | "organizations";
  children: (field: { id: string; placeholder: string; className: string }) => ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: "search" });
  const big = size === "lg";
  return (
    /* biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the search landmark every
       screen reader knows; <search> is too new for some */
    <form role="search" action={`/${locale}/${target}`} method="get" className="flex w-full gap-2">
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <div className="min-w-0 flex-1">
        {children({
          id,
          placeholder: t("placeholder"),
          className: `${field} ${big ? "py-3 text-base" : "py-1.5 text-sm"}`,
        })}
      </div>
      <button type="submit" className={`${button} ${big ? "px-5 py-3" : "px-3 py-1.5 text-sm"}`}>
        {t("submit")}
      </button>
    </form>
  );
}
