import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@/i18n/routing";
import { actorOrLogin } from "@/lib/auth/page";
import { getOrganizationMemberList } from "@/lib/data/organization-side/member-sides";
import { listNotifications } from "@/lib/data/accounts/notifications";
import { markNotificationsReadAction } from "@/lib/actions/notifications";
import { LogoutButton } from "@/components/auth/logout-button";
import { NotificationList } from "@/components/account/notification-list";
import { MemberSidesTable } from "@/components/organization-side/member-sides-table";
import { Link } from "@/components/ui/link";

export const metadata: Metadata = { robots: { index: false } };

/** A secretariat's home: its organization's members, each with where its two sides stand, and what to propose. */
export default async function OrganizationAccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/organization`);
  // Not a secretariat's approved account (a university's staff, an admin, a pending sign-up): their own home.
  if (actor.role !== "STAFF" || !actor.organizationId || !actor.staffRole) redirect(`/${locale}/account`);
  const [list, notifications, t, account] = await Promise.all([
    getOrganizationMemberList(actor, locale),
    listNotifications(actor),
    getTranslations({ locale, namespace: "sides" }),
    getTranslations({ locale, namespace: "account" }),
  ]);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-3 border-b border-line pb-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("orgTitle", { organization: list.organization.name })}</h1>
          <p className="text-sm text-muted">{account("signedInAs", { name: actor.name, email: actor.email })}</p>
        </div>
        <LogoutButton locale={locale} />
      </div>
      <NotificationList notifications={notifications} markReadAction={markNotificationsReadAction} locale={locale} />
      <section aria-labelledby="members" className="space-y-3">
        <h2 id="members" className="text-lg font-semibold">
          {t("orgMember")}
        </h2>
        <p className="text-sm text-slate-700">{t("orgLead")}</p>
        <p>
          <Link href="/account/organization/members/new" className="text-accent underline">
            {t("orgPropose")}
          </Link>
        </p>
        <MemberSidesTable members={list.members} locale={locale} />
      </section>
    </div>
  );
}
