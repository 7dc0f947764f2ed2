import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { getOrganizationBySlug } from "@/lib/data/organizations/profile";
import { isSlug } from "@/lib/shared/slug";
import { env } from "@/lib/env";
import { organizationJsonLd } from "@/lib/seo/json-ld";
import { formatPartialDate } from "@/lib/shared/dates";
import { countryName } from "@/lib/shared/countries";
import { Badge } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Markdown } from "@/components/ui/markdown";
import { markdownToPlainText } from "@/lib/content/markdown";
import { JsonLd } from "@/components/ui/json-ld";
import { PartialDateText } from "@/components/ui/partial-date";
import { SourceNote } from "@/components/ui/source-note";
import { DeclaredCount } from "@/components/organizations/declared-count";
import { MemberTable } from "@/components/organizations/member-table";
import { HistoryList } from "@/components/ui/history-list";
import { DownloadLinks } from "@/components/ui/download-links";
import { getPublicHistory } from "@/lib/data/history";
import { getOrganizationCharts } from "@/lib/data/organizations/charts";
import { WorldMap } from "@/components/charts/world-map";
import { JoinTimeline } from "@/components/charts/join-timeline";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Rendered on first request, then served from cache until an approved change revalidates its tags.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

async function load({ params }: Props) {
  const { locale, slug } = await params;
  if (!isSlug(slug)) notFound();
  const organization = await getOrganizationBySlug(slug, locale);
  if (!organization) notFound();
  return { locale, organization };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, organization: o } = await load(props);
  const kinds = await getTranslations({ locale, namespace: "kinds" });
  return {
    title: o.acronym ? `${o.name} (${o.acronym})` : o.name,
    description: o.introduction ? markdownToPlainText(o.introduction).slice(0, 200) : `${kinds(o.kind)} · ${o.name}`,
    alternates: {
      canonical: `/${locale}/organizations/${o.slug}`,
      languages: { en: `/en/organizations/${o.slug}`, zh: `/zh/organizations/${o.slug}` },
    },
  };
}

