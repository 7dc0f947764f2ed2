"use client";

import type { Locale } from "@/i18n/routing";
import { useEffect, useState } from "react";

export type AccountMenuTexts = {
  signIn: string;
  menu: string;
  account: string;
  reviewQueue: string;
  signOut: string;
};

type SignedIn = { name: string; admin: boolean; csrfToken: string };

const item = "block px-3 py-2 text-left text-sm text-ink hover:bg-accent-soft";

/**
 * Who is signed in, asked of /api/auth/session after the page has loaded: the public pages stay static and
 * cached for everyone, and a signed-in person's header turns into their menu here. Without JavaScript (or
 * signed out) it is the sign-in link, which takes a signed-in person to their account anyway.
 */
export function AccountMenu({ locale, texts }: { locale: Locale; texts: AccountMenuTexts }) {
  const [person, setPerson] = useState<SignedIn | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const read = (path: string) =>
      fetch(path, { signal: controller.signal, cache: "no-store" }).then((r) => (r.ok ? r.json() : null));
    read("/api/auth/session")
      .then(async (session: { user?: { name?: string }; role?: string } | null) => {
        if (!session?.user?.name) return;
        // Signing out is a form posted to next-auth with its CSRF token: no client library on public pages.
        const csrf = (await read("/api/auth/csrf")) as { csrfToken?: string } | null;
        setPerson({ name: session.user.name, admin: session.role === "ADMIN", csrfToken: csrf?.csrfToken ?? "" });
      })
      .catch(() => {});
    return () => controller.abort();
  }, []);
  if (!person)
    return (
      <a href={`/${locale}/account`} className="inline-flex min-h-6 items-center text-sm text-muted hover:text-accent">
        {texts.signIn}
      </a>
    );
  return (
    <details className="relative text-sm">
      <summary className="cursor-pointer rounded px-2 py-1 font-medium text-ink hover:text-accent">
        <span className="sr-only">{texts.menu}: </span>
        {person.name}
      </summary>
      <ul className="absolute right-0 z-20 mt-1 min-w-44 rounded-md border border-line bg-white py-1 shadow-md">
        <li>
          <a href={`/${locale}/account`} className={item}>
            {texts.account}
          </a>
        </li>
        {person.admin ? (
          <li>
            <a href={`/${locale}/admin/reviews`} className={item}>
              {texts.reviewQueue}
            </a>
          </li>
        ) : null}
        <li>
          <form method="post" action="/api/auth/signout">
            <input type="hidden" name="csrfToken" value={person.csrfToken} />
            <input type="hidden" name="callbackUrl" value={`/${locale}`} />
            <button type="submit" className={`${item} w-full`}>
              {texts.signOut}
            </button>
          </form>
        </li>
      </ul>
    </details>
  );
}
