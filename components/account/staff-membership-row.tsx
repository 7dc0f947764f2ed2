import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { ConfirmButton } from "@/components/account/confirm-button";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import { formatPartialDate } from "@/lib/shared/dates";
import type { StaffMembership } from "@/lib/shared/types/accounts";

/** One of the institution's memberships: when it was last confirmed, and what the staff member can do with it. */
export async function StaffMembershipRow({
  membership: m,
  locale,
  tick,
}: {
  membership: StaffMembership;
  locale: Locale;
  /** For an entry that needs confirming: its checkbox's name in the form `form` (the one "still accurate" button). */
  tick?: { form: string; name: string };
}) {
  const [t, roles, tools] = await Promise.all([
    getTranslations({ locale, namespace: "account" }),
    getTranslations({ locale, namespace: "roles" }),
    getTranslations({ locale, namespace: "tools" }),
  ]);
  return (
    <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
      <div className="flex items-start gap-3">
        {tick ? (
          <input
            type="checkbox"
            form={tick.form}
            name={tick.name}
            value={m.id}
            aria-label={t("tickToConfirm", { name: m.organization.name })}
            className="mt-1 h-4 w-4"
          />
        ) : null}
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
  );
}
