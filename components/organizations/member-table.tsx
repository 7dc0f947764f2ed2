import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import type { MemberRow } from "@/lib/shared/types/organizations";
import { countryName } from "@/lib/shared/countries";
import { PartialDateText } from "@/components/ui/partial-date";
import { SourceNote } from "@/components/ui/source-note";
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
  // From md up; below it the rows are cards (member-cards.tsx), hidden here with display: none.
  const table = (
    <div className="hidden overflow-x-auto rounded-md border border-line bg-white md:block">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <TableHead
          columns={[t("table.institution"), t("table.country"), t("table.role"), t("table.joined"), t("table.source")]}
        />
        <tbody className="divide-y divide-line">
          {members.map((m) => (
            <tr key={m.institution.slug} className="align-top">
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/institutions/${m.institution.slug}`} className="text-accent underline underline-offset-2">
                  {m.institution.name}
                </Link>
                {m.institution.originalName ? (
                  <span className="block text-xs font-normal text-muted">{m.institution.originalName}</span>
                ) : null}
                {m.notes ? <Markdown source={m.notes} className="mt-1 text-xs font-normal text-slate-700" /> : null}
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
                <PartialDateText date={m.joined} locale={locale} fallback={t("joinedUnknown")} />
              </td>
              <td className="px-3 py-2">
                <SourceNote source={m.source} locale={locale} compact />
                <ConfirmationNote confirmation={m.confirmation} locale={locale} />
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
      <MemberCards members={members} locale={locale} caption={caption} />
    </>
  );
}
