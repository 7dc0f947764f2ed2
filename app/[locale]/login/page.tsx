import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { robots: { index: false } };

export default async function LoginPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  if (await getCurrentUser()) redirect(`/${locale}/account`);
  const { next } = await searchParams;
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-semibold">{t("loginTitle")}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("loginLead")}</p>
      <LoginForm locale={locale} next={typeof next === "string" ? next : `/${locale}/account`} />
    </div>
  );
}
