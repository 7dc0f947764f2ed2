import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { SourceNote } from "@/components/ui/source-note";
import { describeDifferences, type SidesTranslate } from "@/lib/shared/membership-sides";
import type { Confirmation } from "@/lib/shared/types/memberships";

/**
 * A university's dashboard: the memberships whose organization states otherwise, with what each side says and the
 * organization's source, and the way to propose a change of the university's own entry.
 */
export async function OrganizationDisagreements({
  rows,
  locale,
}: {
  rows: { membershipId: string; organization: { slug: string; name: string }; confirmation: Confirmation }[];
  locale: Locale;
}) {
  if (!rows.length) return null;
  const [t, account, root] = await Promise.all([
    getTranslations({ locale, namespace: "sides" }),
    getTranslations({ locale, namespace: "account" }),
    getTranslations({ locale }),
  ]);
  return (
    <section aria-labelledby="organization-disagrees" className="rounded-md border border-amber-300 bg-amber-50 p-4">
      <h2 id="organization-disagrees" className="text-lg font-semibold">
        {t("dashboardHeading")}
      </h2>
      <p className="mt-1 text-sm">{t("dashboardLead")}</p>
      <ul className="mt-3 space-y-3 text-sm">
        {rows.map((r) => (
          <li key={r.membershipId} data-organization={r.organization.slug}>
            <Link href={`/organizations/${r.organization.slug}`} className="font-medium text-accent underline">
              {r.organization.name}
            </Link>
            :{" "}
            {t("disagree", {
              differences: describeDifferences(r.confirmation.differences, root as unknown as SidesTranslate, locale),
            })}
            <span className="mt-1 block text-xs text-muted">{t("organizationSays")}:</span>
            <SourceNote source={r.confirmation.organizationSource} locale={locale} compact />
            <Link href={`/account/memberships/${r.membershipId}`} className="mt-1 block text-accent underline">
              {account("proposeChange")}
              <span className="sr-only">: {r.organization.name}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
