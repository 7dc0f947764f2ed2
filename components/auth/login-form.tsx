"use client";

import type { Locale } from "@/i18n/routing";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";

const submitClass =
  "w-full rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong disabled:opacity-60";

export function LoginForm({ locale, next }: { locale: Locale; next: string }) {
  const t = useTranslations("account");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      locale,
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : t("loginFailed"));
      return;
    }
    window.location.assign(next.startsWith(`/${locale}/`) ? next : `/${locale}/account`);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={254}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={128}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
        />
      </div>
      <div aria-live="polite" className="min-h-6 text-sm text-red-800">
        {error}
      </div>
      <button type="submit" disabled={pending} className={submitClass}>
        {pending ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}
