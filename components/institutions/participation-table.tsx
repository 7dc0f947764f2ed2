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
import { Markdown } from "@/components/ui/markdown";
import { AsWritten } from "@/components/ui/as-written";
import { ReadMore } from "@/components/ui/read-more";
import { ParticipationCards } from "./participation-cards";

/** The table a university used to keep on its own page: organization, founded by, introduction, entrance. */
export async function ParticipationTable({
  rows,
  locale,
  caption,
}: {
  rows: Participation[];
  locale: Locale;
  caption: string;
}) {
  const t = await getTranslations({ locale, namespace: "institution" });
  const o = await getTranslations({ locale, namespace: "organization" });
  const roles = await getTranslations({ locale, namespace: "roles" });
  const kinds = await getTranslations({ locale, namespace: "kinds" });
  const statuses = await getTranslations({ locale, namespace: "statuses" });
  const founderRoles = await getTranslations({ locale, namespace: "founderRoles" });
  if (!rows.length) return <p className="text-muted">{t("noParticipation")}</p>;
  // A university's page usually rests on one or two sources: each row links to its number in the list under the
  // table rather than printing the same source line under every row.
  const citations = numberCitations(rows.map((r) => [r.source]));
  const founders = (f: Participation["foundedBy"][number]) =>
    joinRoleLabels(
      f.roles.map((role) => founderRoles(role)),
      locale,
    );
  // From md up; below it the rows are cards (participation-cards.tsx), hidden here with display: none.
  const table = (
    <div className="hidden overflow-x-auto rounded-md border border-line bg-white md:block">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <TableHead
          columns={[
            { label: t("organization"), className: "w-1/4" },
            { label: t("foundedBy"), className: "w-1/5" },
            t("introduction"),
            { label: t("entrance"), className: "w-1/6" },
          ]}
        />
        <tbody className="divide-y divide-line">
          {rows.map((r, i) => (
            <tr key={r.organization.slug} className="align-top">
              <th scope="row" className="px-3 py-3 font-medium">
                <Link
                  href={`/organizations/${r.organization.slug}`}
                  className="text-accent underline underline-offset-2"
                >
                  <AsWritten text={r.organization.name} locale={locale} />
                  {r.organization.acronym ? ` (${r.organization.acronym})` : ""}
                </Link>
                {r.organization.originalName ? (
                  <span className="block text-xs font-normal text-muted" lang="en">
                    {r.organization.originalName}
                  </span>
                ) : null}
                <span className="mt-1 block font-normal">
                  <Badge>{kinds(r.organization.kind)}</Badge>
                </span>
              </th>
              <td className="px-3 py-3">
                {r.foundedBy.length ? (
                  <ul className="space-y-1">
                    {r.foundedBy.map((f) => (
                      <li key={f.slug}>
                        <Link href={`/institutions/${f.slug}`} className="underline hover:text-accent">
                          <AsWritten text={f.name} locale={locale} />
                        </Link>{" "}
                        <span className="text-xs text-muted">({founders(f)})</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-muted">{o("unknown")}</span>
                )}
              </td>
              <td className="px-3 py-3 text-slate-700">
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
              <td className="px-3 py-3">
                <p className="whitespace-nowrap">
                  <JoinedPeriods
                    joined={r.joined}
                    ended={r.ended}
                    formerPeriods={r.formerPeriods}
                    locale={locale}
                    fallback={o("joinedUnknown")}
                  />
                </p>
                <p className="font-medium">{roles(r.role)}</p>
                {r.status !== "ACTIVE" ? <Badge tone="warm">{statuses(r.status)}</Badge> : null}
                <CitationMarks list="participation" numbers={citations.rows[i] ?? []} locale={locale} />
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
      <ParticipationCards rows={rows} citations={citations.rows} locale={locale} caption={caption} />
      <CitationList list="participation" entries={citations.entries} locale={locale} />
    </>
  );
}
