import type { Metadata } from "next";
import { redirect, notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { LoginForm } from "@/components/auth/login-form";
import { Link } from "@/components/ui/link";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

export default async function LoginPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string; done?: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  if (await getCurrentUser()) redirect(`/${locale}/account`);
  const { next, done } = await searchParams;
  const t = await getTranslations({ locale, namespace: "account" });
  const signup = await getTranslations({ locale, namespace: "signup" });
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-semibold">{t("loginTitle")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("loginLead")}</p>
      {done ? (
        <p role="status" className="mb-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {done === "left" ? t("accountDeleted") : t("passwordSet")}
        </p>
      ) : null}
      <LoginForm locale={locale} next={typeof next === "string" ? next : `/${locale}/account`} />
      <p className="mt-4 text-sm">
        <Link href="/login/reset" className="text-accent underline">
          {t("forgot")}
        </Link>
      </p>
      <p className="mt-2 text-sm">
        <Link href="/signup" className="text-accent underline">
          {signup("fromLogin")}
        </Link>
      </p>
    </div>
  );
}
