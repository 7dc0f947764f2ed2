"use client";
import type { Locale } from "@/i18n/routing";

import { useTranslations } from "next-intl";
import type { FormAction } from "@/lib/actions/state";
import type { InstitutionProfileValues } from "@/lib/validation/institutions";
import { ActionForm } from "./action-form";
import { TextField } from "./text-field";
import { NewSourceFields } from "./source-fields";

/** An institution's profile: used by staff to propose, and by admins to set directly. */
export function ProfileForm({
  action,
  locale,
  values,
  hidden,
  submitLabel,
  withReason,
  today,
}: {
  action: FormAction;
  locale: Locale;
  values: InstitutionProfileValues;
  hidden: Record<string, string>;
  submitLabel: string;
  withReason: boolean;
  /** The "read on" field's default (the server's today). */
  today: string;
}) {
  const t = useTranslations("account");
  return (
    <ActionForm action={action} hidden={hidden} submitLabel={submitLabel} locale={locale}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="values.nameEn" label={t("nameEn")} defaultValue={values.nameEn} maxLength={300} />
        <TextField name="values.nameZh" label={t("nameZh")} defaultValue={values.nameZh ?? ""} maxLength={300} />
        <TextField name="values.city" label={t("city")} defaultValue={values.city ?? ""} maxLength={120} />
        <TextField
          name="values.website"
          label={t("website")}
          type="url"
          defaultValue={values.website ?? ""}
          maxLength={500}
        />
        <TextField name="values.rorId" label={t("rorId")} defaultValue={values.rorId ?? ""} maxLength={60} />
        <TextField
          name="values.wikidataId"
          label={t("wikidataId")}
          defaultValue={values.wikidataId ?? ""}
          maxLength={80}
        />
        <NewSourceFields prefix="source." legend={t("profileSource")} hint={t("profileSourceHint")} today={today} />
        {withReason ? (
          <div className="sm:col-span-2">
            <TextField name="reason" label={t("reason")} maxLength={2000} />
          </div>
        ) : null}
      </div>
    </ActionForm>
  );
}
