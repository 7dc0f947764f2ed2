import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { getOwnOrganizationProfile } from "@/lib/data/organization-side/profile-propose";
import { proposeOrganizationUpdateAction } from "@/lib/actions/organization-profile";
import { OrganizationProfileForm, type OptionLabels } from "@/components/account/organization-profile-form";
import { COUNT_QUALIFIERS, COUNT_SUBJECTS, FOUNDER_ROLES, NAME_LOCALES } from "@/lib/validation/organization-profile";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { isLocale } from "@/i18n/routing";
import { todayIso } from "@/lib/shared/fact-sources";

export const metadata: Metadata = { robots: { index: false } };

/** An organization's secretariat proposes changes to its organization's profile (issue 16). */
export default async function OrganizationProfilePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/organization/profile`);
  // A secretariat's page: anyone else (a university's staff, an admin) is sent to their own dashboard.
  if (actor.role !== "STAFF" || !actor.organizationId || !actor.staffRole) redirect(`/${locale}/account`);
  const profile = await getOwnOrganizationProfile(actor, locale);
  // One profile change waits at a time: the secretariat follows that one.
  if (profile.pendingId) redirect(`/${locale}/account/requests/${profile.pendingId}`);
  const t = await getTranslations({ locale, namespace: "account" });
  const all = await getTranslations({ locale });
  const label = <K extends string>(values: readonly K[], prefix: string) =>
    Object.fromEntries(values.map((v) => [v, all(`${prefix}.${v}` as never)])) as Record<K, string>;
  const labels: OptionLabels = {
    languages: label(NAME_LOCALES, "locales"),
    roles: label(FOUNDER_ROLES, "founderRoles"),
    subjects: label(COUNT_SUBJECTS, "counts.subject"),
    qualifiers: label(COUNT_QUALIFIERS, "auditDetails.qualifiers"),
  };
  return (
    <div className="max-w-4xl">
      <Breadcrumbs
        locale={locale}
        items={[{ href: "/account", label: t("secretariatTitle") }, { label: t("organizationProfile") }]}
      />
      <h1 className="text-2xl font-semibold">{t("organizationProfile")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("organizationProfileLead")}</p>
      <OrganizationProfileForm
        action={proposeOrganizationUpdateAction}
        locale={locale}
        values={profile.values}
        founders={profile.founders}
        hidden={{ baseVersion: String(profile.version) }}
        today={todayIso()}
        labels={labels}
      />
    </div>
  );
}
