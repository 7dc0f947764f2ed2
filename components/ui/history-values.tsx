import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import type { HistoryValues } from "@/lib/shared/types/history";
import { formatPartialDate } from "@/lib/shared/dates";
import { allPeriods, formatPeriods } from "@/lib/shared/membership-periods";

const precisionOf = (iso: string) => (iso.length === 4 ? "YEAR" : iso.length === 7 ? "MONTH" : "DAY");

/** One side of a change: the role, status and dates, and the source and passage they rested on. */
export async function HistoryValuesLine({
  label,
  values: v,
  locale,
}: {
  label: string;
  values: HistoryValues;
  locale: Locale;
}) {
  const [t, roles, statuses, s, p] = await Promise.all([
    getTranslations({ locale, namespace: "history" }),
    getTranslations({ locale, namespace: "roles" }),
    getTranslations({ locale, namespace: "statuses" }),
    getTranslations({ locale, namespace: "source" }),
    getTranslations({ locale, namespace: "periods" }),
  ]);
  // A member that left and rejoined: every period, as the member table words them ("2005–2012, since 2019").
  const dates = v.formerPeriods?.length
    ? formatPeriods(allPeriods(v.formerPeriods, v), locale, {
        range: (joined, ended) => p("range", { joined, ended }),
        since: (joined) => p("since", { joined }),
        until: (ended) => p("until", { ended }),
        separator: p("separator"),
      })
    : [formatPartialDate(v.joined, locale), v.ended ? `– ${formatPartialDate(v.ended, locale)}` : null]
        .filter(Boolean)
        .join(" ");
  const title = v.source.title ?? v.source.url;
  const seen = v.source.seenOn
    ? s("seen", { date: formatPartialDate({ iso: v.source.seenOn, precision: precisionOf(v.source.seenOn) }, locale)! })
    : null;
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="font-medium">{label}:</dt>
      <dd>
        {[roles(v.role), v.status !== "ACTIVE" ? statuses(v.status) : null, dates || null].filter(Boolean).join(" · ")}
        {title ? (
          <span className="text-muted">
            {" — "}
            {t("restedOn", { source: title })}
            {v.source.quote ? ` “${v.source.quote}”` : ""}
            {seen ? ` (${seen})` : ""}
          </span>
        ) : null}
      </dd>
    </div>
  );
}
