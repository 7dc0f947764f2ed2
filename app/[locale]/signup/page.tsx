import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { requestSignupAction } from "@/lib/actions/signup";
import { ActionForm } from "@/components/account/action-form";
import { TextField } from "@/components/account/text-field";
import { Link } from "@/components/ui/link";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

/** Staff of a university sign up with their work address (lib/data/accounts/signup.ts). */
export default async function SignupPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  if (await getCurrentUser()) redirect(`/${locale}/account`);
  const t = await getTranslations({ locale, namespace: "signup" });
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("lead")}</p>
      <ActionForm action={requestSignupAction} hidden={{}} submitLabel={t("submit")} locale={locale}>
        <TextField name="name" label={t("name")} autoComplete="name" maxLength={200} />
        <TextField name="email" label={t("email")} type="email" autoComplete="email" />
      </ActionForm>
      <p className="mt-4 text-sm">
        <Link href="/login" className="text-accent underline">
          {t("haveAccount")}
        </Link>
      </p>
    </div>
  );
}
