"use client";

import type { Locale } from "@/i18n/routing";
import { HoneypotField } from "@/components/ui/honeypot-field";
import type { FormAction } from "@/lib/actions/state";
import { ActionForm, useFormState } from "@/components/account/action-form";
import { LabelledField, useFieldState } from "@/components/account/labelled-field";
import { CORRECTION_LIMITS } from "@/lib/validation/corrections";

export type CorrectionFormTexts = {
  what: string;
  whatHint: string;
  sourceUrl: string;
  sourceHint: string;
  email: string;
  emailHint: string;
  honeypot: string;
  submit: string;
  statusLink: string;
};

const INPUT = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";

/** The private status link this answer carries: shown once, as text to copy, never stored in the page. */
function StatusLink({ label }: { label: string }) {
  const { handOver } = useFormState();
  if (!handOver) return null;
  return (
    <div className="rounded-md border border-green-700 bg-green-50 p-3">
      <label htmlFor="correction-status-link" className="block text-sm font-medium">
        {label}
      </label>
      <input
        id="correction-status-link"
        readOnly
        value={handOver}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
      />
    </div>
  );
}

function Fields({ texts }: { texts: CorrectionFormTexts }) {
  const { described, invalid } = useFieldState();
  return (
    <>
      <StatusLink label={texts.statusLink} />
      <LabelledField name="what" label={texts.what} hint={texts.whatHint}>
        <textarea
          id="what"
          name="what"
          required
          minLength={CORRECTION_LIMITS.whatMin}
          maxLength={CORRECTION_LIMITS.what}
          rows={6}
          aria-invalid={invalid("what")}
          aria-describedby={described("what", true)}
          className={INPUT}
        />
      </LabelledField>
      <LabelledField name="sourceUrl" label={texts.sourceUrl} hint={texts.sourceHint}>
        <input
          id="sourceUrl"
          name="sourceUrl"
          type="url"
          required
          maxLength={CORRECTION_LIMITS.sourceUrl}
          aria-invalid={invalid("sourceUrl")}
          aria-describedby={described("sourceUrl", true)}
          className={INPUT}
        />
      </LabelledField>
      <LabelledField name="email" label={texts.email} hint={texts.emailHint}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          maxLength={CORRECTION_LIMITS.email}
          aria-invalid={invalid("email")}
          aria-describedby={described("email", true)}
          className={INPUT}
        />
      </LabelledField>
      {/* A filled one is answered as any other submission and nothing is kept (corrections/submit.ts). */}
      <HoneypotField id="website" label={texts.honeypot} />
    </>
  );
}

/** "Suggest a correction": works without JavaScript (a server action posted by the form itself). */
export function CorrectionForm({
  action,
  locale,
  record,
  texts,
}: {
  action: FormAction;
  locale: Locale;
  record: { kind: "organization" | "institution"; slug: string };
  texts: CorrectionFormTexts;
}) {
  const hidden: Record<string, string> = {
    [record.kind === "organization" ? "organizationSlug" : "institutionSlug"]: record.slug,
  };
  return (
    <ActionForm action={action} hidden={hidden} submitLabel={texts.submit} locale={locale}>
      <Fields texts={texts} />
    </ActionForm>
  );
}
