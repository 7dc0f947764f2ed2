"use client";
import type { Locale } from "@/i18n/routing";

import { useTranslations } from "next-intl";
import { previewMemberListAction } from "@/lib/actions/member-list";
import { MEMBER_LIST_MAX_CHARS } from "@/lib/shared/member-list";
import { membershipRoles } from "@/lib/shared/vocabulary";
import { ActionForm, FieldError } from "./action-form";
import { TextField } from "./text-field";

/** A secretariat pastes its member list or chooses a CSV file; the server reads and matches it into a draft. */
export function MemberListUploadForm({ locale }: { locale: Locale }) {
  const t = useTranslations("tools.memberList");
  const roles = useTranslations(membershipRoles.namespace);
  return (
    <ActionForm action={previewMemberListAction} hidden={{}} submitLabel={t("read")} locale={locale}>
      <div>
        <label htmlFor="member-list-text" className="block text-sm font-medium">
          {t("text")}
        </label>
        <textarea
          id="member-list-text"
          name="text"
          rows={14}
          maxLength={MEMBER_LIST_MAX_CHARS}
          aria-describedby="text-error"
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <FieldError name="text" />
      </div>
      <div>
        <label htmlFor="member-list-file" className="block text-sm font-medium">
          {t("file")}
        </label>
        <input id="member-list-file" name="file" type="file" accept=".csv,text/csv,text/plain" className="mt-1" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="sourceUrl" label={t("sourceUrl")} type="url" maxLength={500} />
        <TextField name="sourceTitle" label={t("sourceTitle")} maxLength={300} />
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">{t("defaults")}</legend>
        <div>
          <label htmlFor="defaultRole" className="block text-sm">
            {t("defaultRole")}
          </label>
          <select
            id="defaultRole"
            name="defaultRole"
            defaultValue="MEMBER"
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
          >
            {membershipRoles.values.map((role) => (
              <option key={role} value={role}>
                {roles(membershipRoles.labels[role])}
              </option>
            ))}
          </select>
          <FieldError name="defaultRole" />
        </div>
        <TextField name="defaultJoined" label={t("defaultJoined")} maxLength={40} />
      </fieldset>
    </ActionForm>
  );
}
