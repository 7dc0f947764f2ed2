import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { routing } from "@/i18n/routing";
import { AccountMenu } from "./account-menu";
import { LocaleSwitcher } from "./locale-switcher";

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const meta = await getTranslations({ locale, namespace: "meta" });
  const locales = await getTranslations({ locale, namespace: "locales" });
  return (
    <header className="border-b border-line bg-white">
      <a href="#main" className="skip-link">
        {t("skip")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link locale={locale} href="/" className="flex items-center gap-2 font-semibold tracking-tight text-ink">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7 text-accent">
            <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" strokeWidth="2" />
            <path
              d="M3 16h26M16 3c4 4 6 8.5 6 13s-2 9-6 13c-4-4-6-8.5-6-13s2-9 6-13z"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            />
          </svg>
          <span>{meta("siteName")}</span>
        </Link>
        <nav aria-label={t("main")}>
          <ul className="flex gap-4 text-sm font-medium">
            <li>
              <Link locale={locale} href="/organizations" className="nav-link">
                {t("organizations")}
              </Link>
            </li>
            <li>
              <Link locale={locale} href="/institutions" className="nav-link">
                {t("institutions")}
              </Link>
            </li>
          </ul>
        </nav>
        <div className="flex items-center gap-3">
          <AccountMenu
            locale={locale}
            texts={{
              signIn: t("signIn"),
              menu: t("accountMenu"),
              account: t("account"),
              reviewQueue: t("reviewQueue"),
              signOut: t("signOut"),
            }}
          />
          <LocaleSwitcher
            locale={locale}
            label={t("language")}
            names={Object.fromEntries(routing.locales.map((l) => [l, locales(l)]))}
          />
        </div>
      </div>
    </header>
  );
}
