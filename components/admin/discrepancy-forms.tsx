"use client";

import type { Locale } from "@/i18n/routing";
import { useTranslations } from "next-intl";
import { dismissDiscrepancyAction, restoreDiscrepancyAction } from "@/lib/actions/discrepancies";
import type { DiscrepancyEntry } from "@/lib/shared/types/discrepancies";
import { ActionForm, FieldError, useFormState } from "@/components/account/action-form";

/** A page-unique id for an entry's controls (the report shows many entries, each with its own form). */
const entryId = (entry: DiscrepancyEntry) => `dismiss-${entry.kind}-${entry.subject.replace(/[^\w-]/g, "-")}`;

/** Set one entry aside with a reason; folded until asked for, and works without JavaScript. */
export function DismissDiscrepancyForm({ locale, entry }: { locale: Locale; entry: DiscrepancyEntry }) {
  const t = useTranslations("tools");
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-sm text-accent underline">{t("dDismiss")}</summary>
      <div className="mt-2 max-w-xl">
        <ActionForm
          action={dismissDiscrepancyAction}
          hidden={{ check: entry.kind, subject: entry.subject, facts: entry.facts }}
          submitLabel={t("dDismissSubmit")}
          tone="plain"
          locale={locale}
        >
          <ReasonField id={`${entryId(entry)}-reason`} label={t("dReason")} />
        </ActionForm>
      </div>
    </details>
  );
}

function ReasonField({ id, label }: { id: string; label: string }) {
  const invalid = Boolean(useFormState().fieldErrors.reason);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name="reason"
        rows={2}
        maxLength={1000}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
      />
      <FieldError name="reason" id={`${id}-error`} />
    </div>
  );
}

/** Bring a dismissed entry back into the report. */
export function RestoreDiscrepancyForm({ locale, dismissalId }: { locale: Locale; dismissalId: string }) {
  const t = useTranslations("tools");
  return (
    <ActionForm
      action={restoreDiscrepancyAction}
      hidden={{ dismissalId }}
      submitLabel={t("dRestore")}
      tone="plain"
      locale={locale}
    />
  );
}
