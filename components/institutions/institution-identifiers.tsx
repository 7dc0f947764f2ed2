import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { SourceNote } from "@/components/ui/source-note";
import { PlaceName } from "@/components/ui/place-name";
import { countryName } from "@/lib/shared/countries";
import type { InstitutionProfile } from "@/lib/shared/types/institutions";

/** Its website and registry identifiers (ROR, Wikidata), each with the source that gave it. */
function ExternalIds({ institution: i, locale }: { institution: InstitutionProfile; locale: Locale }) {
  return (
    <>
      {i.website ? (
        <div>
          <dt className="text-muted">Website</dt>
          <dd>
            <a href={i.website} className="text-accent underline" rel="noopener noreferrer">
              {i.website}
            </a>
          </dd>
          <dd>
            <SourceNote source={i.factSources.website} locale={locale} />
          </dd>
        </div>
      ) : null}
      {i.rorId ? (
        <div>
          <dt className="text-muted">ROR</dt>
          <dd>
            <a href={`https://ror.org/${i.rorId}`} className="text-accent underline" rel="noopener noreferrer">
              {i.rorId}
            </a>
          </dd>
          <dd>
            <SourceNote source={i.factSources.rorId} locale={locale} />
          </dd>
        </div>
      ) : null}
      {i.wikidataId ? (
        <div>
          <dt className="text-muted">Wikidata</dt>
          <dd>
            <a
              href={`https://www.wikidata.org/wiki/${i.wikidataId}`}
              className="text-accent underline"
              rel="noopener noreferrer"
            >
              {i.wikidataId}
            </a>
          </dd>
          <dd>
            <SourceNote source={i.factSources.wikidataId} locale={locale} />
          </dd>
        </div>
      ) : null}
    </>
  );
}

/** Where the institution is, its other names and its identifiers, with their source. */
export async function InstitutionIdentifiers({
  institution: i,
  locale,
}: {
  institution: InstitutionProfile;
  locale: Locale;
}) {
  const [t, locales] = await Promise.all([
    getTranslations({ locale, namespace: "institution" }),
    getTranslations({ locale, namespace: "locales" }),
  ]);
  const otherNames = i.names.filter((n) => n.name !== i.name && n.name !== i.originalName);
  return (
    <section aria-labelledby="identifiers">
      <h2 id="identifiers" className="text-lg font-semibold">
        {t("identifiers")}
      </h2>
      <dl className="mt-3 space-y-2 text-sm">
        <div>
          <dt className="text-muted">{t("location")}</dt>
          <dd>
            {i.city ? (
              <>
                <PlaceName name={i.city} />
                {", "}
              </>
            ) : null}
            {countryName(i.country, locale)}
          </dd>
          {i.city && i.factSources.city ? (
            <dd>
              <SourceNote source={i.factSources.city} locale={locale} />
            </dd>
          ) : null}
        </div>
        {otherNames.length ? (
          <div>
            <dt className="text-muted">{t("otherNames")}</dt>
            {otherNames.map((n) => (
              <dd key={`${n.locale}-${n.name}`} lang={n.locale}>
                {n.name} <span className="text-muted">({locales.has(n.locale) ? locales(n.locale) : n.locale})</span>
              </dd>
            ))}
          </div>
        ) : null}
        <ExternalIds institution={i} locale={locale} />
      </dl>
      {/* The name (and the country and kind, which rest on the record's own source). */}
      <div className="mt-2">
        <SourceNote source={i.factSources.name ?? i.source} locale={locale} />
      </div>
    </section>
  );
}
