// schema.org data for the public pages, typed with schema-dts so that tsc refuses a property schema.org does not
// define for the type (the build is the first validator; tests/e2e/validators.test.ts type-checks the served
// data again). Properties are written out, never spread in: TypeScript checks excess properties only in a literal.
import { allPeriods } from "../shared/membership-periods";
import type { Organization, Role, SearchActionLeaf, WebSite, WithActionConstraints, WithContext } from "schema-dts";
import type { Locale } from "@/i18n/routing";
import { markdownToPlainText } from "../content/markdown";
import { cutAtWord } from "../shared/cut-text";
import type { OrganizationProfile } from "../shared/types/organizations";
import type { InstitutionProfile } from "../shared/types/institutions";

const wikidata = (qid: string | null | undefined) => (qid ? `https://www.wikidata.org/wiki/${qid}` : null);
const present = (values: (string | null | undefined)[]) => values.filter((v): v is string => Boolean(v));

/**
 * schema.org Organization for an organization page: its founders and members. A programme is an Organization
 * too: schema.org's EducationalOccupationalProgram has no foundingDate, founder or member, which are this
 * registry's facts about it, so the programme nature is stated as an additional type instead.
 */
export function organizationJsonLd(o: OrganizationProfile, siteUrl: string, locale: Locale): WithContext<Organization> {
  const url = `${siteUrl}/${locale}/organizations/${o.slug}`;
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    additionalType: o.kind === "PROGRAMME" ? "https://schema.org/EducationalOccupationalProgram" : undefined,
    "@id": url,
    url,
    name: o.name,
    alternateName: o.names
      .filter((n) => n.name !== o.name)
      .map((n) => n.name)
      .concat(o.acronym ? [o.acronym] : []),
    foundingDate: o.founded?.iso,
    description: o.introduction ? cutAtWord(markdownToPlainText(o.introduction), 500) : undefined,
    sameAs: o.website || o.wikidataId ? present([o.website, wikidata(o.wikidataId)]) : undefined,
    founder: o.founders.map(
      (f): Organization => ({
        "@type": "Organization",
        name: f.institution.name,
        url: `${siteUrl}/${locale}/institutions/${f.institution.slug}`,
      }),
    ),
    // One role per period: a member that left and rejoined holds the role twice, each with its own dates.
    member: o.members.flatMap((m) =>
      allPeriods(m.formerPeriods, m).map(
        (period): Role<Organization, "member"> => ({
          "@type": "OrganizationRole",
          roleName: m.role,
          startDate: period.joined?.iso,
          endDate: period.ended?.iso,
          member: {
            "@type": "CollegeOrUniversity",
            name: m.institution.name,
            url: `${siteUrl}/${locale}/institutions/${m.institution.slug}`,
          },
        }),
      ),
    ),
  };
}

/** schema.org CollegeOrUniversity (or Organization) for an institution page, with memberOf. */
export function institutionJsonLd(i: InstitutionProfile, siteUrl: string, locale: Locale): WithContext<Organization> {
  const url = `${siteUrl}/${locale}/institutions/${i.slug}`;
  return {
    "@context": "https://schema.org",
    "@type":
      i.kind === "UNIVERSITY" || i.kind === "SCHOOL"
        ? "CollegeOrUniversity"
        : i.kind === "MINISTRY" || i.kind === "AGENCY"
          ? "GovernmentOrganization"
          : "Organization",
    "@id": url,
    url,
    name: i.name,
    alternateName: i.names.map((n) => n.name).filter((n) => n !== i.name),
    address: { "@type": "PostalAddress", addressCountry: i.country, addressLocality: i.city ?? undefined },
    sameAs: present([i.website, i.rorId ? `https://ror.org/${i.rorId}` : null, wikidata(i.wikidataId)]),
    memberOf: i.participations.flatMap((p) =>
      allPeriods(p.formerPeriods, p).map(
        (period): Role<Organization, "memberOf"> => ({
          "@type": "OrganizationRole",
          roleName: p.role,
          startDate: period.joined?.iso,
          endDate: period.ended?.iso,
          memberOf: {
            "@type": "Organization",
            name: p.organization.name,
            url: `${siteUrl}/${locale}/organizations/${p.organization.slug}`,
          },
        }),
      ),
    ),
  };
}

/** schema.org WebSite for the home page, with the search visitors can run from a search engine's result. */
export function websiteJsonLd(name: string, siteUrl: string, locale: Locale): WithContext<WebSite> {
  // "query-input" is an action annotation, not a property: schema-dts types it with WithActionConstraints.
  const search: WithActionConstraints<SearchActionLeaf> = {
    "@type": "SearchAction",
    target: `${siteUrl}/${locale}/organizations?q={query}`,
    "query-input": "required name=query",
  };
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name,
    url: `${siteUrl}/${locale}`,
    potentialAction: search,
  };
}
