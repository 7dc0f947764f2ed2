import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { getInstitutionBySlug } from "@/lib/data/institutions/profile";
import { isSlug } from "@/lib/shared/slug";
import { env } from "@/lib/env";
import { institutionJsonLd } from "@/lib/seo/json-ld";
import { countryName } from "@/lib/shared/countries";
import { Badge } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { JsonLd } from "@/components/ui/json-ld";
import { SourceNote } from "@/components/ui/source-note";
import { ParticipationTable } from "@/components/institutions/participation-table";
import { HistoryList } from "@/components/ui/history-list";
import { DownloadLinks } from "@/components/ui/download-links";
import { getPublicHistory } from "@/lib/data/history";
import { getInstitutionNetwork } from "@/lib/data/organizations/charts";
import { NetworkGraph } from "@/components/charts/network-graph";

type Props = { params: Promise<{ locale: string; slug: string }> };

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

async function load({ params }: Props) {
  const { locale, slug } = await params;
  if (!isSlug(slug)) notFound();
  const institution = await getInstitutionBySlug(slug, locale);
  if (!institution) notFound();
  return { locale, institution };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, institution: i } = await load(props);
  const t = await getTranslations({ locale, namespace: "institution" });
  return {
    title: `${i.name} · ${t("participation")}`,
    description: t("participationLead", { name: i.name }),
    alternates: {
      canonical: `/${locale}/institutions/${i.slug}`,
      languages: { en: `/en/institutions/${i.slug}`, zh: `/zh/institutions/${i.slug}` },
    },
  };
}

export default async function InstitutionPage(props: Props) {
  const { locale, institution: i } = await load(props);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "institution" });
  const nav = await getTranslations({ locale, namespace: "nav" });
  const kinds = await getTranslations({ locale, namespace: "institutionKinds" });
  const orgKinds = await getTranslations({ locale, namespace: "kinds" });
  const founderRoles = await getTranslations({ locale, namespace: "founderRoles" });
  const locales = await getTranslations({ locale, namespace: "locales" });
  const otherNames = i.names.filter((n) => n.name !== i.name && n.name !== i.originalName);
  const history = await getPublicHistory({ institution: i.slug }, locale);
  const network = await getInstitutionNetwork(i.slug, locale);
  const chartText = await getTranslations({ locale, namespace: "charts" });

  return (
    <article>
      <JsonLd data={institutionJsonLd(i, env().SITE_URL, locale)} />
      <Breadcrumbs locale={locale} items={[{ href: "/institutions", label: nav("institutions") }, { label: i.name }]} />
      <header className="border-b border-line pb-6">
        <div className="flex flex-wrap gap-2">
          <Badge tone="accent">{kinds(i.kind)}</Badge>
          <Badge>
            {countryName(i.country, locale)}
            {i.city ? ` · ${i.city}` : ""}
          </Badge>
        </div>
        <h1 className="mt-3 text-3xl font-semibold tracking-tight">{i.name}</h1>
        {i.originalName ? (
          <p className="mt-1 text-lg text-muted" lang="en">
            {i.originalName}
          </p>
        ) : null}
      </header>

      <section aria-labelledby="participation" className="mt-8">
        <h2 id="participation" className="text-xl font-semibold">
          {t("participation")}
        </h2>
        <p className="mb-4 mt-1 text-slate-700">{t("participationLead", { name: i.name })}</p>
        <ParticipationTable rows={i.participations} locale={locale} caption={t("participation")} />
      </section>

      {network ? (
        <section aria-labelledby="network" className="mt-10">
          <h2 id="network" className="text-xl font-semibold">
            {chartText("networkTitle")}
          </h2>
          <p className="mb-4 mt-1 text-sm text-slate-700">{chartText("networkLead")}</p>
          <NetworkGraph network={network} locale={locale} />
        </section>
      ) : null}

      <div className="mt-10 grid gap-8 md:grid-cols-3">
        {i.founded.length ? (
          <section aria-labelledby="founder-of">
            <h2 id="founder-of" className="text-lg font-semibold">
              {t("founderOf")}
            </h2>
            <ul className="mt-3 space-y-3 text-sm">
              {i.founded.map((f) => (
                <li key={`${f.organization.slug}-${f.role}`}>
                  <Link
                    href={`/organizations/${f.organization.slug}`}
                    className="font-medium text-accent underline hover:decoration-2"
                  >
                    {f.organization.name}
                  </Link>
                  <span className="text-muted">
                    {" "}
                    · {founderRoles(f.role)} · {orgKinds(f.organization.kind)}
                  </span>
                  <SourceNote source={f.source} locale={locale} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {i.people.length ? (
          <section aria-labelledby="people">
            <h2 id="people" className="text-lg font-semibold">
              {t("people")}
            </h2>
            <ul className="mt-3 space-y-2 text-sm">
              {i.people.map((p) => (
                <li key={`${p.name}-${p.organization.slug}`}>
                  <span className="font-medium">{p.name}</span> · {p.role},{" "}
                  <Link
                    href={`/organizations/${p.organization.slug}`}
                    className="text-accent underline hover:decoration-2"
                  >
                    {p.organization.name}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="identifiers">
          <h2 id="identifiers" className="text-lg font-semibold">
            {t("identifiers")}
          </h2>
          <dl className="mt-3 space-y-2 text-sm">
            <div>
              <dt className="text-muted">{t("location")}</dt>
              <dd>{[i.city, countryName(i.country, locale)].filter(Boolean).join(", ")}</dd>
            </div>
            {otherNames.length ? (
              <div>
                <dt className="text-muted">{t("otherNames")}</dt>
                {otherNames.map((n) => (
                  <dd key={`${n.locale}-${n.name}`} lang={n.locale}>
                    {n.name}{" "}
                    <span className="text-muted">({locales.has(n.locale) ? locales(n.locale) : n.locale})</span>
                  </dd>
                ))}
              </div>
            ) : null}
            {i.website ? (
              <div>
                <dt className="text-muted">Website</dt>
                <dd>
                  <a href={i.website} className="text-accent underline" rel="noopener noreferrer">
                    {i.website}
                  </a>
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
              </div>
            ) : null}
          </dl>
          <div className="mt-2">
            <SourceNote source={i.source} locale={locale} />
          </div>
        </section>
      </div>
      <HistoryList entries={history} locale={locale} show="organization" />
      <DownloadLinks scope="institutions" slug={i.slug} locale={locale} />
    </article>
  );
}
