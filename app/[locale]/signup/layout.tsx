import type { ReactNode } from "react";
import { PrivateIntl } from "@/components/account/private-intl";
import { notFound } from "next/navigation";
import { isLocale } from "@/i18n/routing";

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
  return <PrivateIntl locale={locale}>{children}</PrivateIntl>;
}
