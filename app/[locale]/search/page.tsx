import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { isLocale } from "@/i18n/routing";
import { searchRegistry } from "@/lib/data/search/search-registry";
import { parseOrganizationSearch } from "@/lib/validation/search";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { RegistrySearchBox } from "@/components/search/registry-search-box";
import { RegistrySearchResults } from "@/components/search/registry-search-results";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// A results page is not a document of its own for search engines: noindex, and it is in no sitemap.
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: "registrySearch" });
  const { q } = parseOrganizationSearch({ q: (await searchParams).q }).search;
  return { title: q ? t("titleFor", { q }) : t("title"), robots: { index: false, follow: true } };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  // The same text rules as the lists the "see all" links open; anything but q is theirs to filter by.
  const { search, errors } = parseOrganizationSearch({ q: (await searchParams).q });
  const [t, o] = await Promise.all([
    getTranslations({ locale, namespace: "registrySearch" }),
    getTranslations({ locale, namespace: "organizations" }),
  ]);
  const q = search.q;
  return (
    <div>
      <Breadcrumbs locale={locale} items={[{ label: t("title") }]} />
      <h1 className="text-3xl font-semibold tracking-tight">{q ? t("titleFor", { q }) : t("title")}</h1>
      <div className="mt-6 max-w-2xl">
        <RegistrySearchBox locale={locale} defaultValue={q} id="search-page-search" />
      </div>
      {errors.length ? (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {o("invalidParams", { details: errors.join("; ") })}
        </p>
      ) : null}
      {q ? (
        <RegistrySearchResults q={q} result={await searchRegistry(q, locale)} locale={locale} />
      ) : (
        <p className="mt-6 text-slate-700">{t("empty")}</p>
      )}
    </div>
  );
}
