import type { Locale } from "@/i18n/routing";
import { SearchFormFrame } from "./search-form-frame";

/**
 * A search box without the type-ahead: the organizations list's, and the not-found page's (to /search). What is typed
 * goes to the target page.
 */
export function SearchBox({
  locale,
  defaultValue,
  size = "md",
  id = "site-search",
  target = "organizations",
}: {
  locale: Locale;
  defaultValue?: string;
  size?: "md" | "lg";
  id?: string;
  target?: "search" | "organizations";
}) {
  return (
    <SearchFormFrame locale={locale} id={id} size={size} target={target}>
      {(field) => <input type="search" name="q" defaultValue={defaultValue} maxLength={200} {...field} />}
    </SearchFormFrame>
  );
}
