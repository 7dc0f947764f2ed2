import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { listColleagues } from "@/lib/data/accounts/colleagues";
import { listManagedClaims } from "@/lib/data/accounts/claims";
import { ClaimList } from "@/components/account/claim-list";
import { ClaimOutcome } from "@/components/account/claim-outcome";
import { getStaffDashboard } from "@/lib/data/accounts/dashboard";
import { getSecretariatHome } from "@/lib/data/secretariats/home";
import type { Actor } from "@/lib/shared/actor";
import { ColleagueActions } from "@/components/account/colleague-actions";
import { LeaveForm } from "@/components/account/leave-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Badge } from "@/components/ui/badge";
import { staffRoles } from "@/lib/shared/vocabulary";
import { formatPartialDate } from "@/lib/shared/dates";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

export default async function ColleaguesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const [{ locale }, { done }] = await Promise.all([params, searchParams]);
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/colleagues`);
  // Staff pages: an admin (who has no institution) manages accounts on the admin pages.
  if (actor.role !== "STAFF") redirect(`/${locale}/admin/users`);
  const [t, answers, signup, { canManage, myId, side, colleagues }, keeper] = await Promise.all([
    getTranslations({ locale, namespace: "account" }),
    getTranslations({ locale, namespace: "validation.answers" }),
    getTranslations({ locale, namespace: "signup" }),
    listColleagues(actor),
    keeperName(actor, locale),
  ]);
  // Managers decide on their side's sign-ups (a secretariat's: those at its own domains); editors do not see them.
  const claims = canManage ? await listManagedClaims(actor, locale) : [];
  const secretariat = side === "organization";
  return (
    <div className="max-w-3xl">
      <Breadcrumbs
        locale={locale}
        items={[
          { href: "/account", label: secretariat ? t("secretariatTitle") : t("staffTitle") },
          { label: t("colleagues") },
        ]}
      />
      <h1 className="text-2xl font-semibold">{t("colleagues")}</h1>
      <p className="mt-2 text-sm text-slate-700">
        {secretariat
          ? t("colleaguesLeadSecretariat", { organization: keeper })
          : t("colleaguesLead", { institution: keeper })}
      </p>
      {canManage ? <p className="mt-1 text-sm text-slate-700">{t("colleaguesManagerHint")}</p> : null}
      {done === "removed" ? (
        <p
          role="status"
          className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900"
        >
          {answers(secretariat ? "secretariatColleagueRemoved" : "colleagueRemoved")}
        </p>
      ) : null}
      <ClaimOutcome done={done} locale={locale} />
      <ul className="mt-6 divide-y divide-line rounded-md border border-line bg-white" aria-label={t("colleagues")}>
        {colleagues.map((c) => (
          <li key={c.id} className="space-y-2 p-3" data-colleague={c.email}>
            <p className="text-sm">
              <span className="font-medium">{c.name}</span>
              {c.id === myId ? ` (${t("you")})` : ""} · {c.email}{" "}
              {c.staffRole ? <Badge>{t(staffRoles.labels[c.staffRole])}</Badge> : null}{" "}
              <span className="text-muted">
                ·{" "}
                {c.lastLoginAt
                  ? t("lastSignedIn", {
                      date:
                        formatPartialDate({ iso: c.lastLoginAt.slice(0, 10), precision: "DAY" }, locale) ??
                        c.lastLoginAt.slice(0, 10),
                    })
                  : c.invited
                    ? t("invited")
                    : t("neverSignedIn")}
              </span>
            </p>
            {canManage ? <ColleagueActions userId={c.id} staffRole={c.staffRole} locale={locale} /> : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <section aria-labelledby="pending-claims" className="mt-8">
          <h2 id="pending-claims" className="text-lg font-semibold">
            {signup("colleaguesPending")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {signup(secretariat ? "colleaguesPendingLeadSecretariat" : "colleaguesPendingLead")}
          </p>
          <ClaimList claims={claims} locale={locale} label={signup("colleaguesPending")} />
        </section>
      ) : null}
      <LeaveForm locale={locale} secretariat={secretariat} />
    </div>
  );
}

/** The name of the institution or organization whose side the account keeps. */
async function keeperName(actor: Actor, locale: "en" | "zh") {
  if (actor.organizationId) return (await getSecretariatHome(actor, locale)).organization.name;
  return (await getStaffDashboard(actor, locale)).institution.name;
}
