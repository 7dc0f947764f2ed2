import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listOrganizations } from "@/lib/data/organizations/list";
import { parseOrganizationSearch, ORGANIZATION_SORTS } from "@/lib/validation/search";
import { countryName } from "@/lib/shared/countries";
import { Link } from "@/components/ui/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { FacetList } from "@/components/ui/facet-list";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { OrganizationCard } from "@/components/organizations/organization-card";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "organizations" });
  const { search } = parseOrganizationSearch(await searchParams);
  return {
    title: search.q ? `${search.q} · ${t("title")}` : t("title"),
    description: t("lead"),
    alternates: {
      canonical: `/${locale}/organizations`,
      languages: { en: "/en/organizations", zh: "/zh/organizations" },
    },
    // Filtered and searched variants are not separate documents for search engines.
    robots:
      search.q || search.kind || search.country || search.field || search.year || search.page > 1
        ? { index: false, follow: true }
        : undefined,
  };
}

export default async function OrganizationsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { search, errors } = parseOrganizationSearch(await searchParams);
  const result = await listOrganizations(search, locale);
  const t = await getTranslations({ locale, namespace: "organizations" });
  const kinds = await getTranslations({ locale, namespace: "kinds" });
  const fields = await getTranslations({ locale, namespace: "fields" });
  const query = {
    q: search.q,
    kind: search.kind,
    field: search.field,
    country: search.country,
    year: search.year,
    sort: search.sort === "relevance" ? undefined : search.sort,
  };
  const filtered = Boolean(search.kind || search.field || search.country || search.year);

  return (
    <div>
      <Breadcrumbs locale={locale} items={[{ label: t("title") }]} />
      <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("lead")}</p>
      <div className="mt-6 max-w-2xl">
        <SearchBox locale={locale} defaultValue={search.q} id="organizations-search" />
      </div>
      {errors.length ? (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("invalidParams", { details: errors.join("; ") })}
        </p>
      ) : null}

      <div className="mt-8 grid gap-8 md:grid-cols-[15rem_1fr]">
        <aside aria-label={t("filters")} className="space-y-6">
          <h2 className="sr-only">{t("filters")}</h2>
          <FacetList
            title={t("kind")}
            name="kind"
            pathname="/organizations"
            query={query}
            selected={search.kind}
            anyLabel={t("any")}
            options={result.facets.kind.map((f) => ({ value: f.value, label: kinds(f.value), count: f.count }))}
          />
          <FacetList
            title={t("country")}
            name="country"
            pathname="/organizations"
            query={query}
            selected={search.country}
            anyLabel={t("any")}
            options={result.facets.country.map((f) => ({
              value: f.value,
              label: countryName(f.value, locale),
              count: f.count,
            }))}
          />
          <FacetList
            title={t("field")}
            name="field"
            pathname="/organizations"
            query={query}
            selected={search.field}
            anyLabel={t("any")}
            options={result.facets.field.map((f) => ({ value: f.value, label: fields(f.value), count: f.count }))}
          />
          <FacetList
            title={t("year")}
            name="year"
            pathname="/organizations"
            query={query}
            selected={search.year}
            anyLabel={t("any")}
            options={[...result.facets.year]
              .sort((a, b) => b.value - a.value)
              .map((f) => ({ value: f.value, label: String(f.value), count: f.count }))}
          />
          {filtered ? (
            <Link
              href={{ pathname: "/organizations", query: search.q ? { q: search.q } : {} }}
              className="block text-sm text-accent underline"
            >
              {t("clear")}
            </Link>
          ) : null}
        </aside>

        <section aria-labelledby="results-heading">
          <div className="flex flex-wrap items-end justify-between gap-3 border-b border-line pb-3">
            <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
              {search.q ? t("resultsFor", { count: result.total, q: search.q }) : t("results", { count: result.total })}
            </h2>
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
              <button
                type="submit"
                className="rounded-md border border-slate-300 bg-white px-2 py-1 hover:border-accent"
              >
                {t("apply")}
              </button>
            </form>
          </div>
          {result.items.length ? (
            <ul className="mt-4 space-y-3">
              {result.items.map((o) => (
                <OrganizationCard key={o.slug} organization={o} locale={locale} />
              ))}
            </ul>
          ) : (
            <p className="mt-6 text-slate-700">{t("noResults")}</p>
          )}
          <Pagination
            pathname="/organizations"
            query={query}
            page={result.page}
            pageCount={result.pageCount}
            locale={locale}
          />
        </section>
      </div>
    </div>
  );
}
