import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getOrganizationBySlug } from "@/lib/data/organizations/profile";
import { getOrganizationCharts } from "@/lib/data/organizations/charts";
import { getPublicHistory } from "@/lib/data/history";
import { isSlug } from "@/lib/shared/slug";
import { recordAlternateTypes } from "@/lib/http/record-negotiation";
import { env } from "@/lib/env";
import { organizationJsonLd } from "@/lib/seo/json-ld";
import { formatPartialDate } from "@/lib/shared/dates";
import { cutAtWord } from "@/lib/shared/cut-text";
import { markdownToPlainText } from "@/lib/content/markdown";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { JsonLd } from "@/components/ui/json-ld";
import { HistoryList } from "@/components/ui/history-list";
import { DownloadLinks } from "@/components/ui/download-links";
import { OrganizationHeader } from "@/components/organizations/organization-header";
import { MemberCounts } from "@/components/organizations/member-counts";
import { OrganizationIntroduction } from "@/components/organizations/organization-introduction";
import { OrganizationCharts } from "@/components/organizations/organization-charts";
import { OrganizationMembers } from "@/components/organizations/organization-members";
import { OrganizationOverview } from "@/components/organizations/organization-overview";
import { FounderList } from "@/components/organizations/founder-list";
import { PeopleList } from "@/components/organizations/people-list";
import { OrganizationNames } from "@/components/organizations/organization-names";
import { SuggestCorrectionLink } from "@/components/corrections/suggest-correction-link";
import { WatchBox } from "@/components/watches/watch-box";
import { Link } from "@/components/ui/link";
import { isLocale } from "@/i18n/routing";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Rendered on first request, then served from cache until an approved change revalidates its tags.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

async function load({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  if (!isSlug(slug)) notFound();
  const organization = await getOrganizationBySlug(slug, locale);
  if (!organization) notFound();
  return { locale, organization };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, organization: o } = await load(props);
  const [kinds, feeds] = await Promise.all([
    getTranslations({ locale, namespace: "kinds" }),
    getTranslations({ locale, namespace: "feeds" }),
  ]);
  return {
    title: o.acronym ? `${o.name} (${o.acronym})` : o.name,
    description: o.introduction ? cutAtWord(markdownToPlainText(o.introduction), 200) : `${kinds(o.kind)} · ${o.name}`,
    alternates: {
      canonical: `/${locale}/organizations/${o.slug}`,
      languages: { en: `/en/organizations/${o.slug}`, zh: `/zh/organizations/${o.slug}` },
      // The data this address also answers with when asked (proxy.ts negotiates; the 303 goes to these), and its feed.
      types: {
        ...recordAlternateTypes("organizations", o.slug, locale),
        "application/atom+xml": [
          { url: `/feeds/organizations/${o.slug}.atom`, title: feeds("recordChanges", { name: o.name }) },
        ],
      },
    },
  };
}

export default async function OrganizationPage(props: Props) {
  const { slug, locale: asked } = await props.params;
  // Read beside the record, not after it: they need only its address (nothing is shown unless the record exists).
  const valid = isSlug(slug) && isLocale(asked);
  const [{ locale, organization: o }, history, charts] = await Promise.all([
    load(props),
    valid ? getPublicHistory({ organization: slug }, asked) : [],
    valid ? getOrganizationCharts(slug) : null,
  ]);
  setRequestLocale(locale);
  const [t, nav] = await Promise.all([
    getTranslations({ locale, namespace: "organization" }),
    getTranslations({ locale, namespace: "nav" }),
  ]);
  return (
    <article>
      <JsonLd data={organizationJsonLd(o, env().SITE_URL, locale)} />
      <Breadcrumbs
        locale={locale}
        items={[{ href: "/organizations", label: nav("organizations") }, { label: o.acronym ?? o.name }]}
      />
      <OrganizationHeader organization={o} locale={locale} />
      <div className="mt-6 grid grid-cols-1 gap-8 lg:grid-cols-3">
        <div className="min-w-0 space-y-8 lg:col-span-2">
          <MemberCounts organization={o} locale={locale} />
          <OrganizationIntroduction organization={o} locale={locale} />
          {charts ? <OrganizationCharts charts={charts} locale={locale} /> : null}
          <OrganizationMembers organization={o} locale={locale} />
          <HistoryList entries={history} locale={locale} show="institution" />
        </div>
        {/* Not an <aside>: inside <main> it would be a complementary landmark nested in another (axe's
            landmark-complementary-is-top-level). */}
        <div className="min-w-0 space-y-8">
          <OrganizationOverview organization={o} locale={locale} />
          <FounderList organization={o} locale={locale} />
          <PeopleList organization={o} locale={locale} />
          <OrganizationNames organization={o} locale={locale} />
          <p className="text-xs text-muted">
            {t("lastUpdated", {
              date: formatPartialDate({ iso: o.updatedAt.slice(0, 10), precision: "DAY" }, locale) ?? "",
            })}
          </p>
        </div>
      </div>
      <DownloadLinks scope="organizations" slug={o.slug} locale={locale} />
      <SuggestCorrectionLink record={{ kind: "organization", slug: o.slug }} locale={locale} />
      <WatchBox record={{ kind: "organization", slug: o.slug }} locale={locale} />
      {/* The organization's own side is kept by its secretariat: the way in (lib/data/secretariats/signup.ts). */}
      <p className="mt-2 text-sm text-muted">
        {t("secretariatSignup")}{" "}
        <Link locale={locale} href={`/signup/secretariat/${o.slug}`} className="text-accent underline">
          {t("secretariatSignupLink")}
        </Link>
      </p>
    </article>
  );
}
