import type { OpenDataset, OpenInstitution, OpenMembership, OpenOrganization } from "../data/open/datasets";
import type { OpenDatasetBatches, OpenDatasetSummary } from "../data/open/dataset-batches";
import type { ExportFormat, ExportTable } from "../validation/api";
import { csvLine, toCsv } from "./csv";
import { jsonChunks, jsonSlot } from "./json-chunks";
import { LICENSE } from "./license";
import { CREDITS, DIRECTORY_CREDIT } from "./credits";
import { PERIOD_GROUPS, quickStatementsOf, toQuickStatements, type QsMembership } from "./quickstatements";
import {
  INSTITUTIONS_TABLE,
  MEMBERSHIPS_TABLE,
  ORGANIZATIONS_TABLE,
  tableCells,
  tableHeader,
  tableRow,
  type CsvTable,
} from "./tables";

// The dataset as files. Pure functions of the dataset and the site's address (no database, no request). A file is
// written whole from a dataset in memory (a record's slice) or a batch at a time from the whole registry's batches
// (datasetFileChunks): both go through the same records' renderings below, and give the same bytes.

/** What a file says of the dataset before its records. */
type DatasetHead = Pick<OpenDataset, "scope" | "modifiedAt"> & { counts: OpenDatasetSummary["counts"] };

const headOf = (d: OpenDataset): DatasetHead => ({
  scope: d.scope,
  modifiedAt: d.modifiedAt,
  counts: {
    organizations: d.organizations.length,
    institutions: d.institutions.length,
    memberships: d.memberships.length,
  },
});

/** A CSV file of the dataset, its columns as tables.ts defines them (the data package's schemas read the same list). */
function tableCsv<Row>(table: CsvTable<Row>, d: OpenDataset): string {
  const { header, rows } = tableCells(table, d);
  return toCsv(header, rows);
}

async function* tableCsvChunks<Row>(table: CsvTable<Row>, batches: AsyncIterable<Row[]>): AsyncGenerator<string> {
  yield csvLine(tableHeader(table));
  for await (const batch of batches) yield batch.map((row) => csvLine(tableRow(table, row))).join("");
}

function title(d: Pick<OpenDataset, "scope">) {
  return d.scope.kind === "all"
    ? "Alliance Atlas: university alliances and memberships"
    : `Alliance Atlas: ${d.scope.name}`;
}

/** The JSON file: its head, then the three arrays (whole, or slots a stream fills). */
function jsonDocument<O, I, M>(
  head: DatasetHead,
  siteUrl: string,
  arrays: { organizations: O; institutions: I; memberships: M },
) {
  return {
    title: title(head),
    license: { ...LICENSE },
    credits: [...CREDITS],
    source: `${siteUrl}/en/data`,
    scope: head.scope,
    modifiedAt: head.modifiedAt,
    counts: head.counts,
    organizations: arrays.organizations,
    institutions: arrays.institutions,
    memberships: arrays.memberships,
  };
}

export function toJsonDocument(d: OpenDataset, siteUrl: string) {
  return jsonDocument(headOf(d), siteUrl, d);
}

const organizationId = (siteUrl: string, slug: string) => `${siteUrl}/en/organizations/${slug}`;
const sameAs = (...urls: (string | null | undefined)[]) => urls.filter((u): u is string => Boolean(u));
const wikidataUrl = (qid: string | null) => (qid ? `https://www.wikidata.org/wiki/${qid}` : null);

/** The schema.org Dataset node heading the JSON-LD graph, with its licence. */
function jsonLdDataset(head: DatasetHead, siteUrl: string) {
  return {
    "@type": "Dataset",
    "@id": `${siteUrl}/en/data`,
    name: title(head),
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
    dateModified: head.modifiedAt,
    creator: { "@type": "Organization", name: "Alliance Atlas", url: siteUrl },
    distribution: (["csv", "json", "jsonld"] as const).map((f) => ({
      "@type": "DataDownload",
      encodingFormat: MEDIA_TYPES[f],
      contentUrl: `${siteUrl}${exportPath(head, f)}`,
    })),
  };
}

function jsonLdOrganization(o: OpenOrganization, siteUrl: string) {
  return {
    "@type": "Organization",
    "@id": organizationId(siteUrl, o.slug),
    url: o.url,
    name: o.name.en,
    ...(o.name.zh ? { alternateName: o.name.zh } : {}),
    ...(o.founded ? { foundingDate: o.founded.iso } : {}),
    sameAs: sameAs(o.website, wikidataUrl(o.wikidataId)),
  };
}

/** An institution with its roles in the organizations: `memberships` are its own, in the dataset's order. */
function jsonLdInstitution(i: OpenInstitution, memberships: readonly OpenMembership[], siteUrl: string) {
  return {
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
    sameAs: sameAs(i.website, i.rorId ? `https://ror.org/${i.rorId}` : null, wikidataUrl(i.wikidataId)),
    // One role per period (a member that left and rejoined holds it twice, each with its own dates).
    memberOf: memberships.flatMap((m) =>
      m.periods.map((p) => ({
        "@type": "OrganizationRole",
        roleName: m.role,
        ...(p.joined ? { startDate: p.joined.iso } : {}),
        ...(p.ended ? { endDate: p.ended.iso } : {}),
        memberOf: { "@id": organizationId(siteUrl, m.organization.slug) },
      })),
    ),
  };
}

