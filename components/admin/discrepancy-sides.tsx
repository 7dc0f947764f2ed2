import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { SourceNote } from "@/components/ui/source-note";
import { describeDifferences, type SidesTranslate } from "@/lib/shared/membership-sides";
import type { SideDifference } from "@/lib/shared/membership-sides";
import type { DiscrepancyEntry, Ref } from "@/lib/shared/types/discrepancies";
import type { SourceRef } from "@/lib/shared/types/memberships";
import { EntryActions } from "./discrepancy-entry";
import { DiscrepancySection } from "./discrepancy-section";

type Row = {
  entry: DiscrepancyEntry;
  organization: Ref;
  institution: Ref;
  differences: SideDifference[];
  institutionSource: SourceRef | null;
  organizationSource: SourceRef | null;
};

/** The report's memberships whose two sides disagree: what each side says, each with its source and passage. */
export async function SidesDisagreeSection({
  locale,
  report,
}: {
  locale: Locale;
  report: { total: number; rows: Row[] };
}) {
  const [t, sides, root] = await Promise.all([
    getTranslations({ locale, namespace: "tools" }),
    getTranslations({ locale, namespace: "sides" }),
    getTranslations({ locale }),
  ]);
  const link = (kind: "organizations" | "institutions", r: Ref) => (
    <Link href={`/${kind}/${r.slug}`} className="text-accent underline">
      {r.name}
    </Link>
  );
  return (
    <DiscrepancySection id="d-sides-disagree" title={t("dSidesDisagree")} total={t("dTotal", { count: report.total })}>
      {report.rows.map((r) => (
        <li key={`${r.organization.slug}/${r.institution.slug}`}>
          {link("institutions", r.institution)} · {link("organizations", r.organization)}:{" "}
          {describeDifferences(r.differences, root as unknown as SidesTranslate, locale)}
          <span className="mt-1 block text-xs text-muted">{sides("dOrganizationSource")}:</span>
          <SourceNote source={r.organizationSource} locale={locale} compact />
          <span className="mt-1 block text-xs text-muted">{sides("dInstitutionSource")}:</span>
          <SourceNote source={r.institutionSource} locale={locale} compact />
          <EntryActions
            locale={locale}
            entry={r.entry}
            edit={[
              { kind: "institution", ...r.institution },
              { kind: "organization", ...r.organization },
            ]}
          />
        </li>
      ))}
    </DiscrepancySection>
  );
}
