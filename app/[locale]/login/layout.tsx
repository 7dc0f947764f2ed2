import type { ReactNode } from "react";
import { PrivateIntl } from "@/components/account/private-intl";

export const dynamic = "force-dynamic";

export default async function PrivateLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  return <PrivateIntl locale={locale}>{children}</PrivateIntl>;
}
