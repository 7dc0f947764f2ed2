"use client";

import type { Locale } from "@/i18n/routing";
import { HoneypotField } from "@/components/ui/honeypot-field";
import type { FormAction } from "@/lib/actions/state";
import { ActionForm } from "@/components/account/action-form";
import { LabelledField, useFieldState } from "@/components/account/labelled-field";
import { FieldError } from "@/components/account/action-form";
import { DIGEST_FREQUENCIES } from "@/lib/shared/digest-schedule";

export type WatchFormTexts = {
  email: string;
  emailHint: string;
  frequency: string;
  frequencies: Record<(typeof DIGEST_FREQUENCIES)[number], string>;
  honeypot: string;
  submit: string;
};

const INPUT = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";

function Fields({ texts }: { texts: WatchFormTexts }) {
  const { described, invalid } = useFieldState();
  return (
    <>
      <LabelledField name="email" label={texts.email} hint={texts.emailHint}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          maxLength={254}
          aria-invalid={invalid("email")}
          aria-describedby={described("email", true)}
          className={INPUT}
        />
      </LabelledField>
      <fieldset aria-describedby={described("frequency")}>
        <legend className="block text-sm font-medium">{texts.frequency}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {DIGEST_FREQUENCIES.map((f) => (
            <label key={f} className="flex items-center gap-2 text-sm">
              <input type="radio" name="frequency" value={f} defaultChecked={f === "DAILY"} />
              {texts.frequencies[f]}
            </label>
          ))}
        </div>
        <FieldError name="frequency" />
      </fieldset>
      {/* A filled one is answered as any other submission and nothing is kept (lib/data/watches/subscribe.ts). */}
      <HoneypotField id="watch-website" label={texts.honeypot} />
    </>
  );
}

/** "Watch by email" on a record's page: no account needed; works without JavaScript (the form posts itself). */
export function WatchForm({
  action,
  locale,
  record,
  texts,
}: {
  action: FormAction;
  locale: Locale;
  record: { kind: "organization" | "institution"; slug: string };
  texts: WatchFormTexts;
}) {
  const hidden = { [record.kind === "organization" ? "organizationSlug" : "institutionSlug"]: record.slug };
  return (
    <ActionForm action={action} hidden={hidden} submitLabel={texts.submit} locale={locale} tone="plain">
      <Fields texts={texts} />
    </ActionForm>
  );
}
