import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import type { OrganizationProfile } from "@/lib/shared/types/organizations";
import { formatPartialDate } from "@/lib/shared/dates";
import { countryName } from "@/lib/shared/countries";
import { SourceNote } from "@/components/ui/source-note";

type Count = OrganizationProfile["declaredCounts"][number];

/** "Members: over 150, from 38 countries and regions", "from 11 to 18 (as of Dec 2018)", with the source. */
export async function DeclaredCount({ count, locale }: { count: Count; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "counts" });
  const o = await getTranslations({ locale, namespace: "organization" });
  const value =
    count.previousValue !== null
      ? t("range", { previous: count.previousValue, value: count.value })
      : t("value", { qualifier: count.qualifier, value: count.value });
  const extras = [
    count.countryCount !== null ? t("countryCount", { count: count.countryCount }) : null,
    count.asOf ? t("asOf", { date: formatPartialDate(count.asOf, locale) ?? "" }) : null,
  ].filter(Boolean);
  return (
    <div className="rounded-md border border-line bg-white p-3">
      <p>
        <span className="font-medium">{t(`subject.${count.subject}`)}: </span>
        <span className="text-lg font-semibold tabular-nums">{value}</span>
        {extras.length ? <span className="text-muted"> · {extras.join(" · ")}</span> : null}
      </p>
      {count.countries.length ? (
        <p className="mt-1 text-sm text-slate-700">
          {o("countries")}
          {count.countriesComplete ? ": " : ` (${o("countriesPartial")}): `}
          {count.countries.map((c) => countryName(c, locale)).join(locale === "zh" ? "、" : ", ")}
        </p>
      ) : null}
      <div className="mt-1">
        <SourceNote source={count.source} locale={locale} />
      </div>
    </div>
  );
}
