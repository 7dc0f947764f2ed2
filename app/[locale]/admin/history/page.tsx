import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { actorOrLogin } from "@/lib/auth/page";
import { getAdminHistory } from "@/lib/data/history";
import { isSlug } from "@/lib/shared/slug";
import { AUDIT_EVENT_MESSAGES } from "@/lib/shared/audit-events";
import { DiffTable } from "@/components/account/diff-table";
import { AuditDetails } from "@/components/admin/audit-details";
import { notFound } from "next/navigation";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

/** "2026-11-29 15:09": an audit time to the minute. */
const minute = (iso: string) => iso.slice(0, 16).replace("T", " ");

/** Admins: who proposed and who approved each change, with its diff. */
export default async function AdminHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ institution?: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/admin/history`);
  const { institution } = await searchParams;
  const [entries, t] = await Promise.all([
    getAdminHistory(actor, { institution: institution && isSlug(institution) ? institution : undefined }),
    getTranslations({ locale, namespace: "history" }),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("adminTitle")}</h1>
      <form method="get" className="flex items-end gap-2 text-sm">
        <label className="flex flex-col">
          {t("filterInstitution")}
          <input
            name="institution"
            defaultValue={institution}
            placeholder="nanjing-medical-university"
            className="rounded-md border border-slate-300 bg-white px-2 py-1"
          />
        </label>
        <button type="submit" className="rounded-md bg-accent px-3 py-1.5 font-medium text-white">
          {t("filterSubmit")}
        </button>
      </form>
      <ol className="space-y-4">
        {entries.map((e) => (
          <li key={e.id} className="space-y-2 rounded-md border border-line bg-white p-3 text-sm">
            <p>
              <span className="font-medium">{minute(e.at)}</span> ·{" "}
              {e.event ? t(`events.${AUDIT_EVENT_MESSAGES[e.event]}`) : <code>{e.action}</code>} ·{" "}
              {e.entity ? t(`entities.${e.entity}`) : e.entityType} <code>{e.entityId}</code>
              {e.changeRequestId ? (
                <>
                  {" "}
                  ·{" "}
                  <Link href={`/account/requests/${e.changeRequestId}`} className="text-accent underline">
                    {e.changeRequestId}
                  </Link>
                </>
              ) : null}
            </p>
            <p className="text-muted">{t("who", { proposer: e.proposer ?? "—", actor: e.actor ?? "—" })}</p>
            {e.diff ? <DiffTable diff={e.diff} locale={locale} isNew={e.action === "membership.create"} /> : null}
            {e.details ? <AuditDetails values={e.details} locale={locale} /> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
