import type { Locale } from "@/i18n/routing";
import { formatPartialDate, type PartialDate } from "@/lib/shared/dates";

/** A date shown exactly as precisely as its source gave it, with a machine-readable value. */
export function PartialDateText({
  date,
  locale,
  fallback,
}: {
  date: PartialDate | null;
  locale: Locale;
  fallback?: string;
}) {
  if (!date) return fallback ? <span className="text-muted">{fallback}</span> : null;
  return <time dateTime={date.iso}>{formatPartialDate(date, locale)}</time>;
}
