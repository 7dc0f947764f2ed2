import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { listReviewQueue } from "@/lib/data/change-requests/queries";
import { approveChangeRequestsAction } from "@/lib/actions/change-requests";
import { reviewFiltersSchema } from "@/lib/validation/review-filters";
import { MAX_BULK_APPROVALS } from "@/lib/validation/reviews";
import { ReviewFiltersForm } from "@/components/admin/review-filters-form";
import { ReviewQueueTable } from "@/components/admin/review-queue-table";
import { BulkApproveForm } from "@/components/admin/bulk-approve-form";
import { notFound } from "next/navigation";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

const BULK_FORM = "bulk-approve";

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
  // Only pending requests can be approved: the checkboxes appear on the pending queue alone.
  const selectable = (filters.status ?? "PENDING") === "PENDING" && rows.length > 0;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("reviewQueue")}</h1>
      <ReviewFiltersForm filters={filters} locale={locale} />
      {selectable ? (
        <BulkApproveForm
          formId={BULK_FORM}
          approveAction={approveChangeRequestsAction}
          max={MAX_BULK_APPROVALS}
          locale={locale}
        />
      ) : null}
      <ReviewQueueTable rows={rows} locale={locale} now={Date.now()} selectFor={selectable ? BULK_FORM : undefined} />
    </div>
  );
}
