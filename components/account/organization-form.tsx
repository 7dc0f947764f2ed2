"use client";
import type { Locale } from "@/i18n/routing";

import { useTranslations } from "next-intl";
import { proposeOrganizationCreateAction } from "@/lib/actions/change-requests";
import { membershipRoles } from "@/lib/shared/vocabulary";
import { ActionForm } from "./action-form";
import { DuplicateWarning } from "./duplicate-warning";
import { DateField } from "./date-input";
import { TextField } from "./text-field";
import { OrganizationProfileFields, SourceFields } from "./organization-profile-fields";

/** Propose an organization the registry lacks, with the institution's own membership in it. */
export function OrganizationForm({ locale }: { locale: Locale }) {
  const t = useTranslations("account");
  const roleLabel = useTranslations(membershipRoles.namespace);
  return (
    <ActionForm action={proposeOrganizationCreateAction} hidden={{}} submitLabel={t("submitForReview")} locale={locale}>
      <div className="grid gap-4 sm:grid-cols-2">
        <OrganizationProfileFields afterNames={<DuplicateWarning locale={locale} />} />
        <div>
          <label htmlFor="values.role" className="block text-sm font-medium">
            {t("role")}
          </label>
          <select
            id="values.role"
            name="values.role"
            defaultValue="MEMBER"
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
          >
            {membershipRoles.values.map((r) => (
              <option key={r} value={r}>
                {roleLabel(membershipRoles.labels[r])}
              </option>
            ))}
          </select>
        </div>
        <DateField name="values.joined" label={t("joined")} />
        <SourceFields />
        <div className="sm:col-span-2">
          <TextField name="reason" label={t("reason")} maxLength={2000} />
        </div>
      </div>
    </ActionForm>
  );
}