/** Memberships by their institution's slug, each list in the order given. */
function byInstitution(memberships: readonly OpenMembership[]): Map<string, OpenMembership[]> {
  const held = new Map<string, OpenMembership[]>();
  for (const m of memberships) {
    const list = held.get(m.institution.slug);
    if (list) list.push(m);
    else held.set(m.institution.slug, [m]);
  }
  return held;
}

const jsonLdDocument = <G>(graph: G) => ({ "@context": "https://schema.org", "@graph": graph });

/** schema.org Dataset (with its licence) whose graph holds the organizations and the institutions' roles in them. */
export function toJsonLdDocument(d: OpenDataset, siteUrl: string) {
  const held = byInstitution(d.memberships);
  return jsonLdDocument([
    jsonLdDataset(headOf(d), siteUrl),
    ...d.organizations.map((o) => jsonLdOrganization(o, siteUrl)),
    ...d.institutions.map((i) => jsonLdInstitution(i, held.get(i.slug) ?? [], siteUrl)),
  ]);
}

async function* jsonLdGraph(source: OpenDatasetBatches, head: DatasetHead, siteUrl: string) {
  yield [jsonLdDataset(head, siteUrl)];
  for await (const batch of source.organizations()) yield batch.map((o) => jsonLdOrganization(o, siteUrl));
  for await (const { institutions, memberships } of source.institutionsWithMemberships()) {
    const held = byInstitution(memberships);
    yield institutions.map((i) => jsonLdInstitution(i, held.get(i.slug) ?? [], siteUrl));
  }
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

/** A membership as a QuickStatements line takes it: the current period, the earlier ones, their sources. */
function qsMembership(m: OpenMembership): QsMembership {
  return {
    institutionQid: m.institution.wikidataId,
    organizationQid: m.organization.wikidataId,
    role: m.role,
    joined: m.joined,
    ended: m.ended,
    references: [m.source?.url ?? null, m.sides.organization?.source?.url ?? null],
    formerPeriods: m.periods
      .filter((p) => !p.current)
      .map((p) => ({ joined: p.joined, ended: p.ended, references: [p.source?.url ?? null] })),
  };
}

export function renderQuickStatements(d: OpenDataset): string {
  return toQuickStatements(d.memberships.map(qsMembership));
}

/** The memberships read once per group of the file's order; only those with a Wikidata item on both sides. */
async function* quickStatementsChunks(source: OpenDatasetBatches): AsyncGenerator<string> {
  for (const group of PERIOD_GROUPS)
    for await (const batch of source.memberships({ ...group, bothOnWikidata: true })) {
      const text = quickStatementsOf(batch.map(qsMembership), group);
      if (text) yield text;
    }
}

/** The whole registry's files: the downloads at /api/v1/export/{name}, and every release. */
export const DATASET_FILES = [
  "dataset.csv",
  "organizations.csv",
  "institutions.csv",
  "dataset.json",
  "dataset.jsonld",
  "wikidata.qs",
] as const;
export type DatasetFile = (typeof DATASET_FILES)[number];

export const isDatasetFile = (name: string): name is DatasetFile => (DATASET_FILES as readonly string[]).includes(name);

/** The file's format: its extension, a key of MEDIA_TYPES. */
export const datasetFileFormat = (file: DatasetFile) =>
  file.slice(file.lastIndexOf(".") + 1) as keyof typeof MEDIA_TYPES;

/**
 * A whole-registry file a batch at a time: the same bytes as renderExport (or renderQuickStatements) of the whole
 * dataset loaded at once. Each batch is read when the previous one's text has been taken.
 */
export function datasetFileChunks(
  source: OpenDatasetBatches,
  file: DatasetFile,
  siteUrl: string,
): AsyncGenerator<string> {
  const head: DatasetHead = { scope: { kind: "all" }, ...source.summary };
  switch (file) {
    case "dataset.csv":
      return tableCsvChunks(MEMBERSHIPS_TABLE, source.memberships());
    case "organizations.csv":
      return tableCsvChunks(ORGANIZATIONS_TABLE, source.organizations());
    case "institutions.csv":
      return tableCsvChunks(INSTITUTIONS_TABLE, source.institutions());
    case "dataset.json": {
      const skeleton = jsonDocument(head, siteUrl, {
        organizations: jsonSlot("organizations"),
        institutions: jsonSlot("institutions"),
        memberships: jsonSlot("memberships"),
      });
      return jsonChunks(skeleton, {
        organizations: () => source.organizations(),
        institutions: () => source.institutions(),
        memberships: () => source.memberships(),
      });
    }
    case "dataset.jsonld":
      return jsonChunks(jsonLdDocument(jsonSlot("graph")), { graph: () => jsonLdGraph(source, head, siteUrl) });
    case "wikidata.qs":
      return quickStatementsChunks(source);
  }
}
