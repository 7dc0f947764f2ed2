import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { SourceNote } from "@/components/ui/source-note";
import { countryName } from "@/lib/shared/countries";
import type { OrganizationProfile } from "@/lib/shared/types/organizations";

/** The institutions that founded the organization, each with its role and source. */
export async function FounderList({ organization: o, locale }: { organization: OrganizationProfile; locale: Locale }) {
  const [t, founderRoles] = await Promise.all([
    getTranslations({ locale, namespace: "organization" }),
    getTranslations({ locale, namespace: "founderRoles" }),
  ]);
  return (
    <section aria-labelledby="founders">
      <h2 id="founders" className="text-lg font-semibold">
        {t("foundedBy")}
      </h2>
      {o.founders.length ? (
        <ul className="mt-3 space-y-3 text-sm">
          {o.founders.map((f) => (
            <li key={`${f.institution.slug}-${f.role}`}>
              <Link
                href={`/institutions/${f.institution.slug}`}
                className="inline-block py-0.5 font-medium text-accent underline hover:decoration-2"
              >
                {f.institution.name}
              </Link>
              <span className="text-muted">
                {" "}
                · {founderRoles(f.role)} · {countryName(f.institution.country, locale)}
              </span>
              <SourceNote source={f.source} locale={locale} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-muted">{t("noFounders")}</p>
      )}
    </section>
  );
}
