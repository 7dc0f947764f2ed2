import type { OpenDataset } from "../data/open/datasets";
import type { ExportFormat, ExportTable } from "../validation/api";
import { toCsv, type CsvValue } from "./csv";
import { LICENSE } from "./license";
import { CREDITS, DIRECTORY_CREDIT } from "./credits";
import { toQuickStatements } from "./quickstatements";

// The dataset as files. Pure functions of the dataset and the site's address (no database, no request).

const ORGANIZATION_COLUMNS = [
  "slug",
  "kind",
  "name_en",
  "name_zh",
  "acronym",
  "founded",
  "founded_precision",
  "fields",
  "website",
  "wikidata_id",
  "countries",
  "member_count",
  "url",
  "updated_at",
] as const;
const INSTITUTION_COLUMNS = [
  "slug",
  "kind",
  "name_en",
  "name_zh",
  "country",
  "city",
  "website",
  "ror_id",
  "wikidata_id",
  "membership_count",
  "url",
  "updated_at",
] as const;
const MEMBERSHIP_COLUMNS = [
  "id",
  "institution_slug",
  "institution_name",
  "institution_country",
  "institution_wikidata_id",
  "organization_slug",
  "organization_name",
  "organization_wikidata_id",
  "role",
  "status",
  "joined",
  "joined_precision",
  "ended",
  "ended_precision",
  "notes",
  "source_title",
  "source_url",
  "updated_at",
] as const;

function organizationsCsv(d: OpenDataset) {
  return toCsv(
    ORGANIZATION_COLUMNS,
    d.organizations.map((o): CsvValue[] => [
      o.slug,
      o.kind,
      o.name.en,
      o.name.zh,
      o.acronym,
      o.founded?.iso,
      o.founded?.precision,
      o.fields.join(";"),
      o.website,
      o.wikidataId,
      o.countries.join(";"),
      o.memberCount,
      o.url,
      o.updatedAt,
    ]),
  );
}

function institutionsCsv(d: OpenDataset) {
  return toCsv(
    INSTITUTION_COLUMNS,
    d.institutions.map((i): CsvValue[] => [
      i.slug,
      i.kind,
      i.name.en,
      i.name.zh,
      i.country,
      i.city,
      i.website,
      i.rorId,
      i.wikidataId,
      i.membershipCount,
      i.url,
      i.updatedAt,
    ]),
  );
}

function membershipsCsv(d: OpenDataset) {
  return toCsv(
    MEMBERSHIP_COLUMNS,
    d.memberships.map((m): CsvValue[] => [
      m.id,
      m.institution.slug,
      m.institution.name,
      m.institution.country,
      m.institution.wikidataId,
      m.organization.slug,
      m.organization.name,
      m.organization.wikidataId,
      m.role,
      m.status,
      m.joined?.iso,
      m.joined?.precision,
      m.ended?.iso,
      m.ended?.precision,
      m.notes,
      m.source?.title,
      m.source?.url,
      m.updatedAt,
    ]),
  );
}

function title(d: OpenDataset) {
  return d.scope.kind === "all"
    ? "Alliance Atlas: university alliances and memberships"
    : `Alliance Atlas: ${d.scope.name}`;
}

export function toJsonDocument(d: OpenDataset, siteUrl: string) {
  return {
    title: title(d),
    license: { ...LICENSE },
    credits: [...CREDITS],
    source: `${siteUrl}/en/data`,
    scope: d.scope,
    modifiedAt: d.modifiedAt,
    counts: {
      organizations: d.organizations.length,
      institutions: d.institutions.length,
      memberships: d.memberships.length,
    },
    organizations: d.organizations,
    institutions: d.institutions,
    memberships: d.memberships,
  };
}

