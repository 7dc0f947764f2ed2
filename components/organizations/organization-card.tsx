import { localizedHref, type Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import type { OrganizationSummary } from "@/lib/shared/types/organizations";
import { formatPartialDate } from "@/lib/shared/dates";
import { present } from "@/components/ui/view-facts";
import { OrganizationCardItems, type OrganizationCardView } from "./organization-card-items";

/**
 * A list of organizations as cards (the organizations' search and the registry-wide search): their words made here,
 * in the page's language, and drawn by a client component (./organization-card-items.tsx), which the page's payload
 * carries as each card's facts rather than as its markup.
 */
export async function OrganizationCards({
  organizations,
  locale,
  className,
}: {
  organizations: OrganizationSummary[];
  locale: Locale;
  className: string;
}) {
  const [t, kinds] = await Promise.all([
    getTranslations({ locale, namespace: "organizations" }),
    getTranslations({ locale, namespace: "kinds" }),
  ]);
  const cards = organizations.map(
    (o): OrganizationCardView => ({
      slug: o.slug,
      name: o.name,
      ...present("acronym", o.acronym),
      ...present("originalName", o.originalName),
      kind: kinds(o.kind),
      ...present("founded", o.founded && t("founded", { date: formatPartialDate(o.founded, locale) ?? "" })),
      members: t("membersListed", { count: o.memberCount }),
    }),
  );
  return (
    <ul className={className}>
      <OrganizationCardItems cards={cards} href={`${localizedHref("/organizations", locale)}/`} />
    </ul>
  );
}
