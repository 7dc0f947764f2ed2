import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { INSTITUTION_SORTS, type InstitutionSearch } from "@/lib/validation/search";

/** Search and sort in one form, keeping the chosen filters. */
export async function InstitutionSearchForm({ search, locale }: { search: InstitutionSearch; locale: Locale }) {
  const [t, o, s] = await Promise.all([
    getTranslations({ locale, namespace: "institutions" }),
    getTranslations({ locale, namespace: "organizations" }),
    getTranslations({ locale, namespace: "search" }),
  ]);
  return (
    /* biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the search landmark every
       screen reader knows; <search> is too new for some */
    <form role="search" method="get" action={`/${locale}/institutions`} className="mt-6 flex max-w-2xl flex-wrap gap-2">
      <label htmlFor="institutions-search" className="sr-only">
        {s("label")}
      </label>
      <input
        id="institutions-search"
        name="q"
        type="search"
        defaultValue={search.q}
        maxLength={200}
        className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
      />
      <label htmlFor="institutions-sort" className="sr-only">
        {o("sort")}
      </label>
      <select
        id="institutions-sort"
        name="sort"
        defaultValue={search.sort}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {INSTITUTION_SORTS.map((v) => (
          <option key={v} value={v}>
            {t(`sorts.${v}`)}
          </option>
        ))}
      </select>
      {search.kind ? <input type="hidden" name="kind" value={search.kind} /> : null}
      {search.country ? <input type="hidden" name="country" value={search.country} /> : null}
      {search.coverage ? <input type="hidden" name="coverage" value={search.coverage} /> : null}
      <button
        type="submit"
        className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-strong"
      >
        {s("submit")}
      </button>
    </form>
  );
}
