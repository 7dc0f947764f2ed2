"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { OrganizationProfileValues } from "@/lib/validation/organizations";
import { organizationKinds } from "@/lib/shared/vocabulary";
import { FieldError } from "./action-form";
import { DateField } from "./date-input";
import { TextField } from "./text-field";

const input = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";

/** An organization's profile fields (`values.*`), shared by the staff proposal and the admins' forms. */
export function OrganizationProfileFields({
  values,
  afterNames,
}: {
  values?: OrganizationProfileValues;
  /** Shown right after the names and acronym (the proposal's duplicate warning). */
  afterNames?: ReactNode;
}) {
  const t = useTranslations("account");
  const kindLabel = useTranslations(organizationKinds.namespace);
  return (
    <>
      <TextField name="values.nameEn" label={t("nameEn")} defaultValue={values?.nameEn} maxLength={300} />
      <TextField name="values.nameZh" label={t("nameZh")} defaultValue={values?.nameZh ?? ""} maxLength={300} />
      <TextField name="values.acronym" label={t("acronym")} defaultValue={values?.acronym ?? ""} maxLength={30} />
      {afterNames}
      <div>
        <label htmlFor="values.kind" className="block text-sm font-medium">
          {t("kind")}
        </label>
        <select id="values.kind" name="values.kind" defaultValue={values?.kind ?? "ALLIANCE"} className={input}>
          {organizationKinds.values.map((k) => (
            <option key={k} value={k}>
              {kindLabel(organizationKinds.labels[k])}
            </option>
          ))}
        </select>
        <FieldError name="values.kind" />
      </div>
      <DateField name="values.founded" label={t("founded")} defaultValue={values?.founded} />
      <TextField
        name="values.website"
        label={t("website")}
        type="url"
        defaultValue={values?.website ?? ""}
        maxLength={500}
      />
      <div className="sm:col-span-2">
        <label htmlFor="values.introduction" className="block text-sm font-medium">
          {t("introduction")}
        </label>
        <textarea
          id="values.introduction"
          name="values.introduction"
          rows={values ? 6 : 4}
          maxLength={5000}
          defaultValue={values?.introduction ?? ""}
          className={input}
        />
        <FieldError name="values.introduction" />
      </div>
    </>
  );
}

/** The cited source's fields (`values.source*`). */
export function SourceFields() {
  const t = useTranslations("account");
  return (
    <>
      <TextField name="values.sourceUrl" label={t("sourceUrl")} type="url" maxLength={500} />
      <TextField name="values.sourceTitle" label={t("sourceTitle")} maxLength={300} />
      <div className="sm:col-span-2">
        <TextField name="values.sourceQuote" label={t("sourceQuote")} maxLength={2000} />
      </div>
    </>
  );
}
