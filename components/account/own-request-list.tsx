import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import { formatPartialDate } from "@/lib/shared/dates";
import { type RequestStatusFilter, requestStatusFilters, statusOfFilter } from "@/lib/shared/request-filter";
import type { OwnChangeRequestRow } from "@/lib/shared/types/accounts";

type Props = {
  requests: OwnChangeRequestRow[];
  filter: RequestStatusFilter | null;
  locale: Locale;
  /** The list's heading: "Your institution's requests" unless told (a secretariat's are its organization's). */
  title?: string;
};

const current = "border-accent bg-accent font-medium text-white";
const other = "border-slate-300 bg-white hover:border-accent";
const day = (iso: string, locale: Locale) => formatPartialDate({ iso: iso.slice(0, 10), precision: "DAY" }, locale)!;

/** The filter as links (the address carries it, so it works without JavaScript), the current one marked. */
async function RequestFilter({ filter, locale }: Omit<Props, "requests" | "title">) {
  const t = await getTranslations({ locale, namespace: "account" });
  const options = [null, ...requestStatusFilters];
  return (
    <nav aria-label={t("requestFilter")} className="mt-2">
      <ul className="flex flex-wrap gap-2 text-sm">
        {options.map((option) => (
          <li key={option ?? "all"}>
            <Link
              href={option ? `/account?status=${option}#requests` : "/account#requests"}
              aria-current={option === filter ? "page" : undefined}
              className={`rounded-md border px-3 py-1 ${option === filter ? current : other}`}
            >
              {option ? t(`statuses.${statusOfFilter(option)}`) : t("allRequests")}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The institution's change requests, newest first: when each was sent and what last happened to it. */
export async function OwnRequestList({ requests, filter, locale, title }: Props) {
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <section aria-labelledby="requests">
      <h2 id="requests" className="text-xl font-semibold">
        {title ?? t("requests")}
      </h2>
      <RequestFilter filter={filter} locale={locale} />
      {requests.length ? (
        <ul className="mt-3 divide-y divide-line rounded-md border border-line bg-white text-sm">
          {requests.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <div>
                <Link href={`/account/requests/${r.id}`} className="hover:underline">
                  {t(`kinds.${r.kind}`)} · {r.organization.name}
                </Link>
                <span className="block text-xs text-muted">
                  {t("sentOn", { date: day(r.createdAt, locale) })}
                  {r.latest ? ` · ${latestText(t, r.latest, locale)}` : ""}
                </span>
              </div>
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
        <p className="mt-2 text-sm text-muted">{filter ? t("noRequestsOfStatus") : t("noRequests")}</p>
      )}
    </section>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"account">>>;

function latestText(t: Translate, latest: NonNullable<OwnChangeRequestRow["latest"]>, locale: Locale) {
  const values = { name: latest.by ?? "—", date: day(latest.at, locale) };
  return latest.status
    ? t("latestDecision", { ...values, status: t(`statuses.${latest.status}`) })
    : t("latestComment", values);
}
