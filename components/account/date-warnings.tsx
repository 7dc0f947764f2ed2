import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { formatPartialDate } from "@/lib/shared/dates";
import type { DateWarning } from "@/lib/shared/types/change-requests";

/** What the reviewer (and the proposer) should check beside the diff: it does not stop the request. */
export async function DateWarnings({
  warnings,
  organization,
  locale,
}: {
  warnings: DateWarning[];
  organization: string;
  locale: Locale;
}) {
  if (!warnings.length) return null;
  const t = await getTranslations({ locale, namespace: "account.dateEntry" });
  return (
    <section
      aria-labelledby="date-warnings-title"
      data-testid="date-warnings"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
    >
      <h2 id="date-warnings-title" className="font-semibold">
        {t("warningsTitle")}
      </h2>
      <ul className="mt-1 list-disc pl-5">
        {warnings.map((w) => (
          <li key={`${w.code}-${w.joined.iso}`}>
            {t("beforeFounding", {
              joined: formatPartialDate(w.joined, locale) ?? w.joined.iso,
              founded: formatPartialDate(w.founded, locale) ?? w.founded.iso,
              organization,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
