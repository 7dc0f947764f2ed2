import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { listOpenCorrections } from "@/lib/data/corrections/triage";
import { CorrectionTriage } from "@/components/corrections/correction-triage";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

/** The admins' queue of visitors' suggested corrections: every organization's and institution's page. */
export default async function AdminCorrectionsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/admin/corrections`);
  const [rows, t] = await Promise.all([
    listOpenCorrections(actor, locale),
    getTranslations({ locale, namespace: "corrections" }),
  ]);
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-semibold">{t("triageTitle")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("triageLeadAdmin")}</p>
      <CorrectionTriage rows={rows} memberships={[]} admin locale={locale} />
    </div>
  );
}
