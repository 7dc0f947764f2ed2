import type { Locale } from "@/i18n/routing";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { RegistrySearchField } from "./registry-search-field";

const field =
  "w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 text-ink " +
  "placeholder:text-slate-500 focus:border-accent";
const button = "shrink-0 rounded-md bg-accent font-medium text-white hover:bg-accent-strong";

/**
 * The search over organizations and institutions together: a plain GET form to /search, so it works without
 * JavaScript; with it, the type-ahead suggests records of both kinds. Only the type-ahead's texts go to the
 * browser.
 */
export async function RegistrySearchBox({
  locale,
  defaultValue,
  size = "md",
  id = "registry-search",
}: {
  locale: Locale;
  defaultValue?: string;
  size?: "md" | "lg";
  id?: string;
}) {
  const [t, { suggest }] = await Promise.all([
    getTranslations({ locale, namespace: "search" }),
    getMessages({ locale }),
  ]);
  const big = size === "lg";
  return (
    /* biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the search landmark every
       screen reader knows; <search> is too new for some */
    <form role="search" action={`/${locale}/search`} method="get" className="flex w-full gap-2">
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <div className="min-w-0 flex-1">
        <NextIntlClientProvider messages={{ suggest }}>
          <RegistrySearchField
            id={id}
            locale={locale}
            defaultText={defaultValue}
            placeholder={t("placeholder")}
            className={`${field} ${big ? "py-3 text-base" : "py-1.5 text-sm"}`}
          />
        </NextIntlClientProvider>
      </div>
      <button type="submit" className={`${button} ${big ? "px-5 py-3" : "px-3 py-1.5 text-sm"}`}>
        {t("submit")}
      </button>
    </form>
  );
}
