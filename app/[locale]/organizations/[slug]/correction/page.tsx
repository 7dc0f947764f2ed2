import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { getOrganizationBySlug } from "@/lib/data/organizations/profile";
import { isSlug } from "@/lib/shared/slug";
import { CorrectionPage } from "@/components/corrections/correction-page";
import { isLocale } from "@/i18n/routing";

// A form with a per-request answer: rendered for each request, never from the page cache, and not for search engines.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false } };

export default async function SuggestOrganizationCorrectionPage({
  params,
}: {
  params: Promise<{ locale: string; slug: string }>;
}) {
  const { locale, slug } = await params;
  if (!isLocale(locale) || !isSlug(slug)) notFound();
  setRequestLocale(locale);
  const record = await getOrganizationBySlug(slug, locale);
  if (!record) notFound();
  return (
    <CorrectionPage
      record={{ kind: "organization", slug: record.slug }}
      name={record.name}
      backHref={`/${locale}/organizations/${record.slug}`}
      locale={locale}
    />
  );
}
