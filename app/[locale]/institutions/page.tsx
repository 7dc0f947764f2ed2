import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listInstitutions } from "@/lib/data/institutions/list";
import { totalWording } from "@/lib/shared/total-wording";
import { parseInstitutionSearch } from "@/lib/validation/search";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Pagination } from "@/components/ui/pagination";
import { InstitutionFacets } from "@/components/institutions/institution-facets";
import { InstitutionList } from "@/components/institutions/institution-list";
import { InstitutionSearchForm } from "@/components/institutions/institution-search-form";
import { notFound } from "next/navigation";
import { isLocale } from "@/i18n/routing";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: "institutions" });
  return {
    title: t("title"),
    description: t("lead"),
    alternates: { canonical: `/${locale}/institutions`, languages: { en: "/en/institutions", zh: "/zh/institutions" } },
  };
}

export default async function InstitutionsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { search, errors } = parseInstitutionSearch(await searchParams);
  const [result, t, o] = await Promise.all([
    listInstitutions(search, locale),
    getTranslations({ locale, namespace: "institutions" }),
    getTranslations({ locale, namespace: "organizations" }),
  ]);
  const query = {
    q: search.q,
    kind: search.kind,
    country: search.country,
    coverage: search.coverage,
    sort: search.sort === "name" ? undefined : search.sort,
  };

  return (
    <div>
      <Breadcrumbs locale={locale} items={[{ label: t("title") }]} />
      <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("lead")}</p>
      <InstitutionSearchForm search={search} locale={locale} />
      {errors.length ? (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {o("invalidParams", { details: errors.join("; ") })}
        </p>
      ) : null}
      <div className="mt-8 grid gap-8 md:grid-cols-[15rem_1fr]">
        <InstitutionFacets
          search={search}
          query={query}
          facets={result.facets}
          estimated={result.estimated.facets}
          locale={locale}
        />
        <section aria-labelledby="institutions-results">
          <h2 id="institutions-results" className="border-b border-line pb-3 text-lg font-semibold" aria-live="polite">
            {t(`results${totalWording(result.estimated)}`, { count: result.total })}
          </h2>
          <InstitutionList items={result.items} locale={locale} />
          <Pagination
            pathname="/institutions"
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
