import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import { TableHead } from "@/components/ui/table-head";
import type { ChangeRequestRow } from "@/lib/shared/types/change-requests";

// On a phone the table would need more width than there is (451px in 390px): below the sm breakpoint each
// request is a card, its cells one under another with their column's name; from sm on it is a table again.
const cell = "block py-0.5 sm:table-cell sm:px-3 sm:py-2";

/** How long a request has waited, in days (hours on its first day). */
function ageOf(createdAt: string, now: number) {
  const ms = Math.max(0, now - Date.parse(createdAt));
  return { days: Math.floor(ms / 86_400_000), hours: Math.floor(ms / 3_600_000) };
}

/**
 * The change requests waiting for (or past) a decision, each linked to its review page with how long it has
 * waited. With `selectFor`, each row has a checkbox belonging to that form (the queue's "Approve selected").
 */
export async function ReviewQueueTable({
  rows,
  locale,
  now,
  selectFor,
}: {
  rows: ChangeRequestRow[];
  locale: Locale;
  /** When the page renders, in ms: the ages are counted to it. */
  now: number;
  selectFor?: string;
}) {
  const t = await getTranslations({ locale, namespace: "account" });
  if (!rows.length) return <p className="text-muted">{t("queueEmpty")}</p>;
  const exact = new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "UTC",
  });
  const columns = [t("change"), t("institution"), t("age"), t("status")];
  return (
    <table className="block w-full rounded-md border border-line bg-white text-left text-sm sm:table">
      <caption className="sr-only">{t("reviewQueue")}</caption>
      <TableHead
        columns={selectFor ? [{ label: t("selectColumn"), className: "w-8" }, ...columns] : columns}
        className="hidden sm:table-header-group"
      />
      <tbody className="block divide-y divide-line sm:table-row-group">
        {rows.map((r, i) => {
          const label = `${t(`kinds.${r.kind}`)}: ${r.organization.name}`;
          return (
            <tr key={r.id} className="block px-3 py-2 sm:table-row sm:p-0">
              {selectFor ? (
                <td className={`${cell} sm:w-8`}>
                  <input
                    type="checkbox"
                    form={selectFor}
                    name={`ids.${i}`}
                    value={r.id}
                    aria-label={t("selectRequest", { label: `${label} (${r.party.name})` })}
                    className="h-4 w-4"
                  />
                </td>
              ) : null}
              <td className={`${cell} break-words`}>
                <Link href={`/account/requests/${r.id}`} className="text-accent underline">
                  {label}
                </Link>
              </td>
              <td className={`${cell} break-words`}>
                {r.party.name} <span className="text-muted">({r.proposedBy})</span>
              </td>
              <td className={cell}>
                <span className="text-muted sm:hidden">{t("age")}: </span>
                <time dateTime={r.createdAt} title={`${exact.format(new Date(r.createdAt))} UTC`}>
                  {t("ageValue", ageOf(r.createdAt, now))}
                </time>
              </td>
              <td className={cell}>
                <Badge tone={r.status === "PENDING" ? "warm" : "neutral"}>{t(`statuses.${r.status}`)}</Badge>
                {r.conflict ? <Badge tone="warm">{t("conflict")}</Badge> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
