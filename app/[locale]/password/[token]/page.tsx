import type { Metadata } from "next";
import { isLocale } from "@/i18n/routing";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { setPasswordAction } from "@/lib/actions/accounts";
import { ActionForm } from "@/components/account/action-form";
import { TextField } from "@/components/account/text-field";
import { UnusableLink } from "@/components/auth/unusable-link";
import { checkLinkToken } from "@/lib/data/accounts/link-tokens";

export const metadata: Metadata = { robots: { index: false }, referrer: "no-referrer" };

/**
 * Set a password from an invitation or reset link. A link already used or expired says so at once; the token
 * is checked again (and used up) when the form is submitted.
 */
export default async function SetPasswordPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, link] = await Promise.all([getTranslations({ locale, namespace: "account" }), checkLinkToken(token)]);
  if (link.state !== "valid")
    return (
      <div className="mx-auto max-w-md py-8">
        <UnusableLink link={link} locale={locale} />
      </div>
    );
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-semibold">{t("setPasswordTitle")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("passwordPolicy")}</p>
      <ActionForm action={setPasswordAction} hidden={{ token }} submitLabel={t("setPassword")} locale={locale}>
        <TextField
          name="password"
          label={t("newPassword")}
          type="password"
          autoComplete="new-password"
          maxLength={128}
        />
        <TextField
          name="confirm"
          label={t("confirmPassword")}
          type="password"
          autoComplete="new-password"
          maxLength={128}
        />
      </ActionForm>
    </div>
  );
}
