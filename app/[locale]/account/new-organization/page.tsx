import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { redirect, notFound } from "next/navigation";
import { OrganizationForm } from "@/components/account/organization-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

export default async function NewOrganizationPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/new-organization`);
  // A university's pages: an admin, or a secretariat (no institution), has none of them.
  if (actor.role !== "STAFF" || !actor.institutionId) redirect(`/${locale}/account`);
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <div className="max-w-3xl">
      <Breadcrumbs
        locale={locale}
        items={[{ href: "/account", label: t("staffTitle") }, { label: t("proposeOrganization") }]}
      />
      <h1 className="text-2xl font-semibold">{t("proposeOrganization")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("proposeOrganizationLead")}</p>
      <OrganizationForm locale={locale} />
    </div>
  );
}
