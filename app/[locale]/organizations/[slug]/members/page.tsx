import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listOrganizationMembers, MEMBERS_PER_PAGE } from "@/lib/data/organizations/members";
import { readCursorParam } from "@/lib/validation/members";
import { isSlug } from "@/lib/shared/slug";
import { MemberTable } from "@/components/organizations/member-table";
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
  const page = await listOrganizationMembers(slug, locale, after);
  if (!page) notFound();
  return { locale, page, after, error };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, page, after } = await load(props);
  const t = await getTranslations({ locale, namespace: "organization" });
  const path = `/organizations/${page.organization.slug}/members`;
  // Later pages are for browsing, not for search engines: only the first is indexed.
  return {
    title: t("membersOf", { name: page.organization.name }),
    alternates: { canonical: `/${locale}${path}` },
    robots: after ? { index: false } : undefined,
  };
}

/** All members of an organization, a page at a time (keyset), for lists too long for its profile. */
export default async function OrganizationMembersPage(props: Props) {
  const { locale, page, after, error } = await load(props);
  setRequestLocale(locale);
  const [t, nav] = await Promise.all([
    getTranslations({ locale, namespace: "organization" }),
    getTranslations({ locale, namespace: "nav" }),
  ]);
  const o = page.organization;
  const title = t("membersOf", { name: o.name });
  return (
    <KeysetListPage
      locale={locale}
      crumbs={[
        { href: "/organizations", label: nav("organizations") },
        { href: `/organizations/${o.slug}`, label: o.name },
        { label: t("members") },
      ]}
      title={title}
      lead={t("listedCount", { count: o.memberCount })}
      problem={error ? t("badCursor", { reason: error }) : null}
      pager={{
        base: `/organizations/${o.slug}/members`,
        label: t("members"),
        onFirstPage: !after,
        next: page.next,
        firstLabel: t("firstPage"),
        nextLabel: t("nextMembers", { count: MEMBERS_PER_PAGE }),
      }}
    >
      <MemberTable members={page.members} locale={locale} caption={title} />
    </KeysetListPage>
  );
}
