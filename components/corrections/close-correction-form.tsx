"use client";

import type { Locale } from "@/i18n/routing";
import type { FormAction } from "@/lib/actions/state";
import { ActionForm, FieldError, useFormState } from "@/components/account/action-form";
import { CORRECTION_LIMITS } from "@/lib/validation/corrections";

/** The reason's field, with ids of its own: the queue holds one such form per suggestion. */
function ReasonField({ id, label }: { id: string; label: string }) {
  const invalid = Boolean(useFormState().fieldErrors.reason);
  return (
    <div>
      <label htmlFor={`reason-${id}`} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={`reason-${id}`}
        name="reason"
        required
        maxLength={CORRECTION_LIMITS.reason}
        rows={2}
        aria-invalid={invalid}
        aria-describedby={invalid ? `reason-${id}-error` : undefined}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
      />
      <FieldError name="reason" id={`reason-${id}-error`} />
    </div>
  );
}

/** Close one suggestion with a reason (required): its suggester reads it on the status page and in a mail. */
export function CloseCorrectionForm({
  action,
  correctionId,
  locale,
  texts,
}: {
  action: FormAction;
  correctionId: string;
  locale: Locale;
  texts: { reason: string; close: string };
}) {
  return (
    <ActionForm action={action} hidden={{ correctionId }} submitLabel={texts.close} tone="plain" locale={locale}>
      <ReasonField id={correctionId} label={texts.reason} />
    </ActionForm>
  );
}
