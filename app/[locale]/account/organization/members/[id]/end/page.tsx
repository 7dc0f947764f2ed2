import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@/i18n/routing";
import { actorOrLogin } from "@/lib/auth/page";
import { NotFoundError } from "@/lib/shared/errors";
import { isRecordId } from "@/lib/validation/input";
import { getOrganizationMember } from "@/lib/data/organization-side/member-sides";
import { MemberEndForm } from "@/components/organization-side/member-end-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { todayIso } from "@/lib/shared/fact-sources";

export const metadata: Metadata = { robots: { index: false } };

/** A secretariat states that one member's membership ended, with its source. */
export default async function EndOrganizationMemberPage({
  params,
}: {
  params: Promise<{ locale: string; id: string }>;
}) {
  const { locale, id } = await params;
  if (!isLocale(locale) || !isRecordId(id)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/organization/members/${id}/end`);
  if (actor.role !== "STAFF" || !actor.organizationId || !actor.staffRole) redirect(`/${locale}/account`);
  const member = await getOrganizationMember(actor, id, locale).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "sides" });
  return (
    <div className="max-w-3xl">
      <Breadcrumbs
        locale={locale}
        items={[{ href: "/account/organization", label: t("back") }, { label: member.institution.name }]}
      />
      <h1 className="mb-6 text-2xl font-semibold">{t("orgEndTitle", { institution: member.institution.name })}</h1>
      <MemberEndForm locale={locale} membershipId={member.id} baseVersion={member.version} today={todayIso()} />
    </div>
  );
}
