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
      <StaffLine institution={i} locale={locale} signUp={t("signUp")} className="mt-3" />
    </section>
  );
}

/**
 * On every other institution page, one line: its staff keep it current, and sign up from here (the "from
 * any institution page"), the domain they sign up with naming the institution.
 */
export async function StaffInvitation({ institution: i, locale }: { institution: InstitutionProfile; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "claim" });
  return <StaffLine institution={i} locale={locale} signUp={t("signUpListed")} className="mt-3 text-sm text-muted" />;
}

async function StaffLine({
  institution: i,
  locale,
  signUp,
  className,
}: {
  institution: InstitutionProfile;
  locale: Locale;
  signUp: string;
  className: string;
}) {
  const t = await getTranslations({ locale, namespace: "claim" });
  return (
    <p className={className}>
      {i.emailDomains.length
        ? t("staffWithDomains", { name: i.name, domains: i.emailDomains.map((d) => `@${d}`).join(", ") })
        : t("staff", { name: i.name })}{" "}
      <Link href="/signup" locale={locale} className="text-accent underline">
        {signUp}
      </Link>{" "}
      <Link href="/login" locale={locale} className="text-accent underline">
        {t("orSignIn")}
      </Link>
    </p>
  );
}
