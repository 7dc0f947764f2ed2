import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { getInstitutionBySlug } from "@/lib/data/institutions/profile";
import { isSlug } from "@/lib/shared/slug";
import { CorrectionPage } from "@/components/corrections/correction-page";
import { isLocale } from "@/i18n/routing";

// A form with a per-request answer: rendered for each request, never from the page cache, and not for search engines.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false } };

export default async function SuggestInstitutionCorrectionPage({
  params,
}: {
  params: Promise<{ locale: string; slug: string }>;
}) {
  const { locale, slug } = await params;
  if (!isLocale(locale) || !isSlug(slug)) notFound();
  setRequestLocale(locale);
  const record = await getInstitutionBySlug(slug, locale);
  if (!record) notFound();
  return (
    <CorrectionPage
      record={{ kind: "institution", slug: record.slug }}
      name={record.name}
      backHref={`/${locale}/institutions/${record.slug}`}
      locale={locale}
    />
  );
}
