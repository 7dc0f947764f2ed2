import type { ReleaseManifest } from "../shared/types/open-data";
import { DIRECTORY_CREDIT } from "./credits";
import { LICENSE } from "./license";

// The open data described for data catalogues (W3C DCAT 3, in JSON-LD): the catalog, its dataset with one
// distribution per download and one for the read API, and each dated release as a version of the dataset.
// Served at /api/v1/export/catalog.jsonld and embedded in /data.

export const CATALOG_PATH = "/api/v1/export/catalog.jsonld";

const CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  spdx: "http://spdx.org/rdf/terms#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
} as const;

const iri = (id: string) => ({ "@id": id });
const dateTime = (value: string) => ({ "@value": value, "@type": "xsd:dateTime" });
// DCAT's dcat:mediaType takes the IANA register's entry for the type (without parameters such as charset).
const mediaType = (type: string) => iri(`http://www.iana.org/assignments/media-types/${type.split(";")[0]!.trim()}`);

/** The downloads of the live dataset, each a distribution of it. */
const DOWNLOADS = [
  { file: "datapackage.json", title: "Data package descriptor (Frictionless)", type: "application/json" },
  { file: "dataset.csv", title: "Memberships (CSV)", type: "text/csv" },
  { file: "organizations.csv", title: "Organizations (CSV)", type: "text/csv" },
  { file: "institutions.csv", title: "Institutions (CSV)", type: "text/csv" },
  { file: "dataset.json", title: "The whole dataset (JSON)", type: "application/json" },
  { file: "dataset.jsonld", title: "The whole dataset (schema.org JSON-LD)", type: "application/ld+json" },
  { file: "wikidata.qs", title: "Memberships as QuickStatements for Wikidata", type: "text/plain" },
] as const;

const FRICTIONLESS_DATA_PACKAGE = "https://specs.frictionlessdata.io/tabular-data-package/";
const OPENAPI_31 = "https://spec.openapis.org/oas/v3.1.0";

export type CatalogOptions = { siteUrl: string; modifiedAt: string; releases: readonly ReleaseManifest[] };

function license() {
  return { "@id": LICENSE.url, "@type": "dct:LicenseDocument", "dct:title": LICENSE.name };
}

function distribution(url: string, title: string, type: string, extra: Record<string, unknown> = {}) {
  return {
    "@type": "dcat:Distribution",
    "dct:title": title,
    "dcat:accessURL": iri(url),
    "dcat:downloadURL": iri(url),
    "dcat:mediaType": mediaType(type),
    "dct:license": iri(LICENSE.url),
    ...(url.endsWith("/datapackage.json") ? { "dct:conformsTo": iri(FRICTIONLESS_DATA_PACKAGE) } : {}),
    ...extra,
  };
}

function releaseDataset(siteUrl: string, r: ReleaseManifest) {
  const folder = `${siteUrl}/api/v1/releases/${r.date}`;
  return {
    "@id": `${folder}/`,
    "@type": "dcat:Dataset",
    "dct:title": `Alliance Atlas: release of ${r.date}`,
    "dcat:version": r.date,
    "dct:issued": dateTime(r.createdAt),
    "dct:license": iri(r.license.url),
    "dcat:distribution": r.files.map((f) =>
      distribution(`${folder}/${f.name}`, f.name, f.mediaType, {
        "dcat:byteSize": { "@value": String(f.bytes), "@type": "xsd:nonNegativeInteger" },
        "spdx:checksum": {
          "@type": "spdx:Checksum",
          "spdx:algorithm": iri("http://spdx.org/rdf/terms#checksumAlgorithm_sha256"),
          "spdx:checksumValue": { "@value": f.sha256, "@type": "xsd:hexBinary" },
        },
      }),
    ),
  };
}

export function toDcatCatalog({ siteUrl, modifiedAt, releases }: CatalogOptions) {
  const publisher = { "@id": siteUrl, "@type": "foaf:Organization", "foaf:name": "Alliance Atlas" };
  const api = {
    "@id": `${siteUrl}/api/v1`,
    "@type": "dcat:DataService",
    "dct:title": "Alliance Atlas read API",
    "dcat:endpointURL": iri(`${siteUrl}/api/v1`),
    "dcat:endpointDescription": iri(`${siteUrl}/api/v1/openapi.json`),
    "dct:conformsTo": iri(OPENAPI_31),
    "dct:license": iri(LICENSE.url),
    "dcat:servesDataset": iri(`${siteUrl}/en/data`),
  };
  return {
    "@context": CONTEXT,
    "@id": `${siteUrl}${CATALOG_PATH}`,
    "@type": "dcat:Catalog",
    "dct:title": "Alliance Atlas open data",
    "dct:description": "The registry of international university alliances, as files and as an API.",
    "dct:publisher": publisher,
    "dct:license": license(),
    "dct:modified": dateTime(modifiedAt),
    "foaf:homepage": iri(`${siteUrl}/en/data`),
    "dcat:service": [api],
    "dcat:dataset": [
      {
        "@id": `${siteUrl}/en/data`,
        "@type": "dcat:Dataset",
        "dct:title": "Alliance Atlas: university alliances and memberships",
        "dct:description":
          "Who founded which international university alliances, networks and consortia, and which institutions " +
          "joined them when and in which role, each with its source.",
        "dcat:keyword": ["universities", "higher education", "alliances", "consortia", "memberships"],
        "dct:publisher": iri(siteUrl),
        "dct:license": iri(LICENSE.url),
        "dct:modified": dateTime(modifiedAt),
        "dcat:landingPage": iri(`${siteUrl}/en/data`),
        "dct:rights":
          `CC0 1.0, except ${DIRECTORY_CREDIT.covers}, from the ${DIRECTORY_CREDIT.name}, ` +
          `${DIRECTORY_CREDIT.copyright}, under the MIT licence.`,
        "dct:source": {
          "@id": DIRECTORY_CREDIT.url,
          "@type": "dcat:Dataset",
          "dct:title": DIRECTORY_CREDIT.name,
          "dct:rightsHolder": { "@type": "foaf:Organization", "foaf:name": DIRECTORY_CREDIT.publisher },
          "dct:rights": DIRECTORY_CREDIT.copyright,
          "dct:license": iri(DIRECTORY_CREDIT.licenseUrl),
        },
        "dcat:distribution": [
          ...DOWNLOADS.map((d) => distribution(`${siteUrl}/api/v1/export/${d.file}`, d.title, d.type)),
          {
            "@type": "dcat:Distribution",
            "dct:title": "Read API (JSON)",
            "dcat:accessURL": iri(`${siteUrl}/api/v1`),
            "dcat:accessService": iri(`${siteUrl}/api/v1`),
            "dcat:mediaType": mediaType("application/json"),
            "dct:license": iri(LICENSE.url),
          },
        ],
        "dcat:hasVersion": releases.map((r) => releaseDataset(siteUrl, r)),
      },
    ],
  };
}
