import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import type { OpenDataCounts } from "@/lib/shared/types/open-data";

/** The whole dataset's files, the Wikidata batch, the data package and catalog, and one record's slice. */
export async function DatasetDownloads({ counts, locale }: { counts: OpenDataCounts; locale: Locale }) {
  const [t, r] = await Promise.all([
    getTranslations({ locale, namespace: "data" }),
    getTranslations({ locale, namespace: "records" }),
  ]);
  const files = [
    { href: "/api/v1/export/dataset.csv", label: t("memberships") },
    { href: "/api/v1/export/organizations.csv", label: t("organizations") },
    { href: "/api/v1/export/institutions.csv", label: t("institutions") },
    { href: "/api/v1/export/dataset.json", label: t("json") },
    { href: "/api/v1/export/dataset.jsonld", label: t("jsonld") },
  ];
  return (
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
            {f.href.endsWith(".csv") ? (
              <>
                {" ("}
                <a
                  href={`${f.href}?bom=1`}
                  className="text-accent underline"
                  aria-label={r("forExcelLabel", { name: f.label })}
                  download
                >
                  {r("forExcel")}
                </a>
                {")"}
              </>
            ) : null}
          </li>
        ))}
        <li>
          <a href="/api/v1/export/wikidata.qs" className="text-accent underline" download>
            {t("wikidata")}
          </a>
          <span className="block text-sm text-muted">{t("wikidataText", { count: counts.wikidataReady })}</span>
        </li>
      </ul>
      <h3 className="mt-4 font-semibold">{t("dataPackage")}</h3>
      <p className="max-w-3xl text-sm text-slate-700">{t("dataPackageText")}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        <li>
          <a href="/api/v1/export/datapackage.json" className="text-accent underline">
            {t("dataPackageLink")}
          </a>
        </li>
        <li>
          <a href="/api/v1/export/catalog.jsonld" className="text-accent underline">
            {t("catalogLink")}
          </a>
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
  );
}
