import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { ImportForm } from "@/components/account/import-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

/** Staff paste their university's existing page; the portal proposes entries from it. */
export default async function ImportPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/import`);
  // A university's import: a secretariat (no institution) has none.
  if (actor.role !== "STAFF" || !actor.institutionId) notFound();
  const [t, a] = await Promise.all([
    getTranslations({ locale, namespace: "tools" }),
    getTranslations({ locale, namespace: "account" }),
  ]);
  return (
    <div className="max-w-4xl">
      <Breadcrumbs locale={locale} items={[{ href: "/account", label: a("staffTitle") }, { label: t("importPage") }]} />
      <h1 className="text-2xl font-semibold">{t("importTitle")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("importLead")}</p>
      <ImportForm locale={locale} />
    </div>
  );
}
