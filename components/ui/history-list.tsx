import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { AUDIT_EVENT_MESSAGES } from "@/lib/shared/audit-events";
import type { PublicHistoryEntry } from "@/lib/shared/types/history";
import { formatPartialDate } from "@/lib/shared/dates";
import { HistoryValuesLine } from "./history-values";

/** When each approved change to these memberships was published. */
export async function HistoryList({
  entries,
  locale,
  show,
}: {
  entries: PublicHistoryEntry[];
  locale: Locale;
  show: "institution" | "organization";
}) {
  if (!entries.length) return null;
  const t = await getTranslations({ locale, namespace: "history" });
  return (
    <section aria-labelledby="history" className="mt-10">
      <h2 id="history" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <ol className="mt-3 space-y-2 text-sm">
        {entries.map((e) => {
          const other = show === "organization" ? e.organization : e.institution;
          return (
            <li key={`${e.at}-${e.action}-${e.organization.slug}-${e.institution.slug}`}>
              <time dateTime={e.at}>{formatPartialDate({ iso: e.at.slice(0, 10), precision: "DAY" }, locale)}</time>
              {" — "}
              {t(`events.${AUDIT_EVENT_MESSAGES[e.action]}`)}:{" "}
              <Link
                locale={locale}
                href={`/${show === "organization" ? "organizations" : "institutions"}/${other.slug}`}
                className="text-accent underline hover:decoration-2"
              >
                {other.name}
              </Link>
              {e.before || e.after ? (
                <dl className="ml-4 mt-1 text-xs">
                  {e.before ? <HistoryValuesLine label={t("before")} values={e.before} locale={locale} /> : null}
                  {e.after ? <HistoryValuesLine label={t("after")} values={e.after} locale={locale} /> : null}
                </dl>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
