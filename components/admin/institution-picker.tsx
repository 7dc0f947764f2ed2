"use client";

import type { Locale } from "@/i18n/routing";
import { useTranslations } from "next-intl";
import { SuggestCombobox } from "@/components/ui/suggest-combobox";
import { FieldError, useFormState } from "@/components/account/action-form";

/**
 * A staff account's institution, picked with the type-ahead: the directory holds 10,000 universities, more than a
 * <select> can offer. The chosen record's slug goes as `institutionSlug`, the text as typed as `institution`
 * (resolved by name on the server without JavaScript).
 */
export function InstitutionPicker({
  id,
  locale,
  chosen,
  compact = false,
  name = "institution",
  recordName = "institutionSlug",
  label,
}: {
  id: string;
  locale: Locale;
  chosen?: { slug: string; name: string } | null;
  compact?: boolean;
  /** The text's and the slug's field names, for a form with several pickers (an organization's founders). */
  name?: string;
  recordName?: string;
  label?: string;
}) {
  const t = useTranslations("account");
  const invalid = Boolean(useFormState().fieldErrors[name]);
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className={compact ? "block" : "block text-sm font-medium"}>
        {label ?? t("institution")}
      </label>
      <SuggestCombobox
        id={id}
        name={name}
        recordName={recordName}
        mode="record"
        types={["institution"]}
        locale={locale}
        defaultText={chosen?.name}
        defaultRecord={chosen?.slug}
        className={
          compact
            ? "w-64 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            : "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
        }
        invalid={invalid}
        describedBy={errorId}
      />
      <FieldError name={name} id={errorId} />
    </div>
  );
}
