import type { Metadata } from "next";
import { isLocale } from "@/i18n/routing";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { confirmAddressAction } from "@/lib/actions/address-reverification";
import { ActionForm } from "@/components/account/action-form";
import { checkAddressLink } from "@/lib/data/accounts/address-reverification";

export const metadata: Metadata = { robots: { index: false }, referrer: "no-referrer" };

/**
 * Confirm a staff address from the link mailed to it, signed in or not. Opening the page changes nothing (mail
 * scanners open links too): the person presses the button, and the token is checked and used up then.
 */
export default async function ConfirmAddressPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, link] = await Promise.all([getTranslations({ locale, namespace: "account" }), checkAddressLink(token)]);
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="text-2xl font-semibold">{t("confirmAddressTitle")}</h1>
      {link === "valid" ? (
        <>
          <p className="mb-6 mt-2 text-sm text-slate-700">{t("confirmAddressLead")}</p>
          <ActionForm
            action={confirmAddressAction}
            hidden={{ token }}
            submitLabel={t("confirmAddressSubmit")}
            locale={locale}
          />
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t("confirmAddressSpent")}</p>
      )}
    </div>
  );
}
