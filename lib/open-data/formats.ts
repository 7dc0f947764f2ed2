import type { OpenDataset } from "../data/open/datasets";
import type { ExportFormat, ExportTable } from "../validation/api";
import { toCsv } from "./csv";
import { LICENSE } from "./license";
import { CREDITS, DIRECTORY_CREDIT } from "./credits";
import { toQuickStatements } from "./quickstatements";
import { INSTITUTIONS_TABLE, MEMBERSHIPS_TABLE, ORGANIZATIONS_TABLE, tableCells, type CsvTable } from "./tables";

// The dataset as files. Pure functions of the dataset and the site's address (no database, no request).

/** A CSV file of the dataset, its columns as tables.ts defines them (the data package's schemas read the same list). */
function tableCsv<Row>(table: CsvTable<Row>, d: OpenDataset): string {
  const { header, rows } = tableCells(table, d);
  return toCsv(header, rows);
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
          // One role per period (a member that left and rejoined holds it twice, each with its own dates).
          .flatMap((m) =>
            m.periods.map((p) => ({
              "@type": "OrganizationRole",
              roleName: m.role,
              ...(p.joined ? { startDate: p.joined.iso } : {}),
              ...(p.ended ? { endDate: p.ended.iso } : {}),
              memberOf: { "@id": orgId(m.organization.slug) },
            })),
          ),
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
    if (table === "organizations") return tableCsv(ORGANIZATIONS_TABLE, d);
    if (table === "institutions") return tableCsv(INSTITUTIONS_TABLE, d);
    return tableCsv(MEMBERSHIPS_TABLE, d);
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
      references: [m.source?.url ?? null, m.sides.organization?.source?.url ?? null],
      formerPeriods: m.periods
        .filter((p) => !p.current)
        .map((p) => ({ joined: p.joined, ended: p.ended, references: [p.source?.url ?? null] })),
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
