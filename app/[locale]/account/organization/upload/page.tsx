import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { MEMBER_LIST_MAX_ROWS } from "@/lib/shared/member-list";
import { MemberListUploadForm } from "@/components/account/member-list-upload-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

/** An organization's secretariat uploads its member list, to be matched and reviewed before anything is proposed. */
export default async function MemberListUploadPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/organization/upload`);
  // Secretariat accounts only (the data layer refuses everyone else whatever this page shows).
  if (actor.role !== "STAFF" || !actor.organizationId) notFound();
  const t = await getTranslations({ locale, namespace: "tools.memberList" });
  return (
    <div className="max-w-4xl">
      <Breadcrumbs locale={locale} items={[{ href: "/account", label: t("account") }, { label: t("page") }]} />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">
        {t("lead", { max: MEMBER_LIST_MAX_ROWS.toLocaleString(locale) })}
      </p>
      <MemberListUploadForm locale={locale} />
    </div>
  );
}
