import type { Metadata } from "next";
import { isLocale } from "@/i18n/routing";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";

export const metadata: Metadata = { robots: { index: false } };

/** Where a used address confirmation link leads: it is done, signed in or not. */
export default async function AddressConfirmedPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="text-2xl font-semibold">{t("confirmAddressTitle")}</h1>
      <p role="status" className="mt-2 text-sm text-slate-700">
        {t("addressConfirmed")}
      </p>
      <p className="mt-4 text-sm">
        <Link href="/account" locale={locale}>
          {t("addressConfirmedNext")}
        </Link>
      </p>
    </div>
  );
}
