"use client";

import { useTranslations } from "next-intl";
import { proposeOrganizationCreateAction } from "@/lib/actions/server";
import { ActionForm, FieldError } from "./action-form";
import { TextField } from "./text-field";

const KINDS = ["ALLIANCE", "NETWORK", "ASSOCIATION", "FEDERATION", "CONSORTIUM", "AGREEMENT", "PROGRAMME"] as const;
const ROLES = ["FOUNDING_MEMBER", "MEMBER", "CO_SPONSOR", "INITIATOR", "PRESIDENT", "SIGNATORY", "ORGANIZER", "PARTNER"] as const;

/** Propose an organization the registry lacks, with the institution's own membership in it. */
export function OrganizationForm({ locale }: { locale: string }) {
  const t = useTranslations("account");
  const roles = useTranslations("roles");
  const kinds = useTranslations("kinds");
  const select = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";
  return (
    <ActionForm action={proposeOrganizationCreateAction} hidden={{}} submitLabel={t("submitForReview")} locale={locale}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="values.nameEn" label={t("nameEn")} maxLength={300} />
        <TextField name="values.nameZh" label={t("nameZh")} maxLength={300} />
        <TextField name="values.acronym" label={t("acronym")} maxLength={30} />
        <div>
          <label htmlFor="values.kind" className="block text-sm font-medium">{t("kind")}</label>
          <select id="values.kind" name="values.kind" defaultValue="ALLIANCE" className={select}>
            {KINDS.map((k) => <option key={k} value={k}>{kinds(k)}</option>)}
          </select>
          <FieldError name="values.kind" />
        </div>
        <TextField name="values.founded" label={t("founded")} maxLength={40} />
        <TextField name="values.website" label={t("website")} type="url" maxLength={500} />
        <div className="sm:col-span-2">
          <label htmlFor="values.introduction" className="block text-sm font-medium">{t("introduction")}</label>
          <textarea id="values.introduction" name="values.introduction" rows={4} maxLength={5000} className={select} />
          <FieldError name="values.introduction" />
        </div>
        <div>
          <label htmlFor="values.role" className="block text-sm font-medium">{t("role")}</label>
          <select id="values.role" name="values.role" defaultValue="MEMBER" className={select}>
            {ROLES.map((r) => <option key={r} value={r}>{roles(r)}</option>)}
          </select>
        </div>
        <TextField name="values.joined" label={t("joined")} maxLength={40} />
        <TextField name="values.sourceUrl" label={t("sourceUrl")} type="url" maxLength={500} />
        <TextField name="values.sourceTitle" label={t("sourceTitle")} maxLength={300} />
        <div className="sm:col-span-2"><TextField name="values.sourceQuote" label={t("sourceQuote")} maxLength={2000} /></div>
        <div className="sm:col-span-2"><TextField name="reason" label={t("reason")} maxLength={2000} /></div>
      </div>
    </ActionForm>
  );
}
