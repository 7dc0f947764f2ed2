import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { ORGANIZATION_SORTS, type OrganizationSearch } from "@/lib/validation/search";

/** The sort order, sent with the current query so choosing it keeps the filters. */
export async function OrganizationSortForm({
  search,
  query,
  locale,
}: {
  search: OrganizationSearch;
  query: Record<string, string | number | undefined>;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "organizations" });
  return (
    <form method="get" action={`/${locale}/organizations`} className="flex items-center gap-2 text-sm">
      {Object.entries(query).map(([k, v]) =>
        k !== "sort" && v !== undefined ? <input key={k} type="hidden" name={k} value={String(v)} /> : null,
      )}
      <label htmlFor="sort">{t("sort")}</label>
      <select
        id="sort"
        name="sort"
        defaultValue={search.sort}
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        {ORGANIZATION_SORTS.map((s) => (
          <option key={s} value={s}>
            {t(`sorts.${s}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-2 py-1 hover:border-accent">
        {t("apply")}
      </button>
    </form>
  );
}
