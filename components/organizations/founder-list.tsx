import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { AsWritten } from "@/components/ui/as-written";
import { Link } from "@/components/ui/link";
import { CitationList } from "@/components/ui/citations";
import { CitationMarks } from "@/components/ui/citation-marks";
import { numberCitations } from "@/lib/shared/citations";
import { countryName } from "@/lib/shared/countries";
import { joinRoleLabels } from "@/lib/shared/founders";
import type { OrganizationProfile } from "@/lib/shared/types/organizations";

/** The institutions that founded the organization, each once with all its roles; their sources numbered once. */
export async function FounderList({ organization: o, locale }: { organization: OrganizationProfile; locale: Locale }) {
  const [t, founderRoles, source] = await Promise.all([
    getTranslations({ locale, namespace: "organization" }),
    getTranslations({ locale, namespace: "founderRoles" }),
    getTranslations({ locale, namespace: "source" }),
  ]);
  const citations = numberCitations(o.founders.map((f) => f.sources));
  return (
    <section aria-labelledby="founders">
      <h2 id="founders" className="text-lg font-semibold">
        {t("foundedBy")}
      </h2>
      {o.founders.length ? (
        <>
          <ul className="mt-3 space-y-2 text-sm" data-testid="founders">
            {o.founders.map((f, i) => (
              <li key={f.institution.slug} data-founder={f.institution.slug}>
                <Link
                  locale={locale}
                  href={`/institutions/${f.institution.slug}`}
                  className="inline-block py-0.5 font-medium text-accent underline hover:decoration-2"
                >
                  <AsWritten text={f.institution.name} locale={locale} />
                </Link>
                <span className="text-muted">
                  {" "}
                  ·{" "}
                  <span data-roles="">
                    {joinRoleLabels(
                      f.roles.map((r) => founderRoles(r)),
                      locale,
                    )}
                  </span>{" "}
                  · {countryName(f.institution.country, locale)}
                </span>{" "}
                <CitationMarks list="founders" numbers={citations.rows[i] ?? []} label={source("label")} />
              </li>
            ))}
          </ul>
          <CitationList list="founders" entries={citations.entries} locale={locale} />
        </>
      ) : (
        <p className="mt-2 text-sm text-muted">{t("noFounders")}</p>
      )}
    </section>
  );
}
