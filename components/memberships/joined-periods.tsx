import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { PartialDateText } from "@/components/ui/partial-date";
import type { FormerPeriod } from "@/lib/shared/membership-periods";
import { allPeriods, formatPeriods } from "@/lib/shared/membership-periods";
import type { PartialDate } from "@/lib/shared/dates";

/**
 * When a member joined: the joined date, or, for a member that left and rejoined, every period in words
 * ("2005–2012, since 2019"), each date at its source's precision.
 */
export function JoinedPeriods({
  joined,
  ended,
  formerPeriods,
  locale,
  fallback,
}: {
  joined: PartialDate | null;
  ended: PartialDate | null;
  formerPeriods: FormerPeriod[];
  locale: Locale;
  fallback: string;
}) {
  // Synchronous for the common case (one period), which needs no translation: rendered in place in the payload.
  if (!formerPeriods.length) return <PartialDateText date={joined} locale={locale} fallback={fallback} />;
  return <PeriodsInWords joined={joined} ended={ended} formerPeriods={formerPeriods} locale={locale} />;
}

async function PeriodsInWords({
  joined,
  ended,
  formerPeriods,
  locale,
}: {
  joined: PartialDate | null;
  ended: PartialDate | null;
  formerPeriods: FormerPeriod[];
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "periods" });
  const text = formatPeriods(allPeriods(formerPeriods, { joined, ended }), locale, {
    range: (from, to) => t("range", { joined: from, ended: to }),
    since: (from) => t("since", { joined: from }),
    until: (to) => t("until", { ended: to }),
    separator: t("separator"),
  });
  return <span data-testid="periods">{text}</span>;
}
