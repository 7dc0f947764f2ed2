"use client";

import type { Locale } from "@/i18n/routing";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function LogoutButton({ locale }: { locale: Locale }) {
  const t = useTranslations("account");
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: `/${locale}` })}
      className="text-sm text-muted underline hover:text-accent"
    >
      {t("signOut")}
    </button>
  );
}
