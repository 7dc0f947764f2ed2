import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { actorOrLogin } from "@/lib/auth/page";
import { getStaffDashboard } from "@/lib/data/accounts/dashboard";
import { countPendingReviews, listMyInstitutionRequests } from "@/lib/data/change-requests/requests";
import { listNotifications } from "@/lib/data/accounts/users";
import { formatPartialDate } from "@/lib/shared/dates";
import { Badge } from "@/components/ui/badge";
import { LogoutButton } from "@/components/auth/logout-button";
import { ActionForm } from "@/components/account/action-form";
import { markNotificationsReadAction } from "@/lib/actions/notifications";
import { ConfirmButton } from "@/components/account/confirm-button";
import { EmbedSnippet } from "@/components/account/embed-snippet";
import { env } from "@/lib/env";

export const metadata: Metadata = { robots: { index: false } };

export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account`);
  const t = await getTranslations({ locale, namespace: "account" });
  const roles = await getTranslations({ locale, namespace: "roles" });
  const h = await getTranslations({ locale, namespace: "history" });
  const tools = await getTranslations({ locale, namespace: "tools" });
  const notifications = await listNotifications(actor);
  const unread = notifications.filter((n) => !n.readAt);

  const header = (
    <div className="flex flex-wrap items-baseline justify-between gap-3 border-b border-line pb-4">
      <div>
        <h1 className="text-2xl font-semibold">{actor.role === "ADMIN" ? t("adminTitle") : t("staffTitle")}</h1>
        <p className="text-sm text-muted">{t("signedInAs", { name: actor.name, email: actor.email })}</p>
      </div>
      <LogoutButton locale={locale} />
    </div>
  );

  const notificationList = notifications.length ? (
    <section aria-labelledby="notifications" className="rounded-md border border-line bg-white p-4">
      <h2 id="notifications" className="text-lg font-semibold">
        {t("notifications")} {unread.length ? <Badge tone="warm">{unread.length}</Badge> : null}
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {notifications.map((n) => (
          <li key={n.id} className={n.readAt ? "text-muted" : "font-medium"}>
            {n.changeRequestId ? (
              <Link href={`/account/requests/${n.changeRequestId}`} className="hover:underline">
                {n.message}
              </Link>
            ) : (
              n.message
            )}
          </li>
        ))}
      </ul>
      {unread.length ? (
        <div className="mt-3">
          <ActionForm
            action={markNotificationsReadAction}
            hidden={{}}
            submitLabel={t("markRead")}
            tone="plain"
            locale={locale}
          />
        </div>
      ) : null}
    </section>
  ) : null;

  if (actor.role === "ADMIN") {
    const pending = await countPendingReviews(actor);
    return (
      <div className="space-y-6">
        {header}
        <p>
          <Link href="/admin/reviews" className="font-medium text-accent underline">
            {t("reviewQueue")}
          </Link>{" "}
          — {t("pendingCount", { count: pending })}
        </p>
        <p>
          <Link href="/admin/users" className="text-accent underline">
            {t("manageUsers")}
          </Link>{" "}
          ·{" "}
          <Link href="/admin/outbox" className="text-accent underline">
            {t("outbox")}
          </Link>{" "}
          ·{" "}
          <Link href="/admin/history" className="text-accent underline">
            {h("adminTitle")}
          </Link>{" "}
          ·{" "}
          <Link href="/admin/institutions" className="text-accent underline">
            {t("institutions")}
          </Link>{" "}
          ·{" "}
          <Link href="/admin/organizations" className="text-accent underline">
            {t("organizations")}
          </Link>{" "}
          ·{" "}
          <Link href="/admin/discrepancies" className="text-accent underline">
            {tools("discrepancies")}
          </Link>
        </p>
        {notificationList}
      </div>
    );
  }

  const [dashboard, requests] = await Promise.all([
    getStaffDashboard(actor, locale),
    listMyInstitutionRequests(actor, locale),
  ]);
  return (
    <div className="space-y-8">
      {header}
      {notificationList}
      <section aria-labelledby="memberships">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="memberships" className="text-xl font-semibold">
            {t("membershipsOf", { name: dashboard.institution.name })}
          </h2>
          <div className="flex flex-wrap gap-2">
            <Link
              href="/account/new"
              className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-strong"
            >
              {t("addMembership")}
            </Link>
            <Link
              href="/account/new-organization"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:border-accent"
            >
              {t("proposeOrganization")}
            </Link>
            <Link
              href="/account/profile"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:border-accent"
            >
              {t("editProfile")}
            </Link>
            <Link
              href="/account/import"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:border-accent"
            >
              {tools("importPage")}
            </Link>
          </div>
        </div>
        <p className="mt-2 text-sm text-slate-700">
          {tools("needsConfirmationCount", { count: dashboard.memberships.filter((m) => m.needsConfirmation).length })}
        </p>
        <ul className="mt-3 divide-y divide-line rounded-md border border-line bg-white">
          {dashboard.memberships.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <div>
                <Link href={`/organizations/${m.organization.slug}`} className="font-medium hover:underline">
                  {m.organization.name}
                </Link>
                <span className="block text-sm text-muted">
                  {roles(m.role)} · {formatPartialDate(m.joined, locale) ?? t("joinedUnknown")}
                </span>
                <span className={`block text-xs ${m.needsConfirmation ? "font-medium text-amber-900" : "text-muted"}`}>
                  {m.needsConfirmation ? `${tools("needsConfirmation")} · ` : ""}
                  {m.confirmedOn
                    ? tools("confirmedOn", {
                        date: formatPartialDate({ iso: m.confirmedOn, precision: "DAY" }, locale)!,
                      })
                    : tools("neverConfirmed")}
                </span>
              </div>
              <div className="flex items-center gap-3">
                {m.pending.length ? null : <ConfirmButton locale={locale} membershipId={m.id} />}
                {m.pending.length ? (
                  <Link href={`/account/requests/${m.pending[0]!.id}`}>
                    <Badge tone="warm">{t("pendingReview")}</Badge>
                  </Link>
                ) : (
                  <Link href={`/account/memberships/${m.id}`} className="text-sm text-accent underline">
                    {t("proposeChange")}
                    <span className="sr-only">: {m.organization.name}</span>
                  </Link>
                )}
              </div>
            </li>
          ))}
          {dashboard.pendingNew.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <span className="font-medium">{p.organization.name}</span>
              <Link href={`/account/requests/${p.id}`}>
                <Badge tone="warm">{t("pendingNew")}</Badge>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="requests">
        <h2 id="requests" className="text-xl font-semibold">
          {t("requests")}
        </h2>
        {requests.length ? (
          <ul className="mt-3 divide-y divide-line rounded-md border border-line bg-white text-sm">
            {requests.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <Link href={`/account/requests/${r.id}`} className="hover:underline">
                  {t(`kinds.${r.kind}`)} · {r.organization.name}
                </Link>
                <span className="flex items-center gap-2">
                  <Badge tone={r.status === "PENDING" ? "warm" : r.status === "APPROVED" ? "accent" : "neutral"}>
                    {t(`statuses.${r.status}`)}
                  </Badge>
                  {r.decisionComment ? <span className="text-muted">“{r.decisionComment}”</span> : null}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-muted">{t("noRequests")}</p>
        )}
      </section>
      <EmbedSnippet slug={dashboard.institution.slug} siteUrl={env().SITE_URL} locale={locale} />
    </div>
  );
}
