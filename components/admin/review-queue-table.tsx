import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import { TableHead } from "@/components/ui/table-head";
import type { ChangeRequestRow } from "@/lib/shared/types/change-requests";

/** The change requests waiting for (or past) a decision, each linked to its review page. */
export async function ReviewQueueTable({ rows, locale }: { rows: ChangeRequestRow[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "account" });
  if (!rows.length) return <p className="text-muted">{t("queueEmpty")}</p>;
  return (
    <table className="w-full rounded-md border border-line bg-white text-left text-sm">
      <caption className="sr-only">{t("reviewQueue")}</caption>
      <TableHead columns={[t("change"), t("institution"), t("proposedOn"), t("status")]} />
      <tbody className="divide-y divide-line">
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="px-3 py-2">
              <Link href={`/account/requests/${r.id}`} className="text-accent underline">
                {t(`kinds.${r.kind}`)}: {r.organization.name}
              </Link>
            </td>
            <td className="px-3 py-2">
              {r.institution.name} <span className="text-muted">({r.proposedBy})</span>
            </td>
            <td className="px-3 py-2">{r.createdAt.slice(0, 10)}</td>
            <td className="px-3 py-2">
              <Badge tone={r.status === "PENDING" ? "warm" : "neutral"}>{t(`statuses.${r.status}`)}</Badge>
              {r.conflict ? <Badge tone="warm">{t("conflict")}</Badge> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
