import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { listOrganizationMembers, MEMBERS_PER_PAGE } from "@/lib/data/organizations/members";
import { formatMemberCursor, memberCursorSchema } from "@/lib/validation/members";
import { isSlug } from "@/lib/shared/slug";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { MemberTable } from "@/components/organizations/member-table";
import { isLocale } from "@/i18n/routing";

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<{ after?: string | string[] }>;
};

async function load({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  if (!isSlug(slug)) notFound();
  const raw = (await searchParams).after;
  const parsed = raw === undefined ? null : memberCursorSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const after = parsed?.success ? parsed.data : null;
  const page = await listOrganizationMembers(slug, locale, after);
  if (!page) notFound();
  return {
    locale,
    page,
    after,
    error: parsed && !parsed.success ? (parsed.error.issues[0]?.message ?? "invalid") : null,
  };
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
  const base = `/organizations/${o.slug}/members`;
  return (
    <article>
      <Breadcrumbs
        locale={locale}
        items={[
          { href: "/organizations", label: nav("organizations") },
          { href: `/organizations/${o.slug}`, label: o.name },
          { label: t("members") },
        ]}
      />
      <h1 className="text-3xl font-semibold tracking-tight">{t("membersOf", { name: o.name })}</h1>
      <p className="mt-1 text-muted">{t("listedCount", { count: o.memberCount })}</p>
      {error ? (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("badCursor", { reason: error })}
        </p>
      ) : null}
      <div className="mt-6">
        <MemberTable members={page.members} locale={locale} caption={t("membersOf", { name: o.name })} />
      </div>
      <nav aria-label={t("members")} className="mt-6 flex items-center justify-between gap-4 text-sm">
        {after ? (
          <Link
            href={base}
            className="rounded-md border border-line bg-white px-3 py-1.5 hover:border-accent hover:text-accent"
          >
            {t("firstPage")}
          </Link>
        ) : (
          <span />
        )}
        {page.next ? (
          <Link
            href={{ pathname: base, query: { after: formatMemberCursor(page.next) } }}
            rel="next"
            className="rounded-md border border-line bg-white px-3 py-1.5 hover:border-accent hover:text-accent"
          >
            {t("nextMembers", { count: MEMBERS_PER_PAGE })}
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </article>
  );
}
