import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import type { ReleaseManifest } from "@/lib/shared/types/open-data";

/** The dated releases, each with its counts, its files (with their SHA-256) and its manifest. */
export async function ReleaseTable({ releases, locale }: { releases: ReleaseManifest[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "data" });
  return (
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
                    <ul className="flex flex-wrap gap-x-3 gap-y-1">
                      {r.files.map((f) => (
                        <li key={f.name}>
                          <a
                            href={`/api/v1/releases/${r.date}/${f.name}`}
                            className="inline-block py-0.5 text-accent underline"
                            title={`SHA-256 ${f.sha256}`}
                          >
                            {f.name}
                          </a>
                        </li>
                      ))}
                      <li>
                        <a
                          href={`/api/v1/releases/${r.date}/manifest.json`}
                          className="inline-block py-0.5 text-accent underline"
                        >
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
  );
}
