import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { JoinedPeriods } from "@/components/memberships/joined-periods";
import { AsWritten } from "@/components/ui/as-written";
import { Link } from "@/components/ui/link";
import type { MemberRow } from "@/lib/shared/types/organizations";
import { countryName } from "@/lib/shared/countries";
import { CitationList, CitationMarks } from "@/components/ui/citations";
import { numberCitations } from "@/lib/shared/citations";
import { Badge } from "@/components/ui/badge";
import { TableHead } from "@/components/ui/table-head";
import { CARD_TABLE, TABLE_ROLES } from "@/components/ui/card-table";
import { ConfirmationNote } from "@/components/ui/confirmation-note";
import { Markdown } from "@/components/ui/markdown";

/**
 * An organization's members. One markup for every screen: below md each row is laid out as a card (the institution,
 * then its country, role and joining time, each named), where the five columns would overflow a phone. It used to be
 * a second copy of the rows as a list, hidden from md up: on a big member list half the list's bytes, twice (the HTML
 * and its payload). The table's semantics are stated with roles, which a row laid out as a block would otherwise lose.
 */
export async function MemberTable({
  members,
  locale,
  caption,
}: {
  members: MemberRow[];
  locale: Locale;
  caption: string;
}) {
  const [t, roles, statuses, source] = await Promise.all([
    getTranslations({ locale, namespace: "organization" }),
    getTranslations({ locale, namespace: "roles" }),
    getTranslations({ locale, namespace: "statuses" }),
    getTranslations({ locale, namespace: "source" }),
  ]);
  const sourceLabel = source("label");
  if (!members.length) return <p className="text-muted">{t("noMembers")}</p>;
  // One source usually backs many rows: each row links to its number in the list under the table.
  const citations = numberCitations(members.map((m) => [m.source]));
  return (
    <div>
      <div className={CARD_TABLE.frame}>
        <table {...TABLE_ROLES.table} className={`${CARD_TABLE.table} md:min-w-[40rem]`}>
          <caption className="sr-only">{caption}</caption>
          <TableHead
            className={CARD_TABLE.head}
            columns={[
              t("table.institution"),
              t("table.country"),
              t("table.role"),
              t("table.joined"),
              t("table.source"),
            ]}
          />
          <tbody className={CARD_TABLE.body}>
            {members.map((m, i) => (
              <tr key={m.institution.slug} {...TABLE_ROLES.row} className={CARD_TABLE.row}>
                <th scope="row" {...TABLE_ROLES.rowheader} className={CARD_TABLE.rowHeader}>
                  <Link locale={locale} href={`/institutions/${m.institution.slug}`} className={CARD_TABLE.link}>
                    <AsWritten text={m.institution.name} locale={locale} />
                  </Link>
                  {m.institution.originalName ? (
                    <span className="block text-xs font-normal text-muted">{m.institution.originalName}</span>
                  ) : null}
                  {m.notes ? (
                    <div className="hidden md:block">
                      <AsWritten text={m.notes} locale={locale} long block>
                        <Markdown source={m.notes} className="mt-1 text-xs font-normal text-slate-700" />
                      </AsWritten>
                    </div>
                  ) : null}
                </th>
                {/* Below md the row is a card: each value after its name, as the table's headings say from md up. */}
                <td {...TABLE_ROLES.cell} className={CARD_TABLE.cell}>
                  <PhoneLabel text={t("table.country")} />
                  {countryName(m.institution.country, locale)}
                </td>
                <td {...TABLE_ROLES.cell} className={CARD_TABLE.cell}>
                  <PhoneLabel text={t("table.role")} />
                  <span>
                    {roles(m.role)}
                    {m.status !== "ACTIVE" ? (
                      <span className="ml-1">
                        <Badge tone="warm">{statuses(m.status)}</Badge>
                      </span>
                    ) : null}
                  </span>
                </td>
                <td {...TABLE_ROLES.cell} className={`${CARD_TABLE.cell} md:whitespace-nowrap`}>
                  <PhoneLabel text={t("table.joined")} />
                  <span className="min-w-0">
                    <JoinedPeriods
                      joined={m.joined}
                      ended={m.ended}
                      formerPeriods={m.formerPeriods}
                      locale={locale}
                      fallback={t("joinedUnknown")}
                    />
                  </span>
                </td>
                <td {...TABLE_ROLES.cell} className="block break-words md:table-cell md:px-3 md:py-2">
                  <CitationMarks list="members" numbers={citations.rows[i] ?? []} label={sourceLabel} />
                  <ConfirmationNote confirmation={m.confirmation} locale={locale} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CitationList list="members" entries={citations.entries} locale={locale} />
    </div>
  );
}

/** A value's name in a row laid out as a card (below md); the column headings say it from md up. */
function PhoneLabel({ text }: { text: string }) {
  return <span className={CARD_TABLE.label}>{text}</span>;
}
