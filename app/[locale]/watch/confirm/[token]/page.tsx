import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { confirmWatchAction } from "@/lib/actions/watches";
import { TokenButtonForm } from "@/components/watches/token-button-form";
import { FormTextsFor } from "@/components/account/form-texts-for";
import { isLocale } from "@/i18n/routing";

// A private link: rendered for each request, kept out of search engines, its address not sent on as a referrer.
// Confirming takes a press of the button, not the visit: mail scanners open links, and must not confirm.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function ConfirmWatchPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "watch" });
  return (
    <FormTextsFor locale={locale}>
      <article className="max-w-xl space-y-4">
        <h1 className="text-2xl font-semibold">{t("confirmTitle")}</h1>
        <p>{t("confirmLead")}</p>
        <TokenButtonForm action={confirmWatchAction} token={token} locale={locale} label={t("confirmButton")} />
      </article>
    </FormTextsFor>
  );
}
