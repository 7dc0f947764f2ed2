import type { Locale } from "@/i18n/routing";
import { SearchFormFrame } from "./search-form-frame";

/**
 * The registry search without the type-ahead, for the not-found page. That page is the layout's not-found boundary,
 * in every page's payload and module graph: the type-ahead there would bring its script and next-intl's client
 * runtime (12 KB compressed) to every page. What is typed goes to the search page.
 */
export function PlainSearchBox({ locale, id }: { locale: Locale; id: string }) {
  return (
    <SearchFormFrame locale={locale} id={id} size="md">
      {(field) => <input type="search" name="q" {...field} />}
    </SearchFormFrame>
  );
}
