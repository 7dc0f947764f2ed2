import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { JoinTimeline } from "@/components/charts/join-timeline";
import { WorldMap } from "@/components/charts/world-map";
import type { OrganizationCharts as Charts } from "@/lib/shared/types/charts";

/** Where the members are and when they joined. */
export async function OrganizationCharts({ charts, locale }: { charts: Charts; locale: Locale }) {
  const chartText = await getTranslations({ locale, namespace: "charts" });
  return (
    <>
      <section aria-labelledby="member-map">
        <h2 id="member-map" className="text-xl font-semibold">
          {chartText("mapTitle")}
        </h2>
        <p className="mb-3 mt-1 text-sm text-slate-700">{chartText("mapLead")}</p>
        <WorldMap members={charts.memberCountries} namedOnly={charts.namedOnly} locale={locale} />
      </section>
      <section aria-labelledby="join-timeline">
        <h2 id="join-timeline" className="text-xl font-semibold">
          {chartText("timelineTitle")}
        </h2>
        <p className="mb-3 mt-1 text-sm text-slate-700">{chartText("timelineLead")}</p>
        <JoinTimeline timeline={charts.timeline} locale={locale} />
      </section>
    </>
  );
}
