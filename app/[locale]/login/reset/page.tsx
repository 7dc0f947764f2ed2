import type { Metadata } from "next";
import { isLocale } from "@/i18n/routing";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requestPasswordResetAction } from "@/lib/actions/accounts";
import { ActionForm } from "@/components/account/action-form";
import { TextField } from "@/components/account/text-field";

export const metadata: Metadata = { robots: { index: false } };

export default async function ResetRequestPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-semibold">{t("resetTitle")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("resetLead")}</p>
      <ActionForm action={requestPasswordResetAction} hidden={{}} submitLabel={t("sendLink")} locale={locale}>
        <TextField name="email" label={t("email")} type="email" autoComplete="username" />
      </ActionForm>
    </div>
  );
}
