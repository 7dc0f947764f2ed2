"use client";

import type { Locale } from "@/i18n/routing";
import { useTranslations } from "next-intl";
import { recordOrganizationConfirmationAction } from "@/lib/actions/confirmations";
import { ActionForm, FieldError } from "@/components/account/action-form";
import { TextField } from "@/components/account/text-field";

/** Admins: where the organization itself lists one of its members. */
export function OrganizationConfirmationForm({
  locale,
  members,
  selected,
}: {
  locale: Locale;
  members: { id: string; name: string }[];
  /** The membership chosen at first (the discrepancy report links here with one). */
  selected?: string;
}) {
  const t = useTranslations("account");
  const tools = useTranslations("tools");
  return (
    <ActionForm
      action={recordOrganizationConfirmationAction}
      hidden={{}}
      submitLabel={tools("recordConfirmation")}
      tone="plain"
      locale={locale}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="confirm-membership" className="block text-sm font-medium">
            {tools("members")}
          </label>
          <select
            id="confirm-membership"
            name="membershipId"
            defaultValue={members.some((m) => m.id === selected) ? selected : undefined}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
          >
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <FieldError name="membershipId" />
        </div>
        <TextField name="sourceUrl" label={t("sourceUrl")} type="url" maxLength={500} />
        <TextField name="sourceTitle" label={t("sourceTitle")} maxLength={300} />
        <TextField name="sourceQuote" label={t("sourceQuote")} maxLength={2000} />
      </div>
    </ActionForm>
  );
}
