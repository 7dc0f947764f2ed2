import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { ConfirmMany } from "@/components/account/confirm-many";
import { StaffMembershipRow } from "@/components/account/staff-membership-row";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import { institutionCsvPath } from "@/lib/shared/paths";
import type { StaffDashboard } from "@/lib/shared/types/accounts";

const CONFIRM_MANY = "confirm-many";

const secondary = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:border-accent";

/** The institution's memberships and its proposals awaiting review, with the ways to propose more. */
export async function StaffMemberships({ dashboard, locale }: { dashboard: StaffDashboard; locale: Locale }) {
  const [t, tools] = await Promise.all([
    getTranslations({ locale, namespace: "account" }),
    getTranslations({ locale, namespace: "tools" }),
  ]);
  const toConfirm = dashboard.memberships.filter((m) => m.needsConfirmation).length;
  return (
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
          <Link href="/account/new-organization" className={secondary}>
            {t("proposeOrganization")}
          </Link>
          <Link href="/account/profile" className={secondary}>
            {t("editProfile")}
          </Link>
          <Link href="/account/import" className={secondary}>
            {tools("importPage")}
          </Link>
          <Link href="/account/colleagues" className={secondary}>
            {t("colleagues")}
          </Link>
        </div>
      </div>
      <p className="mt-2 text-sm text-slate-700">
        {tools("needsConfirmationCount", { count: toConfirm })}{" "}
        {/* A plain link: the public CSV slice of the institution's approved memberships, not a localized page. */}
        <a href={institutionCsvPath(dashboard.institution.slug)} download className="text-accent underline">
          {t("downloadCsv", { name: dashboard.institution.name })}
        </a>
      </p>
      <ul className="mt-3 divide-y divide-line rounded-md border border-line bg-white">
        {dashboard.memberships.map((m, i) => (
          <StaffMembershipRow
            key={m.id}
            membership={m}
            locale={locale}
            tick={m.needsConfirmation ? { form: CONFIRM_MANY, name: `membershipIds.${i}` } : undefined}
          />
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
      {toConfirm ? (
        <div className="mt-3">
          <ConfirmMany locale={locale} formId={CONFIRM_MANY} />
        </div>
      ) : null}
    </section>
  );
}
