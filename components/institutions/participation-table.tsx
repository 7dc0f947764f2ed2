import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { JoinedPeriods } from "@/components/memberships/joined-periods";
import { Link } from "@/components/ui/link";
import type { Participation } from "@/lib/shared/types/institutions";
import { ConfirmationNote } from "@/components/ui/confirmation-note";
import { CitationList, CitationMarks } from "@/components/ui/citations";
import { numberCitations } from "@/lib/shared/citations";
import { joinRoleLabels } from "@/lib/shared/founders";
import { Badge } from "@/components/ui/badge";
import { TableHead } from "@/components/ui/table-head";
import { CARD_TABLE, TABLE_ROLES } from "@/components/ui/card-table";
import { Markdown } from "@/components/ui/markdown";
import { AsWritten } from "@/components/ui/as-written";
import { ReadMore } from "@/components/ui/read-more";

/**
 * The table a university used to keep on its own page: organization, founded by, introduction, entrance. One markup
 * for every screen: below md each row is laid out as a card (the organization, then its entrance time and role, the
 * founders and the introduction left out), where the four columns would need 768 px and push the entrance time, the
 * page's key fact, off-screen. It used to be a second copy of the rows as a list, hidden from md up: a quarter of an
 * institution page's bytes, twice (the HTML and its payload). The table's semantics are stated with roles, which a
 * row laid out as a block would otherwise lose in some browsers.
 */
export async function ParticipationTable({
  rows,
  locale,
  caption,
}: {
  rows: Participation[];
  locale: Locale;
  caption: string;
}) {
  const [t, o, roles, kinds, statuses, p, source, founderRoles] = await Promise.all([
    getTranslations({ locale, namespace: "institution" }),
    getTranslations({ locale, namespace: "organization" }),
    getTranslations({ locale, namespace: "roles" }),
    getTranslations({ locale, namespace: "kinds" }),
    getTranslations({ locale, namespace: "statuses" }),
    getTranslations({ locale, namespace: "phones" }),
    getTranslations({ locale, namespace: "source" }),
    getTranslations({ locale, namespace: "founderRoles" }),
  ]);
  const sourceLabel = source("label");
  if (!rows.length) return <p className="text-muted">{t("noParticipation")}</p>;
  // A university's page usually rests on one or two sources: each row links to its number in the list under the
  // table rather than printing the same source line under every row.
  const citations = numberCitations(rows.map((r) => [r.source]));
  const founders = (f: Participation["foundedBy"][number]) =>
    joinRoleLabels(
      f.roles.map((role) => founderRoles(role)),
      locale,
    );
  const table = (
    <div className={CARD_TABLE.frame}>
      <table {...TABLE_ROLES.table} className={`${CARD_TABLE.table} md:min-w-[48rem]`}>
        <caption className="sr-only">{caption}</caption>
        <TableHead
          className={CARD_TABLE.head}
          columns={[
            { label: t("organization"), className: "w-1/4" },
            { label: t("foundedBy"), className: "w-1/5" },
            t("introduction"),
            { label: t("entrance"), className: "w-1/6" },
          ]}
        />
        <tbody className={CARD_TABLE.body}>
          {rows.map((r, i) => (
            <tr key={r.organization.slug} {...TABLE_ROLES.row} className={CARD_TABLE.row}>
              <th scope="row" {...TABLE_ROLES.rowheader} className={`${CARD_TABLE.rowHeader} md:py-3`}>
                <Link locale={locale} href={`/organizations/${r.organization.slug}`} className={CARD_TABLE.link}>
                  <AsWritten text={r.organization.name} locale={locale} />
                  {r.organization.acronym ? ` (${r.organization.acronym})` : ""}
                </Link>
                {r.organization.originalName ? (
                  <span className="block text-xs font-normal text-muted" lang="en">
                    {r.organization.originalName}
                  </span>
                ) : null}
                <span className="card-sub">
                  <Badge>{kinds(r.organization.kind)}</Badge>
                </span>
              </th>
              <td {...TABLE_ROLES.cell} className={CARD_TABLE.column}>
                {r.foundedBy.length ? (
                  <ul className="space-y-1">
                    {r.foundedBy.map((f) => (
                      <li key={f.slug}>
                        <Link locale={locale} href={`/institutions/${f.slug}`} className="quiet-link">
                          <AsWritten text={f.name} locale={locale} />
                        </Link>{" "}
                        <span className="text-xs text-muted">{`(${founders(f)})`}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-muted">{o("unknown")}</span>
                )}
              </td>
              <td {...TABLE_ROLES.cell} className={`${CARD_TABLE.column} text-slate-700`}>
                {r.organization.introduction ? (
                  <AsWritten text={r.organization.introduction} locale={locale} long block>
                    <ReadMore source={r.organization.introduction} locale={locale} max={160} />
                  </AsWritten>
                ) : (
                  <span className="text-muted">—</span>
                )}
                {r.notes ? (
                  <div className="mt-2 text-xs">
                    <p className="font-semibold">{t("notes")}:</p>
                    <AsWritten text={r.notes} locale={locale} long block>
                      <Markdown source={r.notes} />
                    </AsWritten>
                  </div>
                ) : null}
              </td>
              <td {...TABLE_ROLES.cell} className="card-key">
                {/* Below md the row is a card: its cells say what they are, as the table's headings do from md up. */}
                <span className="phone-label">{`${t("entrance")}: `}</span>
                <p className="card-when">
                  <JoinedPeriods
                    joined={r.joined}
                    ended={r.ended}
                    formerPeriods={r.formerPeriods}
                    locale={locale}
                    fallback={o("joinedUnknown")}
                  />
                </p>
                <p className="font-medium">{roles(r.role)}</p>
                {r.status !== "ACTIVE" ? (
                  <p>
                    <span className="phone-label">{`${p("status")}: `}</span>
                    <Badge tone="warm">{statuses(r.status)}</Badge>
                  </p>
                ) : null}
                <CitationMarks list="participation" numbers={citations.rows[i] ?? []} label={sourceLabel} />
                <ConfirmationNote confirmation={r.confirmation} locale={locale} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      {table}
      <CitationList list="participation" entries={citations.entries} locale={locale} />
    </>
  );
}
