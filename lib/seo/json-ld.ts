import type { Locale } from "@/i18n/routing";
import { markdownToPlainText } from "../content/markdown";
import type { OrganizationProfile } from "../shared/types/organizations";
import type { InstitutionProfile } from "../shared/types/institutions";

/** schema.org Organization for an organization page: its members and founders. */
export function organizationJsonLd(o: OrganizationProfile, siteUrl: string, locale: Locale) {
  const url = `${siteUrl}/${locale}/organizations/${o.slug}`;
  return {
    "@context": "https://schema.org",
    "@type": o.kind === "PROGRAMME" ? "EducationalOccupationalProgram" : "Organization",
    "@id": url,
    url,
    name: o.name,
    alternateName: o.names
      .filter((n) => n.name !== o.name)
      .map((n) => n.name)
      .concat(o.acronym ? [o.acronym] : []),
    ...(o.founded ? { foundingDate: o.founded.iso } : {}),
    ...(o.introduction ? { description: markdownToPlainText(o.introduction).slice(0, 500) } : {}),
    ...(o.website || o.wikidataId
      ? { sameAs: [o.website, o.wikidataId ? `https://www.wikidata.org/wiki/${o.wikidataId}` : null].filter(Boolean) }
      : {}),
    founder: o.founders.map((f) => ({
      "@type": "Organization",
      name: f.institution.name,
      url: `${siteUrl}/${locale}/institutions/${f.institution.slug}`,
    })),
    member: o.members.map((m) => ({
      "@type": "OrganizationRole",
      roleName: m.role,
      ...(m.joined ? { startDate: m.joined.iso } : {}),
      ...(m.ended ? { endDate: m.ended.iso } : {}),
      member: {
        "@type": "CollegeOrUniversity",
        name: m.institution.name,
        url: `${siteUrl}/${locale}/institutions/${m.institution.slug}`,
      },
    })),
  };
}

/** schema.org CollegeOrUniversity (or Organization) for an institution page, with memberOf. */
export function institutionJsonLd(i: InstitutionProfile, siteUrl: string, locale: Locale) {
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
    address: { "@type": "PostalAddress", addressCountry: i.country, ...(i.city ? { addressLocality: i.city } : {}) },
    sameAs: [
      i.website,
      i.rorId ? `https://ror.org/${i.rorId}` : null,
      i.wikidataId ? `https://www.wikidata.org/wiki/${i.wikidataId}` : null,
    ].filter(Boolean),
    memberOf: i.participations.map((p) => ({
      "@type": "OrganizationRole",
      roleName: p.role,
      ...(p.joined ? { startDate: p.joined.iso } : {}),
      ...(p.ended ? { endDate: p.ended.iso } : {}),
      memberOf: {
        "@type": "Organization",
        name: p.organization.name,
        url: `${siteUrl}/${locale}/organizations/${p.organization.slug}`,
      },
    })),
  };
}
