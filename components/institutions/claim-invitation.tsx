import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { DIRECTORY_CREDIT } from "@/lib/open-data/credits";
import type { InstitutionProfile } from "@/lib/shared/types/institutions";

/**
 * On the page of an institution the registry knows only from the directory: that nothing is listed yet, where what
 * it shows comes from, and an invitation to its staff, who are the people able to fill it in.
 */
export async function ClaimInvitation({ institution: i, locale }: { institution: InstitutionProfile; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "claim" });
  return (
    <section aria-labelledby="claim" className="mt-6 rounded-md border border-line bg-white p-4">
      <h2 id="claim" className="text-lg font-semibold">
        {t("heading", { name: i.name })}
      </h2>
      <p className="mt-1 text-slate-700">{t("nothingYet", { name: i.name })}</p>
      {i.inDirectory ? (
        <p className="mt-2 text-sm text-muted">
          {t.rich("fromDirectory", {
            list: (chunks) => (
              <a href={DIRECTORY_CREDIT.url} className="text-accent underline" rel="noopener noreferrer">
                {chunks}
              </a>
            ),
            license: DIRECTORY_CREDIT.license,
          })}
        </p>
      ) : null}
      <p className="mt-3">
        {i.emailDomains.length
          ? t("staffWithDomains", { name: i.name, domains: i.emailDomains.map((d) => `@${d}`).join(", ") })
          : t("staff", { name: i.name })}{" "}
        <Link href="/signup" locale={locale} className="text-accent underline">
          {t("signUp")}
        </Link>{" "}
        <Link href="/login" locale={locale} className="text-accent underline">
          {t("orSignIn")}
        </Link>
      </p>
    </section>
  );
}
