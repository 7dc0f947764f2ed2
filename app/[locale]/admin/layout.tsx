import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { PrivateIntl } from "@/components/account/private-intl";
import { isLocale } from "@/i18n/routing";

export const dynamic = "force-dynamic";

// Comfort, not protection: lib/data refuses non-admins anyway. Signed-in non-admins get a 404 rather than an
// error page; anonymous visitors reach the pages, which send them to sign in.
export default async function AdminLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const actor = await getCurrentUser();
  if (actor && actor.role !== "ADMIN") notFound();
  return <PrivateIntl locale={locale}>{children}</PrivateIntl>;
}
