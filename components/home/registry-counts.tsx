import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import type { RegistryOverview } from "@/lib/shared/types/open-data";

/** The registry's size at a glance: organizations, institutions, memberships, countries, sources. */
export async function RegistryCounts({ counts: all, locale }: { counts: RegistryOverview["counts"]; locale: Locale }) {
  const [t, meta] = await Promise.all([
    getTranslations({ locale, namespace: "home" }),
    getTranslations({ locale, namespace: "meta" }),
  ]);
  const counts = Object.entries(all) as [keyof typeof all, number][];
  return (
    <section aria-labelledby="counts-heading">
      <h2 id="counts-heading" className="sr-only">
        {meta("siteName")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {counts.map(([key, value]) => (
          <div key={key} className="rounded-md border border-line bg-white p-4">
            <dt className="text-sm text-muted">{t(`counts.${key}`)}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
            {/* The countries figure counts more than the memberships chart's countries: say what it counts. */}
            {key === "countries" ? <dd className="mt-1 text-xs text-muted">{t("countsNote.countries")}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
