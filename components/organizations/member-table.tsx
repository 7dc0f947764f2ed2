import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { membershipRowParts } from "@/components/memberships/membership-row-parts";
import { AsWritten } from "@/components/ui/as-written";
import type { MemberRow } from "@/lib/shared/types/organizations";
import { countryName } from "@/lib/shared/countries";
import { CitationList } from "@/components/ui/citations";
import { numberCitations } from "@/lib/shared/citations";
import { TableHead } from "@/components/ui/table-head";
import { CARD_TABLE, TABLE_ROLES } from "@/components/ui/card-table";
import { localizedHref } from "@/i18n/routing";
import { dateView, namedView, present } from "@/components/ui/view-facts";
import { MemberRows, type MemberRowLabels, type MemberRowView } from "./member-rows";
import { Markdown } from "@/components/ui/markdown";

/**
 * An organization's members. One markup for every screen: below md each row is laid out as a card (the institution,
 * then its country, role and joining time, each named), where the five columns would overflow a phone. It used to be
 * a second copy of the rows as a list, hidden from md up: on a big member list half the list's bytes, twice (the HTML
 * and its payload). The table's semantics are stated with roles, which a row laid out as a block would otherwise lose.
 * The rows are made here, in the page's language, and drawn by a client component (./member-rows.tsx), which the
 * payload carries as their facts rather than as their markup.
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
  if (!members.length) return <p className="text-muted">{t("noMembers")}</p>;
  // One source usually backs many rows: each row links to its number in the list under the table.
  const citations = numberCitations(members.map((m) => [m.source]));
  const labels: MemberRowLabels = {
    href: `${localizedHref("/institutions", locale)}/`,
    country: t("table.country"),
    role: t("table.role"),
    joined: t("table.joined"),
    joinedUnknown: t("joinedUnknown"),
    source: source("label"),
  };
  const rows = members.map(
    (m, i): MemberRowView => ({
      slug: m.institution.slug,
      ...namedView(m.institution.name, locale),
      ...present("originalName", m.institution.originalName),
      country: countryName(m.institution.country, locale),
      role: roles(m.role),
      ...present("status", m.status !== "ACTIVE" && statuses(m.status)),
      ...present("joined", m.joined && dateView(m.joined, locale)),
      ...present("sources", citations.rows[i]?.length ? citations.rows[i] : null),
      ...present(
        "notes",
        m.notes ? (
          <div className="hidden md:block">
            <AsWritten text={m.notes} locale={locale} long block>
              <Markdown source={m.notes} className="mt-1 text-xs font-normal text-slate-700" />
            </AsWritten>
          </div>
        ) : null,
      ),
      ...membershipRowParts(m, locale, labels.joinedUnknown),
    }),
  );
  return (
    <div>
      <div className={CARD_TABLE.frame}>
        <table {...TABLE_ROLES.table} className={`${CARD_TABLE.table} md:min-w-[40rem]`}>
          <caption className="sr-only">{caption}</caption>
          <TableHead
            className={CARD_TABLE.head}
            columns={[t("table.institution"), labels.country, labels.role, labels.joined, t("table.source")]}
          />
          <MemberRows rows={rows} labels={labels} />
        </table>
      </div>
      <CitationList list="members" entries={citations.entries} locale={locale} />
    </div>
  );
}
