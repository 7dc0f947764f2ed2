import { localizedHref, type Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { present } from "@/components/ui/view-facts";
import { countryName } from "@/lib/shared/countries";
import type { InstitutionSummary } from "@/lib/shared/types/institutions";
import { type InstitutionItemView, InstitutionListItems } from "./institution-list-items";

/**
 * One page of institutions: name, original name, kind, country and how many organizations they take part in; the
 * words made here, in the page's language, and drawn by a client component (./institution-list-items.tsx), which the
 * page's payload carries as each row's facts rather than as its markup.
 */
export async function InstitutionList({ items, locale }: { items: InstitutionSummary[]; locale: Locale }) {
  const [t, kinds] = await Promise.all([
    getTranslations({ locale, namespace: "institutions" }),
    getTranslations({ locale, namespace: "institutionKinds" }),
  ]);
  const rows = items.map(
    (i): InstitutionItemView => ({
      slug: i.slug,
      name: i.name,
      ...present("originalName", i.originalName),
      kind: kinds(i.kind),
      country: countryName(i.country, locale),
      memberships: t("memberships", { count: i.membershipCount }),
    }),
  );
  return (
    <ul className="mt-4 divide-y divide-line rounded-md border border-line bg-white">
      <InstitutionListItems items={rows} href={`${localizedHref("/institutions", locale)}/`} />
    </ul>
  );
}
