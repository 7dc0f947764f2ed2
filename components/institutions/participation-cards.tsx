import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { JoinedPeriods } from "@/components/memberships/joined-periods";
import { Link } from "@/components/ui/link";
import type { Participation } from "@/lib/shared/types/institutions";
import { ConfirmationNote } from "@/components/ui/confirmation-note";
import { CitationMarks } from "@/components/ui/citations";
import { AsWritten } from "@/components/ui/as-written";
import { Badge } from "@/components/ui/badge";

/**
 * The participation table's rows as cards for narrow screens, where the table's four columns would need
 * 768 px and push the entrance time (the page's key fact) off-screen. Hidden (display: none) from md up,
 * where the table takes over, so screen readers meet one of the two, never both.
 */
export async function ParticipationCards({
  rows,
  citations,
  locale,
  caption,
}: {
  rows: Participation[];
  /** Each row's numbers in the list of sources under the table (lib/shared/citations.ts). */
  citations: number[][];
  locale: Locale;
  caption: string;
}) {
  const t = await getTranslations({ locale, namespace: "institution" });
  const o = await getTranslations({ locale, namespace: "organization" });
  const p = await getTranslations({ locale, namespace: "phones" });
  const roles = await getTranslations({ locale, namespace: "roles" });
  const statuses = await getTranslations({ locale, namespace: "statuses" });
  return (
    <ul aria-label={caption} className="space-y-3 md:hidden" data-testid="participation-cards">
      {rows.map((r, i) => (
        <li key={r.organization.slug} className="min-w-0 rounded-md border border-line bg-white p-3 text-sm">
          <p className="font-medium">
            <Link href={`/organizations/${r.organization.slug}`} className="text-accent underline underline-offset-2">
              <AsWritten text={r.organization.name} locale={locale} />
              {r.organization.acronym ? ` (${r.organization.acronym})` : ""}
            </Link>
          </p>
          <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
            <dt className="text-muted">{t("entrance")}</dt>
            <dd data-testid="entrance">
              <JoinedPeriods
                joined={r.joined}
                ended={r.ended}
                formerPeriods={r.formerPeriods}
                locale={locale}
                fallback={o("joinedUnknown")}
              />
            </dd>
            <dt className="text-muted">{o("table.role")}</dt>
            <dd className="font-medium">{roles(r.role)}</dd>
            {r.status !== "ACTIVE" ? (
              <>
                <dt className="text-muted">{p("status")}</dt>
                <dd>
                  <Badge tone="warm">{statuses(r.status)}</Badge>
                </dd>
              </>
            ) : null}
          </dl>
          <div className="mt-1 break-words">
            <CitationMarks list="participation" numbers={citations[i] ?? []} locale={locale} />
            <ConfirmationNote confirmation={r.confirmation} locale={locale} />
          </div>
        </li>
      ))}
    </ul>
  );
}
