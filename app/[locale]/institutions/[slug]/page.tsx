import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getInstitutionPage } from "@/lib/data/institutions/profile";
import { getPublicHistory } from "@/lib/data/history";
import { isSlug } from "@/lib/shared/slug";
import { recordAlternateTypes } from "@/lib/http/record-negotiation";
import { env } from "@/lib/env";
import { institutionJsonLd } from "@/lib/seo/json-ld";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Link } from "@/components/ui/link";
import { JsonLd } from "@/components/ui/json-ld";
import { HistoryList } from "@/components/ui/history-list";
import { DownloadLinks } from "@/components/ui/download-links";
import { ParticipationTable } from "@/components/institutions/participation-table";
import { InstitutionHeader } from "@/components/institutions/institution-header";
import { InstitutionNetwork } from "@/components/institutions/institution-network";
import { FoundedOrganizations } from "@/components/institutions/founded-organizations";
import { InstitutionPeople } from "@/components/institutions/institution-people";
import { InstitutionIdentifiers } from "@/components/institutions/institution-identifiers";
import { ClaimInvitation, StaffInvitation } from "@/components/institutions/claim-invitation";
import { SuggestCorrectionLink } from "@/components/corrections/suggest-correction-link";
import { WatchBox } from "@/components/watches/watch-box";
import { isLocale } from "@/i18n/routing";

type Props = { params: Promise<{ locale: string; slug: string }> };

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

async function load({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  if (!isSlug(slug)) notFound();
  const institution = await getInstitutionPage(slug, locale);
  if (!institution) notFound();
  return { locale, institution };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, institution: i } = await load(props);
  const [t, feeds] = await Promise.all([
    getTranslations({ locale, namespace: "institution" }),
    getTranslations({ locale, namespace: "feeds" }),
  ]);
  return {
    title: `${i.name} · ${t("participation")}`,
    description: t("participationLead", { name: i.name }),
    // A directory entry with nothing listed yet is a thin page: kept out of search engines until it holds something.
    ...(i.listed ? {} : { robots: { index: false, follow: true } }),
    alternates: {
      canonical: `/${locale}/institutions/${i.slug}`,
      languages: { en: `/en/institutions/${i.slug}`, zh: `/zh/institutions/${i.slug}` },
      // The data this address also answers with when asked (proxy.ts negotiates; the 303 goes to these), and its feed.
      types: {
        ...recordAlternateTypes("institutions", i.slug, locale),
        "application/atom+xml": [
          { url: `/feeds/institutions/${i.slug}.atom`, title: feeds("recordChanges", { name: i.name }) },
        ],
      },
    },
  };
}

export default async function InstitutionPage(props: Props) {
  const { slug, locale: asked } = await props.params;
  // Read beside the record, not after it: it needs only its address (nothing is shown unless the record exists).
  // The network is not read here: the browser asks for it (components/institutions/institution-network.tsx).
  const valid = isSlug(slug) && isLocale(asked);
  const [{ locale, institution: i }, history] = await Promise.all([
    load(props),
    valid ? getPublicHistory({ institution: slug }, asked) : [],
  ]);
  setRequestLocale(locale);
  const [t, nav] = await Promise.all([
    getTranslations({ locale, namespace: "institution" }),
    getTranslations({ locale, namespace: "nav" }),
  ]);

  return (
    <article>
      {/* Its first participations, as the page shows; /api/v1/institutions/[slug]/jsonld has them all. */}
      <JsonLd data={institutionJsonLd(i, env().SITE_URL, locale)} />
      <Breadcrumbs locale={locale} items={[{ href: "/institutions", label: nav("institutions") }, { label: i.name }]} />
      <InstitutionHeader institution={i} locale={locale} />
      {i.listed ? null : <ClaimInvitation institution={i} locale={locale} />}

      {/* A directory entry with nothing listed says so in its invitation; an empty table would say it twice. */}
      {i.listed ? (
        <section aria-labelledby="participation" className="mt-8">
          <h2 id="participation" className="text-xl font-semibold">
            {t("participation")}
          </h2>
          <p className="mb-4 mt-1 text-slate-700">{t("participationLead", { name: i.name })}</p>
          <ParticipationTable rows={i.participations} locale={locale} caption={t("participation")} />
          {i.membershipCount > i.participations.length ? (
            <p className="mt-3 text-sm">
              <span className="text-muted">
                {t("participationShown", { shown: i.participations.length, count: i.membershipCount })}{" "}
              </span>
              <Link
                locale={locale}
                href={`/institutions/${i.slug}/memberships`}
                className="font-medium text-accent underline"
              >
                {t("allParticipations", { count: i.membershipCount })}
              </Link>
            </p>
          ) : null}
          <StaffInvitation institution={i} locale={locale} />
        </section>
      ) : null}

      <InstitutionNetwork slug={i.slug} locale={locale} />

      <div className="mt-10 grid gap-8 md:grid-cols-3">
        <FoundedOrganizations institution={i} locale={locale} />
        <InstitutionPeople institution={i} locale={locale} />
        <InstitutionIdentifiers institution={i} locale={locale} />
      </div>
      <HistoryList entries={history} locale={locale} show="organization" />
      <DownloadLinks scope="institutions" slug={i.slug} locale={locale} />
      <SuggestCorrectionLink record={{ kind: "institution", slug: i.slug }} locale={locale} />
      <WatchBox record={{ kind: "institution", slug: i.slug }} locale={locale} />
    </article>
  );
}
