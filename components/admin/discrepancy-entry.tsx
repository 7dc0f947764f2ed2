import type { Locale } from "@/i18n/routing";
import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import type { DiscrepancyEntry, DismissedDiscrepancy } from "@/lib/shared/types/discrepancies";
import { DismissDiscrepancyForm, RestoreDiscrepancyForm } from "./discrepancy-forms";

const LINK = "text-accent underline";
const confirmHref = (c: { organization: string; membershipId: string }) =>
  `/admin/organizations/${c.organization}?membership=${c.membershipId}#organization-confirmation`;

/**
 * What an admin can do about one entry: record the organization's own source for a one-sided membership
 * (the confirmation form on the organization's admin page, with the membership chosen), open the admin editor
 * of the record whose facts are wrong (admins edit directly; there is no membership editor for admins), or
 * dismiss it with a reason.
 */
export function EntryActions({
  locale,
  entry,
  confirm,
  edit = [],
}: {
  locale: Locale;
  entry: DiscrepancyEntry;
  confirm?: { organization: string; membershipId: string };
  edit?: { kind: "organization" | "institution"; slug: string; name: string }[];
}) {
  const t = useTranslations("tools");
  return (
    <div className="mt-1 flex flex-wrap items-baseline gap-x-4 text-sm">
      {confirm ? (
        <Link href={confirmHref(confirm)} className={LINK}>
          {t("dConfirm")}
        </Link>
      ) : null}
      {edit.map((e) => (
        <Link key={`${e.kind}/${e.slug}`} href={`/admin/${e.kind}s/${e.slug}`} className={LINK}>
          {t("dEdit", { name: e.name })}
        </Link>
      ))}
      <DismissDiscrepancyForm locale={locale} entry={entry} />
    </div>
  );
}

const SECTION_TITLES = {
  COUNT_GAP: "dCounts",
  JOINED_BEFORE_FOUNDED: "dEarly",
  ONLY_INSTITUTION: "dOnlyInstitution",
  FOUNDER_NOT_MEMBER: "dOnlyOrganization",
  NOT_CONFIRMED_BY_INSTITUTION: "dOnlyOrganization",
  DUPLICATE_INSTITUTIONS: "dDuplicateInstitutions",
  DUPLICATE_ORGANIZATIONS: "dDuplicateOrganizations",
  SIDES_DISAGREE: "dSidesDisagree",
} as const;

/** The entries admins set aside, with why, by whom and when; each can be brought back. */
export function DismissedList({
  locale,
  rows,
}: {
  locale: Locale;
  rows: (DismissedDiscrepancy & { about: string[] })[];
}) {
  const t = useTranslations("tools");
  return (
    <section aria-labelledby="d-dismissed" className="rounded-md border border-line bg-white p-4">
      <h2 id="d-dismissed" className="text-lg font-semibold">
        {t("dDismissed")} <span className="text-sm font-normal text-muted">({rows.length})</span>
      </h2>
      {rows.length ? null : <p className="mt-2 text-sm">{t("dNoneDismissed")}</p>}
      <ul className="mt-2 space-y-3 text-sm">
        {rows.map((r) => (
          <li key={r.id}>
            <p>
              {t(SECTION_TITLES[r.kind])}: {r.about.join(" · ")}
            </p>
            <p>{t("dDismissedRow", { reason: r.reason, by: r.dismissedBy, date: r.dismissedAt })}</p>
            {r.stillApplies ? null : <p className="text-muted">{t("dNoLongerApplies")}</p>}
            <RestoreDiscrepancyForm locale={locale} dismissalId={r.id} />
          </li>
        ))}
      </ul>
    </section>
  );
}
