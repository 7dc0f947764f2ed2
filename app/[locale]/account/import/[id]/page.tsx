import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { getImportDraft } from "@/lib/data/import/drafts";
import { NotFoundError } from "@/lib/shared/errors";
import { formatPartialDate } from "@/lib/shared/dates";
import { ImportCutNotices } from "@/components/account/import-cut-notices";
import { ImportReviewForm } from "@/components/account/import-review-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

/** The rows read from a pasted page, for the staff member to review and send. */
export default async function ImportReviewPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/import/${id}`);
  if (actor.role !== "STAFF" || !actor.institutionId || !/^[a-z0-9]{1,40}$/.test(id)) notFound();
  const [draft, t, a] = await Promise.all([
    getImportDraft(actor, id, locale).catch((e: unknown) => {
      if (e instanceof NotFoundError) notFound();
      throw e;
    }),
    getTranslations({ locale, namespace: "tools" }),
    getTranslations({ locale, namespace: "account" }),
  ]);
  const rows = draft.rows.map((r) => ({
    heading: r.heading,
    organizationName: r.organizationName,
    score: r.match?.score ?? null,
    joined: r.joined,
    role: r.role,
    passage: r.passage,
    passageCut: r.passageCut,
    action: r.action,
    current: r.current ? { joined: formatPartialDate(r.current.joined, locale), role: r.current.role } : null,
  }));
  return (
    <div className="space-y-4">
      <Breadcrumbs
        locale={locale}
        items={[
          { href: "/account", label: a("staffTitle") },
          { href: "/account/import", label: t("importPage") },
          { label: t("reviewTitle") },
        ]}
      />
      <h1 className="text-2xl font-semibold">{t("reviewTitle")}</h1>
      {draft.submittedAt ? (
        <p role="status" className="rounded-md bg-accent-soft p-3 text-sm">
          {t("reviewSent", {
            date: formatPartialDate({ iso: draft.submittedAt.toISOString().slice(0, 10), precision: "DAY" }, locale)!,
          })}
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {t("reviewLead", { source: draft.sourceUrl ?? draft.sourceTitle ?? "—" })}
          </p>
          <ImportCutNotices
            locale={locale}
            cutRows={draft.rows.filter((r) => r.passageCut).map((r) => r.organizationName ?? r.heading)}
            cuts={draft.cuts}
          />
          <ImportReviewForm locale={locale} draftId={draft.id} rows={rows} quoteMax={draft.cuts.quoteMax} />
        </>
      )}
    </div>
  );
}
