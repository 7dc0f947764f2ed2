import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { getOpenDataCounts } from "@/lib/data/open/datasets";
import { LICENSE } from "@/lib/open-data/license";
import { listReleases } from "@/lib/open-data/releases";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

type Props = { params: Promise<{ locale: string }> };

// Releases are files written by `npm run data:release`: read them on each request (cheap, a few files).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "data" });
  return {
    title: t("title"),
    description: t("lead"),
    alternates: { canonical: `/${locale}/data`, languages: { en: "/en/data", zh: "/zh/data" } },
  };
}

export default async function DataPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "data" });
  const counts = await getOpenDataCounts();
  const releases = listReleases();
  const files = [
    { href: "/api/v1/export/dataset.csv", label: t("memberships") },
    { href: "/api/v1/export/organizations.csv", label: t("organizations") },
    { href: "/api/v1/export/institutions.csv", label: t("institutions") },
    { href: "/api/v1/export/dataset.json", label: t("json") },
    { href: "/api/v1/export/dataset.jsonld", label: t("jsonld") },
  ];
  return (
    <article className="space-y-8">
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
      </section>
      <section aria-labelledby="downloads">
        <h2 id="downloads" className="text-xl font-semibold">
          {t("downloads")}
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-5">
          {files.map((f) => (
            <li key={f.href}>
              <a href={f.href} className="text-accent underline" download>
                {f.label}
              </a>
            </li>
          ))}
          <li>
            <a href="/api/v1/export/wikidata.qs" className="text-accent underline" download>
              {t("wikidata")}
            </a>
            <span className="block text-sm text-muted">{t("wikidataText", { count: counts.wikidataReady })}</span>
          </li>
        </ul>
        <h3 className="mt-4 font-semibold">{t("slices")}</h3>
        <p className="text-sm text-slate-700">{t("slicesText")}</p>
        <ul className="mt-1 space-y-1 text-sm">
          <li>
            <code>/api/v1/export/organizations/{"{slug}"}.csv | .json | .jsonld</code>
          </li>
          <li>
            <code>/api/v1/export/institutions/{"{slug}"}.csv | .json | .jsonld</code>
          </li>
        </ul>
      </section>
      <section aria-labelledby="api">
        <h2 id="api" className="text-xl font-semibold">
          {t("api")}
        </h2>
        <p className="mt-1 text-slate-700">{t("apiText")}</p>
        <p className="mt-1">
          <Link href="/data/api" className="text-accent underline">
            {t("apiDocs")}
          </Link>{" "}
          ·{" "}
          <a href="/api/v1/openapi.json" className="text-accent underline">
            {t("openapi")}
          </a>
        </p>
      </section>
      <section aria-labelledby="releases">
        <h2 id="releases" className="text-xl font-semibold">
          {t("releases")}
        </h2>
        <p className="mt-1 text-slate-700">{t("releasesText")}</p>
        {releases.length ? (
          <div className="mt-3 overflow-x-auto rounded-md border border-line bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("date")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("releaseCounts")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("files")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {releases.map((r) => (
                  <tr key={r.date} className="align-top">
                    <th scope="row" className="px-3 py-2 font-medium">
                      <time dateTime={r.date}>{r.date}</time>
                    </th>
                    <td className="px-3 py-2">{t("counts", r.counts)}</td>
                    <td className="px-3 py-2">
                      <ul className="flex flex-wrap gap-x-3">
                        {r.files.map((f) => (
                          <li key={f.name}>
                            <a
                              href={`/api/v1/releases/${r.date}/${f.name}`}
                              className="text-accent underline"
                              title={`SHA-256 ${f.sha256}`}
                            >
                              {f.name}
                            </a>
                          </li>
                        ))}
                        <li>
                          <a href={`/api/v1/releases/${r.date}/manifest.json`} className="text-accent underline">
                            {t("manifest")}
                          </a>
                        </li>
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="mt-2 text-sm text-muted">{t("noReleases")}</p>
        )}
      </section>
    </article>
  );
}
