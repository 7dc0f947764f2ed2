"use client";
import type { Locale } from "@/i18n/routing";

import { useTranslations } from "next-intl";
import { ActionForm, FieldError } from "@/components/account/action-form";
import type { FormAction } from "@/lib/actions/state";

/**
 * "Approve selected" for the queue's ticked requests: the rows' checkboxes belong to this form by
 * form={formId}, so it works without JavaScript. The answer lists what was approved and what was not, and why.
 */
export function BulkApproveForm({
  formId,
  approveAction,
  max,
  locale,
}: {
  formId: string;
  approveAction: FormAction;
  max: number;
  locale: Locale;
}) {
  const t = useTranslations("account");
  return (
    <section aria-labelledby="bulk-approve-title" className="rounded-md border border-line bg-white p-4">
      <h2 id="bulk-approve-title" className="text-base font-semibold">
        {t("approveSelected")}
      </h2>
      <p className="mb-2 text-sm text-muted">{t("bulkHint", { max })}</p>
      <ActionForm id={formId} action={approveAction} hidden={{}} submitLabel={t("approveSelected")} locale={locale}>
        <FieldError name="ids" />
        <div>
          <label htmlFor="bulk-comment" className="block text-sm font-medium">
            {t("bulkComment")}
          </label>
          <textarea
            id="bulk-comment"
            name="comment"
            rows={2}
            maxLength={2000}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
          />
          <FieldError name="comment" id="bulk-comment-error" />
        </div>
      </ActionForm>
    </section>
  );
}