export default async function OrganizationPage(props: Props) {
  const { locale, organization: o } = await load(props);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "organization" });
  const nav = await getTranslations({ locale, namespace: "nav" });
  const kinds = await getTranslations({ locale, namespace: "kinds" });
  const fields = await getTranslations({ locale, namespace: "fields" });
  const founderRoles = await getTranslations({ locale, namespace: "founderRoles" });
  const nameKinds = await getTranslations({ locale, namespace: "nameKinds" });
  const locales = await getTranslations({ locale, namespace: "locales" });
  const otherNames = o.names.filter((n) => n.kind !== "FORMER" && n.name !== o.name && n.name !== o.originalName);
  const formerNames = o.names.filter((n) => n.kind === "FORMER");
  const history = await getPublicHistory({ organization: o.slug }, locale);
  const charts = await getOrganizationCharts(o.slug);
  const chartText = await getTranslations({ locale, namespace: "charts" });

  return (
    <article>
      <JsonLd data={organizationJsonLd(o, env().SITE_URL, locale)} />
      <Breadcrumbs
        locale={locale}
        items={[{ href: "/organizations", label: nav("organizations") }, { label: o.acronym ?? o.name }]}
      />
      <header className="border-b border-line pb-6">
        <div className="flex flex-wrap gap-2">
          <Badge tone="accent">{kinds(o.kind)}</Badge>
          {o.fields.map((f) => (
            <Badge key={f}>{fields(f)}</Badge>
          ))}
        </div>
        <h1 className="mt-3 text-3xl font-semibold tracking-tight">
          {o.name}
          {o.acronym ? <span className="ml-2 text-xl font-normal text-muted">({o.acronym})</span> : null}
        </h1>
        {o.originalName ? (
          <p className="mt-1 text-lg text-muted" lang="en">
            {o.originalName}
          </p>
        ) : null}
      </header>

      <div className="mt-6 grid grid-cols-1 gap-8 lg:grid-cols-3">
        <div className="min-w-0 space-y-8 lg:col-span-2">
          <section aria-labelledby="members-count">
            <h2 id="members-count" className="text-xl font-semibold">
              {t("memberCounts")}
            </h2>
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              <div className="rounded-md border border-accent/30 bg-accent-soft p-3">
                <p className="font-medium">{t("listedHere")}</p>
                <p className="text-lg font-semibold tabular-nums">{t("listedCount", { count: o.memberCount })}</p>
              </div>
              {o.declaredCounts.map((c) => (
                <DeclaredCount key={`${c.subject}-${c.asOf?.iso ?? ""}-${c.value}`} count={c} locale={locale} />
              ))}
            </div>
          </section>

          {o.introduction ? (
            <section aria-labelledby="introduction">
              <h2 id="introduction" className="text-xl font-semibold">
                {t("introduction")}
              </h2>
              <Markdown
                source={o.introduction}
                className="mt-3 leading-relaxed text-slate-800"
                lang={o.introductionLocale ?? undefined}
              />
              <div className="mt-2">
                <SourceNote source={o.introductionSource} locale={locale} />
              </div>
            </section>
          ) : null}

          {charts ? (
            <>
              <section aria-labelledby="member-map">
                <h2 id="member-map" className="text-xl font-semibold">
                  {chartText("mapTitle")}
                </h2>
                <p className="mb-3 mt-1 text-sm text-slate-700">{chartText("mapLead")}</p>
                <WorldMap members={charts.memberCountries} namedOnly={charts.namedOnly} locale={locale} />
              </section>
              <section aria-labelledby="join-timeline">
                <h2 id="join-timeline" className="text-xl font-semibold">
                  {chartText("timelineTitle")}
                </h2>
                <p className="mb-3 mt-1 text-sm text-slate-700">{chartText("timelineLead")}</p>
                <JoinTimeline timeline={charts.timeline} locale={locale} />
              </section>
            </>
          ) : null}

          <section aria-labelledby="members">
            <h2 id="members" className="mb-3 text-xl font-semibold">
              {t("members")}
            </h2>
            <MemberTable members={o.members} locale={locale} caption={t("members")} />
            {o.memberCount > o.members.length ? (
              <p className="mt-3 text-sm">
                <span className="text-muted">
                  {t("membersShown", { shown: o.members.length, count: o.memberCount })}{" "}
                </span>
                <Link href={`/organizations/${o.slug}/members`} className="font-medium text-accent underline">
                  {t("allMembers", { count: o.memberCount })}
                </Link>
              </p>
            ) : null}
          </section>
          <HistoryList entries={history} locale={locale} show="institution" />
        </div>

        <aside className="min-w-0 space-y-8">
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
              {o.website ? (
                <div>
                  <dt className="text-muted">{t("website")}</dt>
                  <dd>
                    <a href={o.website} className="break-all text-accent underline" rel="noopener noreferrer">
                      {o.website}
                    </a>
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
              {o.parent ? (
                <div>
                  <dt className="text-muted">{t("partOf")}</dt>
                  <dd>
                    <Link href={`/organizations/${o.parent.slug}`} className="text-accent underline">
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
                      <Link href={`/organizations/${c.slug}`} className="text-accent underline">
                        {c.name}
                      </Link>{" "}
                      <span className="text-muted">({kinds(c.kind)})</span>
                    </dd>
                  ))}
                </div>
              ) : null}
              {o.countries.length ? (
                <div>
                  <dt className="text-muted">{t("countries")}</dt>
                  <dd>{o.countries.map((c) => countryName(c, locale)).join(locale === "zh" ? "、" : ", ")}</dd>
                </div>
              ) : null}
            </dl>
          </section>

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
                      className="font-medium text-accent underline hover:decoration-2"
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

          {o.people.length ? (
            <section aria-labelledby="people">
              <h2 id="people" className="text-lg font-semibold">
                {t("people")}
              </h2>
              <ul className="mt-3 space-y-3 text-sm">
                {o.people.map((p) => (
                  <li key={p.name}>
                    <span className="font-medium">{p.name}</span> <span className="text-muted">· {p.role}</span>
                    {p.description ? <span className="block text-slate-700">{p.description}</span> : null}
                    {p.institution ? (
                      <Link
                        href={`/institutions/${p.institution.slug}`}
                        className="block text-accent underline hover:decoration-2"
                      >
                        {p.institution.name}
                      </Link>
                    ) : null}
                    <SourceNote source={p.source} locale={locale} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {otherNames.length || formerNames.length ? (
            <section aria-labelledby="names">
              <h2 id="names" className="text-lg font-semibold">
                {t("names")}
              </h2>
              <ul className="mt-3 space-y-2 text-sm">
                {otherNames.map((n) => (
                  <li key={`${n.locale}-${n.name}`} lang={n.locale}>
                    {n.name}{" "}
                    <span className="text-muted">
                      · {nameKinds(n.kind)} · {locales.has(n.locale) ? locales(n.locale) : n.locale}
                    </span>
                  </li>
                ))}
              </ul>
              {formerNames.length ? (
                <>
                  <h3 className="mt-4 text-sm font-semibold">{t("formerNames")}</h3>
                  <ul className="mt-2 space-y-2 text-sm">
                    {formerNames.map((n) => (
                      <li key={n.name} lang={n.locale}>
                        {n.validUntil
                          ? t("formerName", { name: n.name, until: formatPartialDate(n.validUntil, locale) ?? "" })
                          : n.name}
                        <SourceNote source={n.source} locale={locale} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
          ) : null}

          <p className="text-xs text-muted">
            {t("lastUpdated", {
              date: formatPartialDate({ iso: o.updatedAt.slice(0, 10), precision: "DAY" }, locale) ?? "",
            })}
          </p>
        </aside>
      </div>
      <DownloadLinks scope="organizations" slug={o.slug} locale={locale} />
    </article>
  );
}
