import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { PartialDateText } from "@/components/ui/partial-date";
import { SourceNote } from "@/components/ui/source-note";
import { countryName } from "@/lib/shared/countries";
import type { OrganizationProfile } from "@/lib/shared/types/organizations";

type Props = { organization: OrganizationProfile; locale: Locale };

/** The organization's own sites: its website and its Wikidata item. */
async function ExternalLinks({ organization: o, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "organization" });
  return (
    <>
      {o.website ? (
        <div>
          <dt className="text-muted">{t("website")}</dt>
          <dd>
            <a href={o.website} className="break-all text-accent underline" rel="noopener noreferrer">
              {o.website}
            </a>
            {o.websiteSource ? <SourceNote source={o.websiteSource} locale={locale} /> : null}
          </dd>
        </div>
      ) : null}
      {o.wikidataId ? (
        <div>
          <dt className="text-muted">Wikidata</dt>
          <dd>
            <a
              href={`https://www.wikidata.org/wiki/${o.wikidataId}`}
              className="text-accent underline"
              rel="noopener noreferrer"
            >
              {o.wikidataId}
            </a>
          </dd>
        </div>
      ) : null}
    </>
  );
}

/** The organization it is part of and the ones it includes. */
async function RelatedOrganizations({ organization: o, locale }: Props) {
  const [t, kinds] = await Promise.all([
    getTranslations({ locale, namespace: "organization" }),
    getTranslations({ locale, namespace: "kinds" }),
  ]);
  return (
    <>
      {o.parent ? (
        <div>
          <dt className="text-muted">{t("partOf")}</dt>
          <dd>
            <Link locale={locale} href={`/organizations/${o.parent.slug}`} className="text-accent underline">
              {o.parent.name}
            </Link>
          </dd>
        </div>
      ) : null}
      {o.children.length ? (
        <div>
          <dt className="text-muted">{t("includes")}</dt>
          {o.children.map((c) => (
            <dd key={c.slug}>
              <Link locale={locale} href={`/organizations/${c.slug}`} className="text-accent underline">
                {c.name}
              </Link>{" "}
              <span className="text-muted">({kinds(c.kind)})</span>
            </dd>
          ))}
        </div>
      ) : null}
    </>
  );
}

/** The facts box beside the profile: kind, founding date, acronym, links, related organizations, countries. */
export async function OrganizationOverview({ organization: o, locale }: Props) {
  const [t, kinds] = await Promise.all([
    getTranslations({ locale, namespace: "organization" }),
    getTranslations({ locale, namespace: "kinds" }),
  ]);
  return (
    <section aria-labelledby="overview" className="rounded-md border border-line bg-white p-4">
      <h2 id="overview" className="text-lg font-semibold">
        {t("overview")}
      </h2>
      <dl className="mt-3 space-y-3 text-sm">
        <div>
          <dt className="text-muted">{t("kind")}</dt>
          <dd>{kinds(o.kind)}</dd>
        </div>
        <div>
          <dt className="text-muted">{t("founded")}</dt>
          <dd>
            <PartialDateText date={o.founded} locale={locale} fallback={t("unknown")} />
            {o.founded ? <SourceNote source={o.foundedSource} locale={locale} /> : null}
          </dd>
        </div>
        {o.acronym ? (
          <div>
            <dt className="text-muted">{t("acronym")}</dt>
            <dd>{o.acronym}</dd>
          </div>
        ) : null}
        <ExternalLinks organization={o} locale={locale} />
        <RelatedOrganizations organization={o} locale={locale} />
        {o.countries.length ? (
          <div>
            <dt className="text-muted">{t("countries")}</dt>
            <dd>{o.countries.map((c) => countryName(c, locale)).join(locale === "zh" ? "、" : ", ")}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
