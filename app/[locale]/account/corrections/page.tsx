import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { canTriageCorrections, listOpenCorrections } from "@/lib/data/corrections/triage";
import { getStaffDashboard } from "@/lib/data/accounts/dashboard";
import { CorrectionTriage } from "@/components/corrections/correction-triage";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

/** A manager's queue of visitors' suggested corrections of their institution's, or their organization's, page. */
export default async function AccountCorrectionsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/corrections`);
  if (actor.role === "ADMIN") redirect(`/${locale}/admin/corrections`);
  // Comfort only: editors get the 404 the data layer's refusal would amount to.
  if (!canTriageCorrections(actor)) notFound();
  // A secretariat's manager triages its organization's page: its proposals are made on the organization's pages.
  const secretariat = Boolean(actor.organizationId);
  const [rows, memberships, t, account] = await Promise.all([
    listOpenCorrections(actor, locale),
    secretariat ? [] : getStaffDashboard(actor, locale).then((d) => d.memberships),
    getTranslations({ locale, namespace: "corrections" }),
    getTranslations({ locale, namespace: "account" }),
  ]);
  return (
    <div className="max-w-3xl">
      <Breadcrumbs
        locale={locale}
        items={[
          { href: "/account", label: account(secretariat ? "secretariatTitle" : "staffTitle") },
          { label: t("triageTitle") },
        ]}
      />
      <h1 className="text-2xl font-semibold">{t("triageTitle")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">
        {t(secretariat ? "triageLeadSecretariat" : "triageLeadManager")}
      </p>
      <CorrectionTriage
        rows={rows}
        memberships={memberships}
        side={secretariat ? "organization" : "institution"}
        admin={false}
        locale={locale}
      />
    </div>
  );
}
