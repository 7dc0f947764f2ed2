import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import NextLink from "next/link";
import type { CorrectionStatusView } from "@/lib/shared/types/corrections";

const day = (iso: string) => iso.slice(0, 10);

/** The suggester's view: what they wrote (as text: links are never made clickable), and what became of it. */
export async function CorrectionStatus({
  correction: c,
  locale,
}: {
  correction: CorrectionStatusView;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "corrections" });
  const section = c.record.kind === "organization" ? "organizations" : "institutions";
  const recordHref = `/${locale}/${section}/${c.record.slug}`;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("statusTitle")}</h1>
      <p className="text-sm text-slate-700">{t("statusReceivedOn", { date: day(c.createdAt) })}</p>
      <dl className="space-y-3">
        <div>
          <dt className="text-sm font-medium">{t("statusAbout")}</dt>
          <dd>
            <NextLink href={recordHref} className="text-accent underline">
              {c.record.name}
            </NextLink>
          </dd>
        </div>
        <div>
          <dt className="text-sm font-medium">{t("statusWhat")}</dt>
          <dd className="whitespace-pre-wrap break-words">{c.what}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium">{t("statusSource")}</dt>
          <dd className="break-all font-mono text-sm">{c.sourceUrl}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium">{t("statusNow")}</dt>
          <dd data-status={c.status}>
            <p className="font-semibold">{t(`status.${c.status}`)}</p>
            {c.status === "CLOSED" && c.closedReason ? (
              <p className="mt-1">
                {t("closedReason")}: <span className="whitespace-pre-wrap break-words">{c.closedReason}</span>
              </p>
            ) : null}
            {c.status === "IN_REVIEW" && c.changeRequestStatus ? (
              <p className="mt-1" data-outcome={c.changeRequestStatus}>
                {t(`outcome.${c.changeRequestStatus as "PENDING" | "APPROVED" | "REJECTED" | "WITHDRAWN"}`)}
              </p>
            ) : null}
          </dd>
        </div>
      </dl>
    </div>
  );
}
