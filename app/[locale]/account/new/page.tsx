import { redirect, notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { getOrganizationChoice } from "@/lib/data/search/suggest";
import { proposeMembershipCreateAction } from "@/lib/actions/change-requests";
import { MembershipForm } from "@/components/account/membership-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { isLocale } from "@/i18n/routing";
import { getOpenCorrection } from "@/lib/data/corrections/triage";
import { correctionParam } from "@/lib/shared/corrections";
import { AnsweredCorrection } from "@/components/corrections/answered-correction";
import { isSlug } from "@/lib/shared/slug";
import { todayIso } from "@/lib/shared/fact-sources";

export const metadata: Metadata = { robots: { index: false } };

export default async function NewMembershipPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ locale }, query] = await Promise.all([params, searchParams]);
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/new`);
  // Staff pages: an admin (who has no institution) is sent to their own dashboard.
  // A university's pages: an admin, or a secretariat (no institution), has none of them.
  if (actor.role !== "STAFF" || !actor.institutionId) redirect(`/${locale}/account`);
  // Other pages link here with an organization chosen (the new-organization form's duplicate warning).
  const prefill = typeof query.organization === "string" && isSlug(query.organization) ? query.organization : null;
  const [chosen, t, correction] = await Promise.all([
    prefill ? getOrganizationChoice(prefill, locale) : null,
    getTranslations({ locale, namespace: "account" }),
    getOpenCorrection(actor, correctionParam(query), locale),
  ]);
  return (
    <div className="max-w-3xl">
      <Breadcrumbs
        locale={locale}
        items={[{ href: "/account", label: t("staffTitle") }, { label: t("addMembership") }]}
      />
      <h1 className="text-2xl font-semibold">{t("addMembership")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("editLead")}</p>
      {correction ? <AnsweredCorrection correction={correction} locale={locale} /> : null}
      <MembershipForm
        periods
        today={todayIso()}
        action={proposeMembershipCreateAction}
        locale={locale}
        values={null}
        hidden={correction ? { correctionId: correction.id } : {}}
        organization={{ chosen }}
      />
    </div>
  );
}
