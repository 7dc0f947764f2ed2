import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listInstitutionParticipations, PARTICIPATIONS_PER_PAGE } from "@/lib/data/institutions/participations";
import { PARTICIPATIONS_ON_PROFILE } from "@/lib/data/institutions/profile";
import { readCursorParam } from "@/lib/validation/members";
import { isSlug } from "@/lib/shared/slug";
import { ParticipationTable } from "@/components/institutions/participation-table";
import { KeysetListPage } from "@/components/ui/keyset-list-page";
import { isLocale } from "@/i18n/routing";

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<{ after?: string | string[] }>;
};

async function load({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  if (!isSlug(slug)) notFound();
  const { after, error } = readCursorParam((await searchParams).after);
  const page = await listInstitutionParticipations(slug, locale, after);
  if (!page) notFound();
  return { locale, page, after, error };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, page, after } = await load(props);
  const t = await getTranslations({ locale, namespace: "institution" });
  const i = page.institution;
  // Only the first page of a list longer than the profile's is for search engines: a shorter one is the profile's
  // own table again, and later pages are for browsing.
  const indexed = !after && i.membershipCount > PARTICIPATIONS_ON_PROFILE;
  return {
    title: t("participationOf", { name: i.name }),
    alternates: {
      canonical: indexed ? `/${locale}/institutions/${i.slug}/memberships` : `/${locale}/institutions/${i.slug}`,
    },
    robots: indexed ? undefined : { index: false, follow: true },
  };
}

/** All of an institution's participations, a page at a time (keyset), for lists too long for its profile. */
export default async function InstitutionMembershipsPage(props: Props) {
  const { locale, page, after, error } = await load(props);
  setRequestLocale(locale);
  const [t, o, nav] = await Promise.all([
    getTranslations({ locale, namespace: "institution" }),
    getTranslations({ locale, namespace: "organization" }),
    getTranslations({ locale, namespace: "nav" }),
  ]);
  const i = page.institution;
  const title = t("participationOf", { name: i.name });
  return (
    <KeysetListPage
      locale={locale}
      crumbs={[
        { href: "/institutions", label: nav("institutions") },
        { href: `/institutions/${i.slug}`, label: i.name },
        { label: t("participation") },
      ]}
      title={title}
      lead={t("participationCount", { count: i.membershipCount })}
      problem={error ? t("badCursor", { reason: error }) : null}
      pager={{
        base: `/institutions/${i.slug}/memberships`,
        label: t("participation"),
        onFirstPage: !after,
        next: page.next,
        firstLabel: o("firstPage"),
        nextLabel: t("nextParticipations", { count: PARTICIPATIONS_PER_PAGE }),
      }}
    >
      <ParticipationTable rows={page.participations} locale={locale} caption={title} />
    </KeysetListPage>
  );
}
