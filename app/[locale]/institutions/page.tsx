import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listInstitutions } from "@/lib/data/institutions/list";
import { parseInstitutionSearch, INSTITUTION_SORTS } from "@/lib/validation/search";
import { countryName } from "@/lib/shared/countries";
import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { FacetList } from "@/components/ui/facet-list";
import { Pagination } from "@/components/ui/pagination";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "institutions" });
  return {
    title: t("title"),
    description: t("lead"),
    alternates: { canonical: `/${locale}/institutions`, languages: { en: "/en/institutions", zh: "/zh/institutions" } },
  };
}

export default async function InstitutionsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { search, errors } = parseInstitutionSearch(await searchParams);
  const result = await listInstitutions(search, locale);
  const t = await getTranslations({ locale, namespace: "institutions" });
  const o = await getTranslations({ locale, namespace: "organizations" });
  const s = await getTranslations({ locale, namespace: "search" });
  const kinds = await getTranslations({ locale, namespace: "institutionKinds" });
  const query = {
    q: search.q,
    kind: search.kind,
    country: search.country,
    sort: search.sort === "name" ? undefined : search.sort,
  };

  return (
    <div>
      <Breadcrumbs locale={locale} items={[{ label: t("title") }]} />
      <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("lead")}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the search landmark every screen reader knows; <search> is too new for some */}
      <form
        role="search"
        method="get"
        action={`/${locale}/institutions`}
        className="mt-6 flex max-w-2xl flex-wrap gap-2"
      >
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
        <button
          type="submit"
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-strong"
        >
          {s("submit")}
        </button>
      </form>
      {errors.length ? (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {o("invalidParams", { details: errors.join("; ") })}
        </p>
      ) : null}
      <div className="mt-8 grid gap-8 md:grid-cols-[15rem_1fr]">
        <aside aria-label={o("filters")} className="space-y-6">
          <h2 className="sr-only">{o("filters")}</h2>
          <FacetList
            title={t("kind")}
            name="kind"
            pathname="/institutions"
            query={query}
            selected={search.kind}
            anyLabel={o("any")}
            options={result.facets.kind.map((f) => ({ value: f.value, label: kinds(f.value), count: f.count }))}
          />
          <FacetList
            title={t("country")}
            name="country"
            pathname="/institutions"
            query={query}
            selected={search.country}
            anyLabel={o("any")}
            options={result.facets.country.map((f) => ({
              value: f.value,
              label: countryName(f.value, locale),
              count: f.count,
            }))}
          />
        </aside>
        <section aria-labelledby="institutions-results">
          <h2 id="institutions-results" className="border-b border-line pb-3 text-lg font-semibold" aria-live="polite">
            {t("results", { count: result.total })}
          </h2>
          <ul className="mt-4 divide-y divide-line rounded-md border border-line bg-white">
            {result.items.map((i) => (
              <li key={i.slug} className="flex flex-wrap items-baseline justify-between gap-2 p-3">
                <div>
                  <Link href={`/institutions/${i.slug}`} className="font-medium text-accent hover:underline">
                    {i.name}
                  </Link>
                  {i.originalName ? (
                    <span className="block text-sm text-muted" lang="en">
                      {i.originalName}
                    </span>
                  ) : null}
                </div>
                <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  <Badge>{kinds(i.kind)}</Badge>
                  <span>{countryName(i.country, locale)}</span>
                  <span className="text-muted">· {t("memberships", { count: i.membershipCount })}</span>
                </div>
              </li>
            ))}
          </ul>
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
