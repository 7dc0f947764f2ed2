import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { getOpenDataCounts, getOpenDataModifiedAt } from "@/lib/data/open/datasets";
import { toDcatCatalog } from "@/lib/open-data/catalog";
import { JsonLd } from "@/components/ui/json-ld";
import { LICENSE } from "@/lib/open-data/license";
import { listReleases } from "@/lib/open-data/releases";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { DatasetDownloads } from "@/components/data/dataset-downloads";
import { ReleaseTable } from "@/components/data/release-table";
import { DirectoryCredit } from "@/components/data/directory-credit";
import { QuickStatementsPeriods } from "@/components/data/quickstatements-periods";
import { notFound } from "next/navigation";
import { isLocale } from "@/i18n/routing";
import { env } from "@/lib/env";

type Props = { params: Promise<{ locale: string }> };

// Releases are files written by `npm run data:release`: read them on each request (cheap, a few files).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const [t, feeds] = await Promise.all([
    getTranslations({ locale, namespace: "data" }),
    getTranslations({ locale, namespace: "feeds" }),
  ]);
  return {
    title: t("title"),
    description: t("lead"),
    alternates: {
      canonical: `/${locale}/data`,
      languages: { en: "/en/data", zh: "/zh/data" },
      types: { "application/atom+xml": [{ url: "/feeds/changes.atom", title: feeds("allChanges") }] },
    },
  };
}

export default async function DataPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, counts, modifiedAt] = await Promise.all([
    getTranslations({ locale, namespace: "data" }),
    getOpenDataCounts(),
    getOpenDataModifiedAt(),
  ]);
  const releases = listReleases();
  const siteUrl = env().SITE_URL.replace(/\/+$/, "");
  return (
    <article className="space-y-8">
      <JsonLd data={toDcatCatalog({ siteUrl, modifiedAt, releases })} />
      <Breadcrumbs locale={locale} items={[{ label: t("title") }]} />
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("lead")}</p>
        <p className="mt-1 text-sm text-muted">{t("counts", counts)}</p>
      </header>
      <section aria-labelledby="license" className="rounded-md border border-line bg-white p-4">
        <h2 id="license" className="text-lg font-semibold">
          {t("license")}: CC0
        </h2>
        <p className="mt-1 text-sm">
          {t.rich("licenseText", {
            license: (chunks) => (
              <a href={LICENSE.url} className="text-accent underline" rel="license">
                {chunks}
              </a>
            ),
          })}
        </p>
        <DirectoryCredit locale={locale} />
      </section>
      <DatasetDownloads counts={counts} locale={locale} />
      <QuickStatementsPeriods locale={locale} />
      <section aria-labelledby="api">
        <h2 id="api" className="text-xl font-semibold">
          {t("api")}
        </h2>
        <p className="mt-1 text-slate-700">{t("apiText")}</p>
        <p className="mt-1">
          <Link locale={locale} href="/data/api" className="text-accent underline">
            {t("apiDocs")}
          </Link>{" "}
          ·{" "}
          <a href="/api/v1/openapi.json" className="text-accent underline">
            {t("openapi")}
          </a>
        </p>
      </section>
      <section aria-labelledby="reconciliation">
        <h2 id="reconciliation" className="text-xl font-semibold">
          {t("reconciliation")}
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">{t("reconciliationText")}</p>
        <p className="mt-1">
          <code className="rounded bg-slate-100 px-1.5 py-0.5 text-sm">{`${siteUrl}/api/reconcile`}</code>{" "}
          <span className="text-sm text-muted">{t("reconciliationLimits")}</span>
        </p>
      </section>
      <ReleaseTable releases={releases} locale={locale} />
    </article>
  );
}
