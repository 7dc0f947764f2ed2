import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { listReviewQueue } from "@/lib/data/change-requests/queries";
import { reviewFiltersSchema } from "@/lib/validation/review-filters";
import { ReviewFiltersForm } from "@/components/admin/review-filters-form";
import { ReviewQueueTable } from "@/components/admin/review-queue-table";
import { notFound } from "next/navigation";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

export default async function ReviewQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/admin/reviews`);
  const filters = reviewFiltersSchema.parse(await searchParams);
  const [rows, t] = await Promise.all([
    listReviewQueue(actor, filters, locale),
    getTranslations({ locale, namespace: "account" }),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("reviewQueue")}</h1>
      <ReviewFiltersForm filters={filters} locale={locale} />
      <ReviewQueueTable rows={rows} locale={locale} />
    </div>
  );
}
