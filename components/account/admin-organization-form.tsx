"use client";

import { useTranslations } from "next-intl";
import { adminUpdateOrganizationAction } from "@/lib/actions/server";
import type { AdminOrganizationValues } from "@/lib/validation/membership";
import { ActionForm, FieldError } from "./action-form";
import { TextField } from "./text-field";

const KINDS = ["ALLIANCE", "NETWORK", "ASSOCIATION", "FEDERATION", "CONSORTIUM", "AGREEMENT", "PROGRAMME"] as const;

export function AdminOrganizationForm({ locale, slug, version, values }: { locale: string; slug: string; version: number; values: AdminOrganizationValues }) {
  const t = useTranslations("account");
  const kinds = useTranslations("kinds");
  const input = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";
  return (
    <ActionForm action={adminUpdateOrganizationAction} hidden={{ organizationSlug: slug, baseVersion: String(version) }} submitLabel={t("saveAndPublish")} locale={locale}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="values.nameEn" label={t("nameEn")} defaultValue={values.nameEn} maxLength={300} />
        <TextField name="values.nameZh" label={t("nameZh")} defaultValue={values.nameZh ?? ""} maxLength={300} />
        <TextField name="values.acronym" label={t("acronym")} defaultValue={values.acronym ?? ""} maxLength={30} />
        <div>
          <label htmlFor="values.kind" className="block text-sm font-medium">{t("kind")}</label>
          <select id="values.kind" name="values.kind" defaultValue={values.kind} className={input}>
            {KINDS.map((k) => <option key={k} value={k}>{kinds(k)}</option>)}
          </select>
          <FieldError name="values.kind" />
        </div>
        <TextField name="values.founded" label={t("founded")} defaultValue={values.founded?.iso ?? ""} maxLength={40} />
        <TextField name="values.website" label={t("website")} type="url" defaultValue={values.website ?? ""} maxLength={500} />
        <TextField name="values.wikidataId" label={t("wikidataId")} defaultValue={values.wikidataId ?? ""} maxLength={80} />
        <div className="sm:col-span-2">
          <label htmlFor="values.introduction" className="block text-sm font-medium">{t("introduction")}</label>
          <textarea id="values.introduction" name="values.introduction" rows={6} maxLength={5000} defaultValue={values.introduction ?? ""} className={input} />
          <FieldError name="values.introduction" />
        </div>
      </div>
    </ActionForm>
  );
}
