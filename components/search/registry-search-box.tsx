import type { Locale } from "@/i18n/routing";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { RegistrySearchField } from "./registry-search-field";
import { SearchFormFrame } from "@/components/ui/search-form-frame";

/**
 * The search over organizations and institutions together: a plain GET form to /search, so it works without
 * JavaScript; with it, the type-ahead suggests records of both kinds. Only the type-ahead's texts go to the
 * browser. (The not-found page has the plain SearchBox: see there why.)
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
  const { suggest } = await getMessages({ locale });
  return (
    <SearchFormFrame locale={locale} id={id} size={size} target="search">
      {(field) => (
        <NextIntlClientProvider messages={{ suggest }}>
          <RegistrySearchField {...field} locale={locale} defaultText={defaultValue} />
        </NextIntlClientProvider>
      )}
    </SearchFormFrame>
  );
}
