import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { NotFoundError } from "@/lib/shared/errors";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { getOwnMembershipForEdit } from "@/lib/data/accounts/dashboard";
import { proposeMembershipUpdateAction } from "@/lib/actions/change-requests";
import { MembershipForm } from "@/components/account/membership-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { isRecordId } from "@/lib/validation/input";
import { isLocale } from "@/i18n/routing";
import { getOpenCorrection } from "@/lib/data/corrections/triage";
import { correctionParam } from "@/lib/shared/corrections";
import { AnsweredCorrection } from "@/components/corrections/answered-correction";
import { todayIso } from "@/lib/shared/fact-sources";

export const metadata: Metadata = { robots: { index: false } };

export default async function EditMembershipPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ locale, id }, query] = await Promise.all([params, searchParams]);
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  if (!isRecordId(id)) notFound();
  const actor = await actorOrLogin(locale, `/${locale}/account/memberships/${id}`);
  // Staff pages: an admin (who has no institution) is sent to their own dashboard.
  // A university's pages: an admin, or a secretariat (no institution), has none of them.
  if (actor.role !== "STAFF" || !actor.institutionId) redirect(`/${locale}/account`);
  // Another institution's membership is simply not found.
  const membership = await getOwnMembershipForEdit(actor, id, locale).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  if (membership.pendingId) redirect(`/${locale}/account/requests/${membership.pendingId}`);
  const [t, correction] = await Promise.all([
    getTranslations({ locale, namespace: "account" }),
    getOpenCorrection(actor, correctionParam(query), locale),
  ]);
  return (
    <div className="max-w-3xl">
      <Breadcrumbs
        locale={locale}
        items={[{ href: "/account", label: t("staffTitle") }, { label: membership.organization.name }]}
      />
      <h1 className="text-2xl font-semibold">{t("editTitle", { name: membership.organization.name })}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("editLead")}</p>
      {correction ? <AnsweredCorrection correction={correction} locale={locale} /> : null}
      <MembershipForm
        periods
        today={todayIso()}
        action={proposeMembershipUpdateAction}
        locale={locale}
        values={membership.values}
        hidden={{
          membershipId: membership.id,
          baseVersion: String(membership.version),
          ...(correction ? { correctionId: correction.id } : {}),
        }}
      />
    </div>
  );
}
