"use client";
import type { Locale } from "@/i18n/routing";

import { useTranslations } from "next-intl";
import { confirmMembershipAction } from "@/lib/actions/confirmations";
import { ActionForm } from "./action-form";

/** "Still accurate": confirms one entry as it stands; ticked, "I read its source again today" moves its seen date. */
export function ConfirmButton({ locale, membershipId }: { locale: Locale; membershipId: string }) {
  const t = useTranslations("tools");
  const id = `reread-${membershipId}`;
  return (
    <ActionForm
      action={confirmMembershipAction}
      hidden={{ membershipId }}
      submitLabel={t("stillAccurate")}
      tone="plain"
      locale={locale}
    >
      <label htmlFor={id} className="flex items-center gap-2 text-xs">
        <input id={id} type="checkbox" name="sourceReadAgain" className="h-4 w-4" />
        {t("sourceReadAgain")}
      </label>
    </ActionForm>
  );
}
