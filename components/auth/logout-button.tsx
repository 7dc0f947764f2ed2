"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function LogoutButton({ locale }: { locale: string }) {
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
