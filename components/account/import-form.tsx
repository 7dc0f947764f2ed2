"use client";
import type { Locale } from "@/i18n/routing";

import { useTranslations } from "next-intl";
import { previewImportAction } from "@/lib/actions/import";
import { ActionForm, FieldError } from "./action-form";
import { TextField } from "./text-field";

/** Paste a page; the server reads it into a draft to review. */
export function ImportForm({ locale }: { locale: Locale }) {
  const t = useTranslations("tools");
  return (
    <ActionForm action={previewImportAction} hidden={{}} submitLabel={t("importRead")} locale={locale}>
      <div>
        <label htmlFor="import-text" className="block text-sm font-medium">
          {t("importText")}
        </label>
        <textarea
          id="import-text"
          name="text"
          rows={14}
          maxLength={200_000}
          required
          aria-describedby="text-error"
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <FieldError name="text" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="sourceUrl" label={t("importSourceUrl")} type="url" maxLength={500} />
        <TextField name="sourceTitle" label={t("importSourceTitle")} maxLength={300} />
      </div>
    </ActionForm>
  );
}
