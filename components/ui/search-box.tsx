import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";

/** A plain GET form: search works without JavaScript and every result page has its own address. */
const field =
  "min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 text-ink " +
  "placeholder:text-slate-500 focus:border-accent";
const button = "rounded-md bg-accent font-medium text-white hover:bg-accent-strong";

export async function SearchBox({
  locale,
  defaultValue,
  size = "md",
  id = "site-search",
}: {
  locale: Locale;
  defaultValue?: string;
  size?: "md" | "lg";
  id?: string;
}) {
  const t = await getTranslations({ locale, namespace: "search" });
  const big = size === "lg";
  return (
    /* biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the search landmark every
       screen reader knows; <search> is too new for some */
    <form role="search" action={`/${locale}/organizations`} method="get" className="flex w-full gap-2">
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={t("placeholder")}
        maxLength={200}
        className={`${field} ${big ? "py-3 text-base" : "py-1.5 text-sm"}`}
      />
      <button type="submit" className={`${button} ${big ? "px-5 py-3" : "px-3 py-1.5 text-sm"}`}>
        {t("submit")}
      </button>
    </form>
  );
}
