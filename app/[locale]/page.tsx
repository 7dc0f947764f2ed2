import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getRegistryOverview } from "@/lib/data/open/overview";
import { getRegistryCharts } from "@/lib/data/organizations/charts";
import { RegistryOverviewCharts } from "@/components/charts/registry-overview";
import { NewestOrganizations } from "@/components/home/newest-organizations";
import { RecentUpdates } from "@/components/home/recent-updates";
import { RegistryCounts } from "@/components/home/registry-counts";
import { env } from "@/lib/env";
import { JsonLd } from "@/components/ui/json-ld";
import { RegistrySearchBox } from "@/components/search/registry-search-box";
import { notFound } from "next/navigation";
import { isLocale } from "@/i18n/routing";
import { pageAlternates } from "@/lib/seo/alternates";
import { websiteJsonLd } from "@/lib/seo/json-ld";

export const revalidate = 3600;

// The title and description are the layout's defaults; the home page adds its own canonical and alternates.
export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return { alternates: pageAlternates(locale, "") };
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, meta, overview, charts] = await Promise.all([
    getTranslations({ locale, namespace: "home" }),
    getTranslations({ locale, namespace: "meta" }),
    getRegistryOverview(locale),
    getRegistryCharts(),
  ]);
  const siteUrl = env().SITE_URL;

  return (
    <div className="space-y-12">
      <JsonLd data={websiteJsonLd(meta("siteName"), siteUrl, locale)} />
      {/* A plain background, not a gradient: axe cannot measure text contrast on a gradient, and leaves it to
          review. */}
      <section className="rounded-xl bg-accent-soft px-6 py-10 ring-1 ring-line sm:px-10">
        <h1 className="max-w-3xl text-3xl font-semibold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-4 max-w-3xl text-lg leading-relaxed text-slate-700">{t("lead")}</p>
        <div className="mt-6 max-w-2xl">
          <RegistrySearchBox locale={locale} size="lg" id="home-search" />
        </div>
      </section>

      <RegistryCounts counts={overview.counts} locale={locale} />

      <RegistryOverviewCharts charts={charts} locale={locale} />

      <div className="grid gap-8 md:grid-cols-2">
        <NewestOrganizations newest={overview.newest} locale={locale} />
        <RecentUpdates recentlyUpdated={overview.recentlyUpdated} locale={locale} />
      </div>

      <section aria-labelledby="how-heading" className="rounded-md border border-line bg-white p-6">
        <h2 id="how-heading" className="text-xl font-semibold">
          {t("howTitle")}
        </h2>
        <ol className="mt-3 list-decimal space-y-1 pl-5 text-slate-700">
          <li>{t("how1")}</li>
          <li>{t("how2")}</li>
          <li>{t("how3")}</li>
        </ol>
      </section>
    </div>
  );
}
