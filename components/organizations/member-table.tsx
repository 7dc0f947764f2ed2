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
import { ConfirmationNote } from "@/components/ui/confirmation-note";
import { Markdown } from "@/components/ui/markdown";
import { MemberCards } from "./member-cards";

export async function MemberTable({
  members,
  locale,
  caption,
}: {
  members: MemberRow[];
  locale: Locale;
  caption: string;
}) {
  const t = await getTranslations({ locale, namespace: "organization" });
  const roles = await getTranslations({ locale, namespace: "roles" });
  const statuses = await getTranslations({ locale, namespace: "statuses" });
  if (!members.length) return <p className="text-muted">{t("noMembers")}</p>;
  // One source usually backs many rows: each row links to its number in the list under the table.
  const citations = numberCitations(members.map((m) => [m.source]));
  return (
    <div>
      {/* From md up; below it the rows are cards (member-cards.tsx), and the table is display: none. */}
      <div className="hidden overflow-x-auto rounded-md border border-line bg-white md:block">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <TableHead
            columns={[
              t("table.institution"),
              t("table.country"),
              t("table.role"),
              t("table.joined"),
              t("table.source"),
            ]}
          />
          <tbody className="divide-y divide-line">
            {members.map((m, i) => (
              <tr key={m.institution.slug} className="align-top">
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link
                    href={`/institutions/${m.institution.slug}`}
                    className="text-accent underline underline-offset-2"
                  >
                    <AsWritten text={m.institution.name} locale={locale} />
                  </Link>
                  {m.institution.originalName ? (
                    <span className="block text-xs font-normal text-muted">{m.institution.originalName}</span>
                  ) : null}
                  {m.notes ? (
                    <AsWritten text={m.notes} locale={locale} long block>
                      <Markdown source={m.notes} className="mt-1 text-xs font-normal text-slate-700" />
                    </AsWritten>
                  ) : null}
                </th>
                <td className="px-3 py-2">{countryName(m.institution.country, locale)}</td>
                <td className="px-3 py-2">
                  {roles(m.role)}
                  {m.status !== "ACTIVE" ? (
                    <span className="ml-1">
                      <Badge tone="warm">{statuses(m.status)}</Badge>
                    </span>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  <JoinedPeriods
                    joined={m.joined}
                    ended={m.ended}
                    formerPeriods={m.formerPeriods}
                    locale={locale}
                    fallback={t("joinedUnknown")}
                  />
                </td>
                <td className="px-3 py-2">
                  <CitationMarks list="members" numbers={citations.rows[i] ?? []} locale={locale} />
                  <ConfirmationNote confirmation={m.confirmation} locale={locale} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MemberCards members={members} citations={citations.rows} locale={locale} caption={caption} />
      <CitationList list="members" entries={citations.entries} locale={locale} />
    </div>
  );
}
