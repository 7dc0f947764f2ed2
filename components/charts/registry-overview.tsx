import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { countryName } from "@/lib/shared/countries";
import type { RegistryCharts } from "@/lib/shared/types/charts";
import { HorizontalBars } from "./bar-chart";
import { FittedColumnChart } from "./fitted-column-chart";

/** The home page's overview: organizations founded per year and memberships by country or region. */
export async function RegistryOverviewCharts({ charts, locale }: { charts: RegistryCharts; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "charts" });
  const years = charts.foundedPerYear;
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading" className="text-xl font-semibold">
        {t("overviewTitle")}
      </h2>
      <div className="mt-3 grid gap-6 md:grid-cols-2">
        <div className="min-w-0 rounded-md border border-line bg-white p-4" data-testid="founded-per-year">
          <h3 className="font-semibold">{t("foundedTitle")}</h3>
          {years.length ? (
            <>
              <FittedColumnChart
                width={420}
                label={t("foundedLabel", { from: years[0]!.year, to: years.at(-1)!.year })}
                columns={years.map((y) =>
                  y.count
                    ? { key: String(y.year), value: y.count, title: t("foundedBar", { year: y.year, count: y.count }) }
                    : { key: String(y.year), value: 0 },
                )}
              />
              <table className="sr-only">
                <caption>{t("foundedTitle")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("year")}</th>
                    <th scope="col">{t("organizations")}</th>
                  </tr>
                </thead>
                <tbody>
                  {years
                    .filter((y) => y.count > 0)
                    .map((y) => (
                      <tr key={y.year}>
                        <th scope="row">{y.year}</th>
                        <td>{y.count}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </>
          ) : (
            <p className="mt-2 text-sm text-muted">{t("noData")}</p>
          )}
          {charts.foundedUnknown ? (
            <p className="mt-1 text-xs text-muted">{t("foundedUnknown", { count: charts.foundedUnknown })}</p>
          ) : null}
        </div>
        <div className="min-w-0 rounded-md border border-line bg-white p-4" data-testid="members-by-country">
          <h3 className="font-semibold">{t("membersTitle")}</h3>
          <p className="mb-2 mt-1 text-xs text-muted">{t("membersLead", { count: charts.countryTotal })}</p>
          {charts.membersByCountry.length ? (
            <HorizontalBars
              caption={t("membersTitle")}
              labelHeading={t("country")}
              valueHeading={t("memberships")}
              bars={charts.membersByCountry.map((c) => ({
                key: c.code,
                label: countryName(c.code, locale),
                value: c.count,
                note: t("institutionsCount", { count: c.institutions }),
              }))}
            />
          ) : (
            <p className="text-sm text-muted">{t("noData")}</p>
          )}
        </div>
      </div>
    </section>
  );
}
