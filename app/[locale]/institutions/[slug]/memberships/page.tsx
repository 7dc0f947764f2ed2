import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { listInstitutionParticipations, PARTICIPATIONS_PER_PAGE } from "@/lib/data/institutions/participations";
import { PARTICIPATIONS_ON_PROFILE } from "@/lib/data/institutions/profile";
import { formatMemberCursor, memberCursorSchema } from "@/lib/validation/members";
import { isSlug } from "@/lib/shared/slug";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ParticipationTable } from "@/components/institutions/participation-table";
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
  const page = await listInstitutionParticipations(slug, locale, after);
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
  const base = `/institutions/${i.slug}/memberships`;
  const button = "rounded-md border border-line bg-white px-3 py-1.5 hover:border-accent hover:text-accent";
  return (
    <article>
      <Breadcrumbs
        locale={locale}
        items={[
          { href: "/institutions", label: nav("institutions") },
          { href: `/institutions/${i.slug}`, label: i.name },
          { label: t("participation") },
        ]}
      />
      <h1 className="text-3xl font-semibold tracking-tight">{t("participationOf", { name: i.name })}</h1>
      <p className="mt-1 text-muted">{t("participationCount", { count: i.membershipCount })}</p>
      {error ? (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("badCursor", { reason: error })}
        </p>
      ) : null}
      <div className="mt-6">
        <ParticipationTable
          rows={page.participations}
          locale={locale}
          caption={t("participationOf", { name: i.name })}
        />
      </div>
      <nav aria-label={t("participation")} className="mt-6 flex items-center justify-between gap-4 text-sm">
        {after ? (
          <Link href={base} className={button}>
            {o("firstPage")}
          </Link>
        ) : (
          <span />
        )}
        {page.next ? (
          <Link
            href={{ pathname: base, query: { after: formatMemberCursor(page.next) } }}
            rel="next"
            className={button}
          >
            {t("nextParticipations", { count: PARTICIPATIONS_PER_PAGE })}
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </article>
  );
}
