import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { membershipRowParts } from "@/components/memberships/membership-row-parts";
import type { Participation } from "@/lib/shared/types/institutions";
import { localizedHref } from "@/i18n/routing";
import { dateView, namedView, present } from "@/components/ui/view-facts";
import { ParticipationRows, type ParticipationRowLabels, type ParticipationRowView } from "./participation-rows";
import { CitationList } from "@/components/ui/citations";
import { numberCitations } from "@/lib/shared/citations";
import { joinRoleLabels } from "@/lib/shared/founders";
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
 * row laid out as a block would otherwise lose in some browsers. The rows are made here, in the page's language, and
 * drawn by a client component (./participation-rows.tsx), which the payload carries as their facts rather than as
 * their markup.
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
  const [t, o, p, source] = await Promise.all([
    getTranslations({ locale, namespace: "institution" }),
    getTranslations({ locale, namespace: "organization" }),
    getTranslations({ locale, namespace: "phones" }),
    getTranslations({ locale, namespace: "source" }),
  ]);
  if (!rows.length) return <p className="text-muted">{t("noParticipation")}</p>;
  // A university's page usually rests on one or two sources: each row links to its number in the list under the
  // table rather than printing the same source line under every row.
  const citations = numberCitations(rows.map((r) => [r.source]));
  const labels: ParticipationRowLabels = {
    organizationHref: `${localizedHref("/organizations", locale)}/`,
    institutionHref: `${localizedHref("/institutions", locale)}/`,
    foundersUnknown: o("unknown"),
    notes: t("notes"),
    entrance: t("entrance"),
    status: p("status"),
    joinedUnknown: o("joinedUnknown"),
    source: source("label"),
  };
  const views = await rowViews(rows, citations.rows, locale, labels.joinedUnknown);
  return (
    <>
      <div className={CARD_TABLE.frame}>
        <table {...TABLE_ROLES.table} className={`${CARD_TABLE.table} md:min-w-[48rem]`}>
          <caption className="sr-only">{caption}</caption>
          <TableHead
            className={CARD_TABLE.head}
            columns={[
              { label: t("organization"), className: "w-1/4" },
              { label: t("foundedBy"), className: "w-1/5" },
              t("introduction"),
              { label: labels.entrance, className: "w-1/6" },
            ]}
          />
          <ParticipationRows rows={views} labels={labels} />
        </table>
      </div>
      <CitationList list="participation" entries={citations.entries} locale={locale} />
    </>
  );
}

/** Each participation as its row shows it, in the page's language (./participation-rows.tsx draws it). */
async function rowViews(
  rows: Participation[],
  sources: number[][],
  locale: Locale,
  joinedUnknown: string,
): Promise<ParticipationRowView[]> {
  const [roles, kinds, statuses, founderRoles] = await Promise.all([
    getTranslations({ locale, namespace: "roles" }),
    getTranslations({ locale, namespace: "kinds" }),
    getTranslations({ locale, namespace: "statuses" }),
    getTranslations({ locale, namespace: "founderRoles" }),
  ]);
  return rows.map(
    (r, i): ParticipationRowView => ({
      slug: r.organization.slug,
      ...namedView(r.organization.name, locale),
      ...present("acronym", r.organization.acronym),
      ...present("originalName", r.organization.originalName),
      kind: kinds(r.organization.kind),
      ...present(
        "founders",
        r.foundedBy.length > 0 &&
          r.foundedBy.map((f) => ({
            slug: f.slug,
            ...namedView(f.name, locale),
            roles: joinRoleLabels(
              f.roles.map((role) => founderRoles(role)),
              locale,
            ),
          })),
      ),
      role: roles(r.role),
      ...present("status", r.status !== "ACTIVE" && statuses(r.status)),
      ...present("joined", r.joined && dateView(r.joined, locale)),
      ...present("sources", sources[i]?.length ? sources[i] : null),
      ...present(
        "introduction",
        r.organization.introduction ? (
          <AsWritten text={r.organization.introduction} locale={locale} long block>
            <ReadMore source={r.organization.introduction} locale={locale} max={160} />
          </AsWritten>
        ) : null,
      ),
      ...present(
        "notes",
        r.notes ? (
          <AsWritten text={r.notes} locale={locale} long block>
            <Markdown source={r.notes} />
          </AsWritten>
        ) : null,
      ),
      ...membershipRowParts(r, locale, joinedUnknown),
    }),
  );
}
