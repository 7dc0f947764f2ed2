import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@/i18n/routing";
import { actorOrLogin } from "@/lib/auth/page";
import { getOrganizationMemberList } from "@/lib/data/organization-side/member-sides";
import { proposeOrganizationMemberAction } from "@/lib/actions/organization-members";
import { MembershipForm } from "@/components/account/membership-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { todayIso } from "@/lib/shared/fact-sources";

export const metadata: Metadata = { robots: { index: false } };

/** A secretariat proposes a member of its organization, chosen from the directory, with its own source. */
export default async function NewOrganizationMemberPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/organization/members/new`);
  if (actor.role !== "STAFF" || !actor.organizationId || !actor.staffRole) redirect(`/${locale}/account`);
  const [list, t] = await Promise.all([
    getOrganizationMemberList(actor, locale),
    getTranslations({ locale, namespace: "sides" }),
  ]);
  return (
    <div className="max-w-3xl">
      <Breadcrumbs
        locale={locale}
        items={[{ href: "/account/organization", label: list.organization.name }, { label: t("orgPropose") }]}
      />
      <h1 className="text-2xl font-semibold">{t("orgPropose")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("orgProposeLead")}</p>
      <MembershipForm
        today={todayIso()}
        action={proposeOrganizationMemberAction}
        locale={locale}
        values={null}
        hidden={{}}
        institution
      />
    </div>
  );
}
