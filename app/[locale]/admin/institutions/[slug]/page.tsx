import type { Metadata } from "next";
import { isLocale } from "@/i18n/routing";
import { todayIso } from "@/lib/shared/fact-sources";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { getInstitutionProfileForAdmin } from "@/lib/data/institutions/admin-profile";
import { NotFoundError } from "@/lib/shared/errors";
import { isSlug } from "@/lib/shared/slug";
import { adminUpdateInstitutionAction } from "@/lib/actions/admin-records";
import { ProfileForm } from "@/components/account/profile-form";

export const metadata: Metadata = { robots: { index: false } };

/** Admins edit an institution's profile directly; the change is published and audited at once. */
export default async function AdminInstitutionPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  if (!isSlug(slug)) notFound();
  const actor = await actorOrLogin(locale, `/${locale}/admin/institutions/${slug}`);
  const profile = await getInstitutionProfileForAdmin(actor, slug).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-semibold">{t("editInstitution", { name: profile.values.nameEn })}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("adminEditLead")}</p>
      <ProfileForm
        today={todayIso()}
        action={adminUpdateInstitutionAction}
        locale={locale}
        values={profile.values}
        hidden={{ institutionSlug: profile.slug, baseVersion: String(profile.version) }}
        submitLabel={t("saveAndPublish")}
        withReason={false}
      />
    </div>
  );
}
