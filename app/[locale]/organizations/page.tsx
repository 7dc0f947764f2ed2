import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listOrganizations } from "@/lib/data/organizations/list";
import { totalWording } from "@/lib/shared/total-wording";
import { parseOrganizationSearch } from "@/lib/validation/search";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Pagination } from "@/components/ui/pagination";
import { SearchBox } from "@/components/ui/search-box";
import { OrganizationCards } from "@/components/organizations/organization-card";
import { OrganizationFacets } from "@/components/organizations/organization-facets";
import { OrganizationSortForm } from "@/components/organizations/organization-sort-form";
import { notFound } from "next/navigation";
import { isLocale } from "@/i18n/routing";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
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
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { search, errors } = parseOrganizationSearch(await searchParams);
  const [result, t] = await Promise.all([
    listOrganizations(search, locale),
    getTranslations({ locale, namespace: "organizations" }),
  ]);
  const query = {
    q: search.q,
    kind: search.kind,
    field: search.field,
    country: search.country,
    year: search.year,
    sort: search.sort === "relevance" ? undefined : search.sort,
  };

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
        <OrganizationFacets
          search={search}
          query={query}
          facets={result.facets}
          estimated={result.estimated.facets}
          locale={locale}
        />

        <section aria-labelledby="results-heading">
          <div className="flex flex-wrap items-end justify-between gap-3 border-b border-line pb-3">
            <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
              {search.q
                ? t(`resultsFor${totalWording(result.estimated)}`, { count: result.total, q: search.q })
                : t(`results${totalWording(result.estimated)}`, { count: result.total })}
            </h2>
            <OrganizationSortForm search={search} query={query} locale={locale} />
          </div>
          {result.items.length ? (
            <OrganizationCards organizations={result.items} locale={locale} className="mt-4 space-y-3" />
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
