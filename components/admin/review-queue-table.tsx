import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import { TableHead } from "@/components/ui/table-head";
import type { ChangeRequestRow } from "@/lib/shared/types/change-requests";

// On a phone the table would need more width than there is (451px in 390px): below the sm breakpoint each
// request is a card, its cells one under another with their column's name; from sm on it is a table again.
const cell = "block py-0.5 sm:table-cell sm:px-3 sm:py-2";

/** The change requests waiting for (or past) a decision, each linked to its review page. */
export async function ReviewQueueTable({ rows, locale }: { rows: ChangeRequestRow[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "account" });
  if (!rows.length) return <p className="text-muted">{t("queueEmpty")}</p>;
  return (
    <table className="block w-full rounded-md border border-line bg-white text-left text-sm sm:table">
      <caption className="sr-only">{t("reviewQueue")}</caption>
      <TableHead
        columns={[t("change"), t("institution"), t("proposedOn"), t("status")]}
        className="hidden sm:table-header-group"
      />
      <tbody className="block divide-y divide-line sm:table-row-group">
        {rows.map((r) => (
          <tr key={r.id} className="block px-3 py-2 sm:table-row sm:p-0">
            <td className={`${cell} break-words`}>
              <Link href={`/account/requests/${r.id}`} className="text-accent underline">
                {t(`kinds.${r.kind}`)}: {r.organization.name}
              </Link>
            </td>
            <td className={cell}>
              {r.institution.name} <span className="text-muted">({r.proposedBy})</span>
            </td>
            <td className={cell}>
              <span className="text-muted sm:hidden">{t("proposedOn")}: </span>
              {r.createdAt.slice(0, 10)}
            </td>
            <td className={cell}>
              <Badge tone={r.status === "PENDING" ? "warm" : "neutral"}>{t(`statuses.${r.status}`)}</Badge>
              {r.conflict ? <Badge tone="warm">{t("conflict")}</Badge> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
