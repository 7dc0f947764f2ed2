"use client";

import type { Locale } from "@/i18n/routing";
import { useTranslations } from "next-intl";
import { adminCreateInstitutionAction } from "@/lib/actions/admin-records";
import { institutionKinds } from "@/lib/shared/vocabulary";
import { ActionForm, FieldError } from "@/components/account/action-form";
import { TextField } from "@/components/account/text-field";

export function AdminCreateInstitutionForm({ locale }: { locale: Locale }) {
  const t = useTranslations("account");
  const kindLabel = useTranslations(institutionKinds.namespace);
  const input = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";
  return (
    <ActionForm
      action={adminCreateInstitutionAction}
      hidden={{ "values.website": "", "values.rorId": "", "values.wikidataId": "" }}
      submitLabel={t("addInstitution")}
      locale={locale}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="values.nameEn" label={t("nameEn")} maxLength={300} />
        <TextField name="values.nameZh" label={t("nameZh")} maxLength={300} />
        <div>
          <label htmlFor="new-kind" className="block text-sm font-medium">
            {t("kind")}
          </label>
          <select id="new-kind" name="kind" defaultValue="UNIVERSITY" className={input}>
            {institutionKinds.values.map((k) => (
              <option key={k} value={k}>
                {kindLabel(institutionKinds.labels[k])}
              </option>
            ))}
          </select>
        </div>
        <TextField name="country" label={t("country")} maxLength={2} />
        <TextField name="values.city" label={t("city")} maxLength={120} />
        <FieldError name="_form" />
      </div>
    </ActionForm>
  );
}
