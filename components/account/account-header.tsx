import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { LogoutButton } from "@/components/auth/logout-button";
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
      <LogoutButton locale={locale} />
    </div>
  );
}
