import type { Metadata } from "next";
import { redirect, notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { getInstitutionProfile } from "@/lib/data/institutions/editable-profile";
import { proposeInstitutionUpdateAction } from "@/lib/actions/change-requests";
import { ProfileForm } from "@/components/account/profile-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { isLocale } from "@/i18n/routing";
import { getOpenCorrection } from "@/lib/data/corrections/triage";
import { correctionParam } from "@/lib/shared/corrections";
import { AnsweredCorrection } from "@/components/corrections/answered-correction";
import { todayIso } from "@/lib/shared/fact-sources";

export const metadata: Metadata = { robots: { index: false } };

export default async function ProfilePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ locale }, query] = await Promise.all([params, searchParams]);
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/profile`);
  // Staff pages: an admin (who has no institution) is sent to their own dashboard.
  // A university's pages: an admin, or a secretariat (no institution), has none of them.
  if (actor.role !== "STAFF" || !actor.institutionId) redirect(`/${locale}/account`);
  const profile = await getInstitutionProfile(actor, null);
  if (profile.pendingId) redirect(`/${locale}/account/requests/${profile.pendingId}`);
  const [t, correction] = await Promise.all([
    getTranslations({ locale, namespace: "account" }),
    getOpenCorrection(actor, correctionParam(query), locale),
  ]);
  return (
    <div className="max-w-3xl">
      <Breadcrumbs locale={locale} items={[{ href: "/account", label: t("staffTitle") }, { label: t("profile") }]} />
      <h1 className="text-2xl font-semibold">{t("profile")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("editLead")}</p>
      {correction ? <AnsweredCorrection correction={correction} locale={locale} /> : null}
      <ProfileForm
        today={todayIso()}
        action={proposeInstitutionUpdateAction}
        locale={locale}
        values={profile.values}
        hidden={{ baseVersion: String(profile.version), ...(correction ? { correctionId: correction.id } : {}) }}
        submitLabel={t("submitForReview")}
        withReason
      />
    </div>
  );
}
