import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { getStaffDashboard } from "@/lib/data/accounts/dashboard";
import { getOwnPendingClaim } from "@/lib/data/accounts/claims";
import { countPendingReviews, listMyInstitutionRequests } from "@/lib/data/change-requests/queries";
import { listNotifications } from "@/lib/data/accounts/notifications";
import { markNotificationsReadAction } from "@/lib/actions/notifications";
import { AccountHeader } from "@/components/account/account-header";
import { NotificationList } from "@/components/account/notification-list";
import { OwnRequestList } from "@/components/account/own-request-list";
import { StaffMemberships } from "@/components/account/staff-memberships";
import { EmbedSnippet } from "@/components/account/embed-snippet";
import { AdminDashboard } from "@/components/admin/admin-dashboard";
import { CorrectionsLink } from "@/components/corrections/corrections-link";
import { canTriageCorrections, countOpenCorrections } from "@/lib/data/corrections/triage";
import { env } from "@/lib/env";
import { getSecretariatHome, listMyOrganizationRequests } from "@/lib/data/secretariats/home";
import { Link } from "@/components/ui/link";
import type { Actor } from "@/lib/shared/actor";
import { notFound } from "next/navigation";
import { listOrganizationDisagreements } from "@/lib/data/organization-side/member-sides";
import { OrganizationDisagreements } from "@/components/organization-side/organization-disagreements";
import { isLocale, type Locale } from "@/i18n/routing";
import { parseRequestStatusFilter, type RequestStatusFilter, statusOfFilter } from "@/lib/shared/request-filter";

export const metadata: Metadata = { robots: { index: false } };

type Props = { actor: Actor; locale: Locale };

async function StaffAccount({ actor, locale, filter }: Props & { filter: RequestStatusFilter | null }) {
  const [notifications, dashboard, requests, corrections, disagreements] = await Promise.all([
    listNotifications(actor),
    getStaffDashboard(actor, locale),
    listMyInstitutionRequests(actor, locale, filter ? statusOfFilter(filter) : undefined),
    countOpenCorrections(actor),
    listOrganizationDisagreements(actor, locale),
  ]);
  return (
    <div className="space-y-8">
      <AccountHeader actor={actor} locale={locale} />
      {canTriageCorrections(actor) ? (
        <CorrectionsLink count={corrections} href="/account/corrections" locale={locale} />
      ) : null}
      <NotificationList notifications={notifications} markReadAction={markNotificationsReadAction} locale={locale} />
      <OrganizationDisagreements rows={disagreements} locale={locale} />
      <StaffMemberships dashboard={dashboard} locale={locale} />
      <OwnRequestList requests={requests} filter={filter} locale={locale} />
      <EmbedSnippet slug={dashboard.institution.slug} siteUrl={env().SITE_URL} locale={locale} />
    </div>
  );
}

/** Signed up and verified, not yet approved: the account can only wait (guards.ts requireStaff). */
async function PendingAccount({ actor, locale }: Props) {
  const [claim, t] = await Promise.all([
    getOwnPendingClaim(actor, locale),
    getTranslations({ locale, namespace: "signup" }),
  ]);
  return (
    <div className="space-y-8">
      <AccountHeader actor={actor} locale={locale} />
      <section aria-labelledby="pending" className="rounded-md border border-amber-300 bg-amber-50 p-4">
        <h2 id="pending" className="text-lg font-semibold">
          {t("pendingTitle")}
        </h2>
        <p className="mt-1 text-sm">
          {claim?.side === "organization"
            ? t(claim.adminDecides ? "pendingTextSecretariatAdmin" : "pendingTextSecretariat", {
                organization: claim.name,
              })
            : t("pendingText", { institution: claim?.name ?? "" })}
        </p>
      </section>
    </div>
  );
}

/**
 * A secretariat's account home: whose side it keeps, links to the organization's pages (its members as both sides
 * state them, the member-list upload, the profile), its colleagues, notifications and its side's requests. Nothing
 * of a university's: the account has none.
 */
async function SecretariatAccount({ actor, locale, filter }: Props & { filter: RequestStatusFilter | null }) {
  const [notifications, home, requests, corrections, t] = await Promise.all([
    listNotifications(actor),
    getSecretariatHome(actor, locale),
    listMyOrganizationRequests(actor, locale, filter ? statusOfFilter(filter) : undefined),
    countOpenCorrections(actor),
    getTranslations({ locale, namespace: "account" }),
  ]);
  const pages = [
    { href: "/account/organization", label: t("secretariatMembers") },
    { href: "/account/organization/upload", label: t("secretariatUpload") },
    { href: "/account/organization/profile", label: t("secretariatProfile") },
    { href: "/account/colleagues", label: t("secretariatColleagues") },
    { href: `/organizations/${home.organization.slug}`, label: t("secretariatPublic") },
  ];
  return (
    <div className="space-y-8">
      <AccountHeader actor={actor} locale={locale} />
      <section aria-labelledby="secretariat-home">
        <h2 id="secretariat-home" className="text-xl font-semibold">
          {t("secretariatHome", { organization: home.organization.name })}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("secretariatHomeLead")}</p>
        <nav aria-label={t("secretariatPages")} className="mt-3">
          <ul className="flex flex-wrap gap-2 text-sm">
            {pages.map((p) => (
              <li key={p.href}>
                <Link
                  href={p.href}
                  className="inline-block rounded-md border border-line bg-white px-3 py-1 hover:border-accent"
                >
                  {p.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </section>
      {canTriageCorrections(actor) ? (
        <CorrectionsLink count={corrections} href="/account/corrections" locale={locale} />
      ) : null}
      <NotificationList notifications={notifications} markReadAction={markNotificationsReadAction} locale={locale} />
      <OwnRequestList requests={requests} filter={filter} locale={locale} title={t("secretariatRequests")} />
    </div>
  );
}

async function AdminAccount({ actor, locale }: Props) {
  const [notifications, pending, corrections] = await Promise.all([
    listNotifications(actor),
    countPendingReviews(actor),
    countOpenCorrections(actor),
  ]);
  return (
    <AdminDashboard
      pending={pending}
      corrections={<CorrectionsLink count={corrections} href="/admin/corrections" locale={locale} />}
      header={<AccountHeader actor={actor} locale={locale} />}
      notifications={
        <NotificationList notifications={notifications} markReadAction={markNotificationsReadAction} locale={locale} />
      }
      locale={locale}
    />
  );
}

/**
 * An admin's start page, a university staff member's "my university" or a secretariat's "my organization", each with
 * the account's notifications.
 */
export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ status?: string | string[] }>;
}) {
  const [{ locale }, query] = await Promise.all([params, searchParams]);
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account`);
  if (actor.role === "STAFF" && !actor.staffRole) return <PendingAccount actor={actor} locale={locale} />;
  if (actor.role === "STAFF" && actor.organizationId)
    return <SecretariatAccount actor={actor} locale={locale} filter={parseRequestStatusFilter(query.status)} />;
  return actor.role === "ADMIN" ? (
    <AdminAccount actor={actor} locale={locale} />
  ) : (
    <StaffAccount actor={actor} locale={locale} filter={parseRequestStatusFilter(query.status)} />
  );
}
