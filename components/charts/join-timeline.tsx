import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { formatPartialDate } from "@/lib/shared/dates";
import type { Timeline } from "@/lib/charts/timeline";
import { FittedColumnChart } from "./fitted-column-chart";

/** Members joining per year (or per month when every date is known to the month), with the running total. */
export async function JoinTimeline({ timeline, locale }: { timeline: Timeline; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "charts" });
  const unknown = timeline.unknown ? (
    <p className="text-sm text-muted" data-testid="timeline-unknown">
      {t("dateUnknown", { count: timeline.unknown })}
    </p>
  ) : null;
  if (!timeline.buckets.length) {
    return (
      <div className="space-y-2">
        <p className="text-sm text-muted">{t("noTimeline")}</p>
        {unknown}
      </div>
    );
  }
  const label = (iso: string, precision: "YEAR" | "MONTH") => formatPartialDate({ iso, precision }, locale) ?? iso;
  const first = timeline.buckets[0]!;
  const last = timeline.buckets.at(-1)!;
  // Month buckets are labelled short on the axis, by their key ("2019-05"); their titles spell the month out. A
  // period no one joined in is drawn as no bar, so it needs no title (components/charts/bar-chart.tsx).
  const columns = timeline.buckets.map((b) =>
    b.joined
      ? {
          key: b.iso,
          value: b.joined,
          running: b.cumulative,
          title: t("timelineBar", { period: label(b.iso, b.precision), count: b.joined, cumulative: b.cumulative }),
        }
      : { key: b.iso, value: 0, running: b.cumulative },
  );
  return (
    <div className="space-y-2" data-chart="join-timeline">
      <FittedColumnChart
        columns={columns}
        showRunning
        label={t("timelineLabel", {
          count: timeline.dated,
          from: label(first.iso, first.precision),
          to: label(last.iso, last.precision),
        })}
      />
      <p className="flex flex-wrap gap-x-4 text-xs text-muted">
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-4 rounded-sm bg-[#1d7890]" />
          {t("joined")}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-0.5 w-4 bg-[#b45309]" />
          {t("cumulative")}
        </span>
      </p>
      {unknown}
      <table className="sr-only">
        <caption>{t("timelineTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("period")}</th>
            <th scope="col">{t("joined")}</th>
            <th scope="col">{t("cumulative")}</th>
          </tr>
        </thead>
        <tbody>
          {timeline.buckets
            .filter((b) => b.joined > 0)
            .map((b) => (
              <tr key={b.iso}>
                <th scope="row">
                  <time dateTime={b.iso}>{label(b.iso, b.precision)}</time>
                </th>
                <td>{b.joined}</td>
                <td>{b.cumulative}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
