"use client";
import type { Locale } from "@/i18n/routing";

import { useTranslations } from "next-intl";
import { confirmMembershipAction } from "@/lib/actions/confirmations";
import { ActionForm } from "./action-form";

/** "Still accurate": confirms one entry as it stands. */
export function ConfirmButton({ locale, membershipId }: { locale: Locale; membershipId: string }) {
  const t = useTranslations("tools");
  return (
    <ActionForm
      action={confirmMembershipAction}
      hidden={{ membershipId }}
      submitLabel={t("stillAccurate")}
      tone="plain"
      locale={locale}
    />
  );
}
