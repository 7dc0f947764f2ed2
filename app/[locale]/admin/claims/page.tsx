import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { listClaims } from "@/lib/data/accounts/claims";
import { ClaimList } from "@/components/account/claim-list";
import { ClaimOutcome } from "@/components/account/claim-outcome";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

/** Admins: every verified sign-up waiting for approval, universities' and secretariats', with its evidence. */
export default async function ClaimsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const [{ locale }, { done }] = await Promise.all([params, searchParams]);
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/admin/claims`);
  const [claims, t] = await Promise.all([listClaims(actor, locale), getTranslations({ locale, namespace: "signup" })]);
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-semibold">{t("claimsTitle")}</h1>
      <p className="mt-2 text-sm text-slate-700">{t("claimsLead")}</p>
      <p className="mt-1 text-sm text-slate-700">{t("claimsLeadSecretariats")}</p>
      <ClaimOutcome done={done} locale={locale} />
      <ClaimList claims={claims} locale={locale} label={t("claimsTitle")} />
    </div>
  );
}
