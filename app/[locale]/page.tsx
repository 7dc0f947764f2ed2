import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { getRegistryOverview } from "@/lib/data/open/overview";
import { getRegistryCharts } from "@/lib/data/organizations/charts";
import { RegistryOverviewCharts } from "@/components/charts/registry-overview";
import { formatPartialDate } from "@/lib/shared/dates";
import { env } from "@/lib/env";
import { JsonLd } from "@/components/ui/json-ld";
import { SearchBox } from "@/components/ui/search-box";

export const revalidate = 3600;

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "home" });
  const meta = await getTranslations({ locale, namespace: "meta" });
  const kinds = await getTranslations({ locale, namespace: "kinds" });
  const overview = await getRegistryOverview(locale);
  const charts = await getRegistryCharts();
  const counts = Object.entries(overview.counts) as [keyof typeof overview.counts, number][];
  const siteUrl = env().SITE_URL;

  return (
    <div className="space-y-12">
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "WebSite",
          name: meta("siteName"),
          url: `${siteUrl}/${locale}`,
          potentialAction: {
            "@type": "SearchAction",
            target: `${siteUrl}/${locale}/organizations?q={query}`,
            "query-input": "required name=query",
          },
        }}
      />
      <section className="rounded-xl bg-gradient-to-br from-accent-soft to-white px-6 py-10 ring-1 ring-line sm:px-10">
        <h1 className="max-w-3xl text-3xl font-semibold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-4 max-w-3xl text-lg leading-relaxed text-slate-700">{t("lead")}</p>
        <div className="mt-6 max-w-2xl">
          <SearchBox locale={locale} size="lg" id="home-search" />
        </div>
      </section>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" className="sr-only">
          {meta("siteName")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {counts.map(([key, value]) => (
            <div key={key} className="rounded-md border border-line bg-white p-4">
              <dt className="text-sm text-muted">{t(`counts.${key}`)}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <RegistryOverviewCharts charts={charts} locale={locale} />

      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby="newest-heading">
          <h2 id="newest-heading" className="text-xl font-semibold">
            {t("newest")}
          </h2>
          <ul className="mt-3 divide-y divide-line rounded-md border border-line bg-white">
            {overview.newest.map((o) => (
              <li key={o.slug} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 p-3">
                <Link href={`/organizations/${o.slug}`} className="min-w-0 font-medium text-accent hover:underline">
                  {o.name}
                </Link>
                <span className="text-sm text-muted">
                  {kinds(o.kind)} · {formatPartialDate(o.founded, locale)}
                </span>
              </li>
            ))}
          </ul>
          <Link href="/organizations" className="mt-3 inline-block text-sm text-accent underline">
            {t("browseOrganizations")}
          </Link>
        </section>
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="text-xl font-semibold">
            {t("recent")}
          </h2>
          <ul className="mt-3 divide-y divide-line rounded-md border border-line bg-white">
            {overview.recentlyUpdated.map((m) => (
              <li key={`${m.institution.slug}-${m.organization.slug}`} className="p-3 text-sm">
                <Link href={`/institutions/${m.institution.slug}`} className="font-medium text-accent hover:underline">
                  {m.institution.name}
                </Link>
                <span className="text-muted"> → </span>
                <Link href={`/organizations/${m.organization.slug}`} className="hover:text-accent hover:underline">
                  {m.organization.name}
                </Link>
                <span className="block text-xs text-muted">
                  {formatPartialDate({ iso: m.updatedAt.slice(0, 10), precision: "DAY" }, locale)}
                </span>
              </li>
            ))}
          </ul>
          <Link href="/institutions" className="mt-3 inline-block text-sm text-accent underline">
            {t("browseInstitutions")}
          </Link>
        </section>
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
