import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { requestAddressConfirmationAction } from "@/lib/actions/address-reverification";
import { type AddressPrompt, addressDay } from "@/lib/shared/address-reverification";
import { ActionForm } from "./action-form";

/**
 * On every account page while a staff member's yearly address confirmation is due or overdue: what to confirm, by
 * when, and the button that mails the link. Overdue, it also says why their changes are refused.
 */
export async function AddressPromptBanner({ prompt, locale }: { prompt: AddressPrompt; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "account" });
  const values = { email: prompt.email, institution: prompt.institution, date: addressDay(prompt.dueAt, locale) };
  const overdue = prompt.standing === "overdue";
  return (
    <section
      aria-labelledby="address-prompt"
      className={`mb-6 rounded-md border p-4 ${overdue ? "border-red-300 bg-red-50" : "border-amber-300 bg-amber-50"}`}
    >
      <h2 id="address-prompt" className="text-lg font-semibold">
        {t("addressPromptTitle")}
      </h2>
      <p className="mt-1 text-sm">{t("addressPromptText", values)}</p>
      {overdue ? <p className="mt-1 text-sm font-medium">{t("addressOverdueText", values)}</p> : null}
      <div className="mt-3">
        <ActionForm
          action={requestAddressConfirmationAction}
          hidden={{}}
          submitLabel={t("addressPromptSend")}
          tone="plain"
          locale={locale}
        />
      </div>
    </section>
  );
}
