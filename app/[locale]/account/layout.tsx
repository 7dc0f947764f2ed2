import type { ReactNode } from "react";
import { PrivateIntl } from "@/components/account/private-intl";
import { AddressPromptBanner } from "@/components/account/address-prompt";
import { notFound } from "next/navigation";
import { isLocale } from "@/i18n/routing";
import { getCurrentUser } from "@/lib/auth/session";
import { getAddressPrompt } from "@/lib/data/accounts/address-reverification";

export const dynamic = "force-dynamic";

export default async function PrivateLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  // Every account page asks a staff member whose address is due or overdue to confirm it (pages signed out: none).
  const prompt = await getAddressPrompt(await getCurrentUser(), locale);
  return (
    <PrivateIntl locale={locale}>
      {prompt ? <AddressPromptBanner prompt={prompt} locale={locale} /> : null}
      {children}
    </PrivateIntl>
  );
}
