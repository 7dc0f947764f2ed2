"use client";
import type { Locale } from "@/i18n/routing";

import { useTranslations } from "next-intl";
import { confirmMembershipsAction } from "@/lib/actions/confirmations";
import { ActionForm } from "./action-form";

/** "Still accurate" for every ticked entry at once: the rows' checkboxes belong to it by form={formId}. */
export function ConfirmMany({ locale, formId }: { locale: Locale; formId: string }) {
  const t = useTranslations("account");
  return (
    <ActionForm
      id={formId}
      action={confirmMembershipsAction}
      hidden={{}}
      submitLabel={t("confirmTicked")}
      tone="plain"
      locale={locale}
    />
  );
}
