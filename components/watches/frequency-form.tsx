"use client";

import type { Locale } from "@/i18n/routing";
import type { FormAction } from "@/lib/actions/state";
import { ActionForm, FieldError } from "@/components/account/action-form";
import { DIGEST_FREQUENCIES, type DigestFrequency } from "@/lib/shared/digest-schedule";

/** The subscriber's page: daily or weekly. */
export function FrequencyForm({
  action,
  token,
  locale,
  current,
  texts,
}: {
  action: FormAction;
  token: string;
  locale: Locale;
  current: DigestFrequency;
  texts: { frequency: string; frequencies: Record<DigestFrequency, string>; save: string };
}) {
  return (
    <ActionForm action={action} hidden={{ token }} submitLabel={texts.save} locale={locale} tone="plain">
      <fieldset>
        <legend className="block text-sm font-medium">{texts.frequency}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {DIGEST_FREQUENCIES.map((f) => (
            <label key={f} className="flex items-center gap-2 text-sm">
              <input type="radio" name="frequency" value={f} defaultChecked={f === current} />
              {texts.frequencies[f]}
            </label>
          ))}
        </div>
        <FieldError name="frequency" />
      </fieldset>
    </ActionForm>
  );
}
