import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { getMemberListDraft } from "@/lib/data/organization-side/member-list-drafts";
import { NotFoundError } from "@/lib/shared/errors";
import { formatPartialDate } from "@/lib/shared/dates";
import { MemberListPreviewForm } from "@/components/account/member-list-preview-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Link } from "@/i18n/navigation";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

/** The rows of an uploaded member list, matched, for the secretariat to resolve and send. */
export default async function MemberListPreviewPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/organization/upload/${id}`);
  if (actor.role !== "STAFF" || !actor.organizationId || !/^[a-z0-9]{1,40}$/.test(id)) notFound();
  const [draft, t] = await Promise.all([
    getMemberListDraft(actor, id, locale).catch((e: unknown) => {
      if (e instanceof NotFoundError) notFound();
      throw e;
    }),
    getTranslations({ locale, namespace: "tools.memberList" }),
  ]);
  const count = (status: string) => draft.rows.filter((r) => r.status === status).length;
  return (
    <div className="space-y-4">
      <Breadcrumbs
        locale={locale}
        items={[
          { href: "/account", label: t("account") },
          { href: "/account/organization/upload", label: t("page") },
          { label: t("previewTitle") },
        ]}
      />
      <h1 className="text-2xl font-semibold">{t("previewTitle")}</h1>
      <p className="text-sm font-medium">
        {t("summary", { matched: count("MATCHED"), ambiguous: count("AMBIGUOUS"), unmatched: count("UNMATCHED") })}
      </p>
      {draft.sentAt ? (
        <p role="status" className="rounded-md bg-accent-soft p-3 text-sm">
          {t("sent", {
            date: formatPartialDate({ iso: draft.sentAt.toISOString().slice(0, 10), precision: "DAY" }, locale)!,
          })}{" "}
          <Link href="/account" className="text-accent underline">
            {t("sentRequests")}
          </Link>
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("previewLead", { source: draft.sourceTitle ?? draft.sourceUrl })}</p>
          <MemberListPreviewForm locale={locale} draftId={draft.id} rows={draft.rows} />
        </>
      )}
    </div>
  );
}
