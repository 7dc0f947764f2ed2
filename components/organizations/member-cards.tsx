import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { JoinedPeriods } from "@/components/memberships/joined-periods";
import { Link } from "@/components/ui/link";
import type { MemberRow } from "@/lib/shared/types/organizations";
import { countryName } from "@/lib/shared/countries";
import { CitationMarks } from "@/components/ui/citations";
import { AsWritten } from "@/components/ui/as-written";
import { Badge } from "@/components/ui/badge";
import { ConfirmationNote } from "@/components/ui/confirmation-note";

/**
 * The member table's rows as cards below md, where its five columns overflow a phone. Hidden (display:
 * none) from md up, where the table takes over, so assistive technology never meets both.
 */
export async function MemberCards({
  members,
  citations,
  locale,
  caption,
}: {
  members: MemberRow[];
  /** Each row's numbers in the table's list of sources (lib/shared/citations.ts). */
  citations: number[][];
  locale: Locale;
  caption: string;
}) {
  const t = await getTranslations({ locale, namespace: "organization" });
  const p = await getTranslations({ locale, namespace: "phones" });
  const roles = await getTranslations({ locale, namespace: "roles" });
  const statuses = await getTranslations({ locale, namespace: "statuses" });
  return (
    <ul aria-label={caption} className="space-y-3 md:hidden" data-testid="member-cards">
      {members.map((m, i) => (
        <li key={m.institution.slug} className="min-w-0 rounded-md border border-line bg-white p-3 text-sm">
          <p className="font-medium">
            <Link href={`/institutions/${m.institution.slug}`} className="text-accent underline underline-offset-2">
              <AsWritten text={m.institution.name} locale={locale} />
            </Link>
          </p>
          <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
            <dt className="text-muted">{t("table.country")}</dt>
            <dd>{countryName(m.institution.country, locale)}</dd>
            <dt className="text-muted">{t("table.role")}</dt>
            <dd>{roles(m.role)}</dd>
            <dt className="text-muted">{t("table.joined")}</dt>
            <dd data-testid="joined">
              <JoinedPeriods
                joined={m.joined}
                ended={m.ended}
                formerPeriods={m.formerPeriods}
                locale={locale}
                fallback={t("joinedUnknown")}
              />
            </dd>
            {m.status !== "ACTIVE" ? (
              <>
                <dt className="text-muted">{p("status")}</dt>
                <dd>
                  <Badge tone="warm">{statuses(m.status)}</Badge>
                </dd>
              </>
            ) : null}
          </dl>
          <div className="mt-1 break-words">
            <CitationMarks list="members" numbers={citations[i] ?? []} locale={locale} />
            <ConfirmationNote confirmation={m.confirmation} locale={locale} />
          </div>
        </li>
      ))}
    </ul>
  );
}
