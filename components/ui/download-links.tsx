import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";

/** Links to a record's slice of the open data (CC0), in the three formats; the CSV also with a BOM for Excel. */
export async function DownloadLinks({
  scope,
  slug,
  locale,
}: {
  scope: "organizations" | "institutions";
  slug: string;
  locale: Locale;
}) {
  const [t, r] = await Promise.all([
    getTranslations({ locale, namespace: "data" }),
    getTranslations({ locale, namespace: "records" }),
  ]);
  return (
    <p className="mt-6 text-sm text-muted">
      {t("sliceLinks")}{" "}
      {(["csv", "json", "jsonld"] as const).map((f, i) => (
        <span key={f}>
          {i ? " · " : ""}
          <a href={`/api/v1/export/${scope}/${slug}.${f}`} className="text-accent underline" download>
            {f === "jsonld" ? "JSON-LD" : f.toUpperCase()}
          </a>
          {f === "csv" ? (
            <>
              {" ("}
              <a
                href={`/api/v1/export/${scope}/${slug}.csv?bom=1`}
                className="text-accent underline"
                aria-label={r("forExcelLabel", { name: "CSV" })}
                download
              >
                {r("forExcel")}
              </a>
              {")"}
            </>
          ) : null}
        </span>
      ))}
    </p>
  );
}
