import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { LogoutButton } from "@/components/auth/logout-button";
import { Link } from "@/components/ui/link";
import type { Actor } from "@/lib/shared/actor";

/** Whose account this is, with the way out. */
export async function AccountHeader({ actor, locale }: { actor: Actor; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-3 border-b border-line pb-4">
      <div>
        <h1 className="text-2xl font-semibold">
          {actor.role === "ADMIN" ? t("adminTitle") : actor.organizationId ? t("secretariatTitle") : t("staffTitle")}
        </h1>
        <p className="text-sm text-muted">{t("signedInAs", { name: actor.name, email: actor.email })}</p>
      </div>
      <div className="flex items-center gap-3 text-sm">
        <Link href="/account/webhooks" locale={locale} className="underline hover:text-accent">
          {t("webhooks")}
        </Link>
        <LogoutButton locale={locale} />
      </div>
    </div>
  );
}
