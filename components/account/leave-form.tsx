"use client";

import type { Locale } from "@/i18n/routing";
import { useTranslations } from "next-intl";
import { leaveAndDeleteAccountAction } from "@/lib/actions/colleagues";
import { ActionForm } from "./action-form";
import { TextField } from "./text-field";

/**
 * Leaving the institution (or, for a secretariat's account, the organization's secretariat) and deleting one's
 * account, confirmed by typing one's own address.
 */
export function LeaveForm({ locale, secretariat = false }: { locale: Locale; secretariat?: boolean }) {
  const t = useTranslations("account");
  return (
    <section aria-labelledby="leave" className="mt-10 rounded-md border border-red-200 bg-white p-4">
      <h2 id="leave" className="text-lg font-semibold">
        {t("leaveTitle")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t(secretariat ? "leaveLeadSecretariat" : "leaveLead")}</p>
      <ActionForm
        action={leaveAndDeleteAccountAction}
        hidden={{}}
        submitLabel={t("leaveSubmit")}
        tone="danger"
        locale={locale}
      >
        <TextField name="confirmEmail" label={t("leaveConfirm")} type="email" />
      </ActionForm>
    </section>
  );
}