/** schema.org Dataset (with its licence) whose graph holds the organizations and the institutions' roles in them. */
export function toJsonLdDocument(d: OpenDataset, siteUrl: string) {
  const orgId = (slug: string) => `${siteUrl}/en/organizations/${slug}`;
  const sameAs = (...urls: (string | null | undefined)[]) => urls.filter((u): u is string => Boolean(u));
  const wikidata = (qid: string | null) => (qid ? `https://www.wikidata.org/wiki/${qid}` : null);
  return {
    "@context": "https://schema.org",
    "@graph": [
      {
        "@type": "Dataset",
        "@id": `${siteUrl}/en/data`,
        name: title(d),
        description:
          "Who founded which international university alliances, networks and consortia, and which institutions " +
          "joined them when and in which role, each with its source.",
        license: LICENSE.url,
        isBasedOn: {
          "@type": "Dataset",
          name: DIRECTORY_CREDIT.name,
          url: DIRECTORY_CREDIT.url,
          license: DIRECTORY_CREDIT.licenseUrl,
          copyrightNotice: DIRECTORY_CREDIT.copyright,
        },
        isAccessibleForFree: true,
        dateModified: d.modifiedAt,
        creator: { "@type": "Organization", name: "Alliance Atlas", url: siteUrl },
        distribution: (["csv", "json", "jsonld"] as const).map((f) => ({
          "@type": "DataDownload",
          encodingFormat: MEDIA_TYPES[f],
          contentUrl: `${siteUrl}${exportPath(d, f)}`,
        })),
      },
      ...d.organizations.map((o) => ({
        "@type": "Organization",
        "@id": orgId(o.slug),
        url: o.url,
        name: o.name.en,
        ...(o.name.zh ? { alternateName: o.name.zh } : {}),
        ...(o.founded ? { foundingDate: o.founded.iso } : {}),
        sameAs: sameAs(o.website, wikidata(o.wikidataId)),
      })),
      ...d.institutions.map((i) => ({
        "@type": i.kind === "UNIVERSITY" || i.kind === "SCHOOL" ? "CollegeOrUniversity" : "Organization",
        "@id": i.url,
        url: i.url,
        name: i.name.en,
        ...(i.name.zh ? { alternateName: i.name.zh } : {}),
        address: {
          "@type": "PostalAddress",
          addressCountry: i.country,
          ...(i.city ? { addressLocality: i.city } : {}),
        },
        sameAs: sameAs(i.website, i.rorId ? `https://ror.org/${i.rorId}` : null, wikidata(i.wikidataId)),
        memberOf: d.memberships
          .filter((m) => m.institution.slug === i.slug)
          .map((m) => ({
            "@type": "OrganizationRole",
            roleName: m.role,
            ...(m.joined ? { startDate: m.joined.iso } : {}),
            ...(m.ended ? { endDate: m.ended.iso } : {}),
            memberOf: { "@id": orgId(m.organization.slug) },
          })),
      })),
    ],
  };
}

export const MEDIA_TYPES = {
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
  jsonld: "application/ld+json; charset=utf-8",
  qs: "text/plain; charset=utf-8",
} as const;

/** Where a dataset's file is served (the whole dataset's CSV is its memberships table, denormalized). */
export function exportPath(d: Pick<OpenDataset, "scope">, format: ExportFormat): string {
  if (d.scope.kind === "all") return `/api/v1/export/dataset.${format}`;
  const folder = d.scope.kind === "organization" ? "organizations" : "institutions";
  return `/api/v1/export/${folder}/${d.scope.slug}.${format}`;
}

/** A table of the dataset in a format: CSV for any table, JSON and JSON-LD for the dataset as a whole. */
export function renderExport(d: OpenDataset, table: ExportTable, format: ExportFormat, siteUrl: string): string | null {
  if (format === "csv") {
    if (table === "organizations") return organizationsCsv(d);
    if (table === "institutions") return institutionsCsv(d);
    return membershipsCsv(d);
  }
  if (table !== "dataset") return null;
  return `${JSON.stringify(format === "json" ? toJsonDocument(d, siteUrl) : toJsonLdDocument(d, siteUrl), null, 2)}\n`;
}

export function renderQuickStatements(d: OpenDataset): string {
  return toQuickStatements(
    d.memberships.map((m) => ({
      institutionQid: m.institution.wikidataId,
      organizationQid: m.organization.wikidataId,
      role: m.role,
      joined: m.joined,
      ended: m.ended,
    })),
  );
}

/** Every file of a release: name → content. */
export function releaseFiles(d: OpenDataset, siteUrl: string): Record<string, string> {
  return {
    "dataset.csv": renderExport(d, "dataset", "csv", siteUrl)!,
    "organizations.csv": renderExport(d, "organizations", "csv", siteUrl)!,
    "institutions.csv": renderExport(d, "institutions", "csv", siteUrl)!,
    "dataset.json": renderExport(d, "dataset", "json", siteUrl)!,
    "dataset.jsonld": renderExport(d, "dataset", "jsonld", siteUrl)!,
    "wikidata.qs": renderQuickStatements(d),
  };
}
