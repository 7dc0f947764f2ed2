import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { getCorrectionByToken } from "@/lib/data/corrections/status";
import { CorrectionStatus } from "@/components/corrections/correction-status";
import { isLocale } from "@/i18n/routing";

// A private link, as a password link is: rendered for each request (never from the page cache), kept out of search
// engines, and its address not sent on as a referrer.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

/** A suggester's view of their correction. An unknown token is the site's plain 404, with no hint. */
export default async function CorrectionStatusPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const correction = await getCorrectionByToken(token, locale);
  if (!correction) notFound();
  return <CorrectionStatus correction={correction} locale={locale} />;
}
