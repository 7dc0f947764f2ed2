import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@/i18n/routing";
import { actorOrLogin } from "@/lib/auth/page";
import { NotFoundError } from "@/lib/shared/errors";
import { isRecordId } from "@/lib/validation/input";
import { getOrganizationMember } from "@/lib/data/organization-side/member-sides";
import { proposeOrganizationMemberUpdateAction } from "@/lib/actions/organization-members";
import { MembershipForm } from "@/components/account/membership-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { todayIso } from "@/lib/shared/fact-sources";

export const metadata: Metadata = { robots: { index: false } };

/** A secretariat changes what its organization states of one member (role, status, dates), with its source. */
export default async function ChangeOrganizationMemberPage({
  params,
}: {
  params: Promise<{ locale: string; id: string }>;
}) {
  const { locale, id } = await params;
  if (!isLocale(locale) || !isRecordId(id)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/organization/members/${id}`);
  if (actor.role !== "STAFF" || !actor.organizationId || !actor.staffRole) redirect(`/${locale}/account`);
  // Another organization's member is simply not found.
  const member = await getOrganizationMember(actor, id, locale).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "sides" });
  const title = t("orgChangeTitle", { institution: member.institution.name });
  const values = member.stated ?? {
    ...member.entry,
    notes: null,
    sourceUrl: null,
    sourceTitle: null,
    sourceQuote: null,
  };
  return (
    <div className="max-w-3xl">
      <Breadcrumbs
        locale={locale}
        items={[{ href: "/account/organization", label: t("back") }, { label: member.institution.name }]}
      />
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("orgLead")}</p>
      <MembershipForm
        today={todayIso()}
        action={proposeOrganizationMemberUpdateAction}
        locale={locale}
        values={values}
        hidden={{ membershipId: member.id, baseVersion: String(member.version) }}
      />
    </div>
  );
}
