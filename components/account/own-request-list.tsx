import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import type { OwnChangeRequestRow } from "@/lib/shared/types/accounts";

/** The institution's change requests, newest first, with each decision and its comment. */
export async function OwnRequestList({ requests, locale }: { requests: OwnChangeRequestRow[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <section aria-labelledby="requests">
      <h2 id="requests" className="text-xl font-semibold">
        {t("requests")}
      </h2>
      {requests.length ? (
        <ul className="mt-3 divide-y divide-line rounded-md border border-line bg-white text-sm">
          {requests.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <Link href={`/account/requests/${r.id}`} className="hover:underline">
                {t(`kinds.${r.kind}`)} · {r.organization.name}
              </Link>
              <span className="flex items-center gap-2">
                <Badge tone={r.status === "PENDING" ? "warm" : r.status === "APPROVED" ? "accent" : "neutral"}>
                  {t(`statuses.${r.status}`)}
                </Badge>
                {r.decisionComment ? <span className="text-muted">“{r.decisionComment}”</span> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-muted">{t("noRequests")}</p>
      )}
    </section>
  );
}
