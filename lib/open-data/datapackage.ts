import { CREDITS, DIRECTORY_CREDIT } from "./credits";
import { LICENSE } from "./license";
import { CSV_TABLES, type Column, type CsvTable } from "./tables";

// The Frictionless Data Package descriptor (Tabular Data Package v1) of the dataset's CSV files: the live
// dataset's at /api/v1/export/datapackage.json, and each dated release's, written with the release.

export const DATA_PACKAGE_PROFILE = "tabular-data-package";

/** Where the CSV files are, and what is known about the files (a release's are frozen: sizes and hashes hold). */
export type DataPackageOptions = {
  siteUrl: string;
  /** The folder the CSV files are served from: /api/v1/export, or /api/v1/releases/{date}. */
  filesUrl: string;
  /** When the package was made: the data's last change for the live dataset, the release's creation time. */
  created: string;
  /** The release date, for a release. */
  version?: string;
  /**
   * The files' sizes and SHA-256 hashes, for a release. The live dataset's files change with every approval, so a
   * hash given now would fail a reader's check after the next one: its descriptor gives none.
   */
  files?: Record<string, { bytes: number; sha256: string }>;
};

function field<Row>(c: Column<Row>) {
  return {
    name: c.name,
    type: c.type,
    format: c.format ?? "default",
    description: c.description,
    ...(c.constraints ? { constraints: { ...c.constraints } } : {}),
  };
}

/** The table's Table Schema: its fields in file order, the primary key and the keys into the other tables. */
export function tableSchema<Row>(table: CsvTable<Row>) {
  return {
    fields: table.columns.map(field),
    missingValues: [""],
    primaryKey: table.primaryKey,
    ...(table.foreignKeys
      ? { foreignKeys: table.foreignKeys.map((k) => ({ ...k, reference: { ...k.reference } })) }
      : {}),
  };
}

const DIRECTORY_LICENSE = {
  name: DIRECTORY_CREDIT.license,
  path: DIRECTORY_CREDIT.licenseUrl,
  title:
    `MIT, for ${DIRECTORY_CREDIT.covers}: the ${DIRECTORY_CREDIT.name}, ${DIRECTORY_CREDIT.copyright}` +
    " (the notice must travel with copies of that part)",
};

export function toDataPackage(options: DataPackageOptions) {
  const { siteUrl, filesUrl, created, version, files } = options;
  return {
    profile: DATA_PACKAGE_PROFILE,
    name: "alliance-atlas",
    id: `${filesUrl}/datapackage.json`,
    title: version
      ? `Alliance Atlas: university alliances and memberships (release of ${version})`
      : "Alliance Atlas: university alliances and memberships",
    description:
      "Who founded which international university alliances, networks and consortia, and which institutions " +
      "joined them when and in which role, each with its source. Dates carry the precision their source gives.",
    homepage: `${siteUrl}/en/data`,
    ...(version ? { version } : {}),
    created,
    keywords: ["universities", "higher education", "alliances", "networks", "consortia", "memberships"],
    licenses: [{ name: LICENSE.id, path: LICENSE.url, title: LICENSE.name }, DIRECTORY_LICENSE],
    sources: [
      ...CREDITS.map((c) => ({ title: `${c.name} (${c.publisher}, ${c.license})`, path: c.url })),
      {
        title: "The organizations' and institutions' own published statements, cited row by row (source_url)",
        path: `${siteUrl}/en/data`,
      },
    ],
    contributors: [
      { title: "Alliance Atlas", role: "publisher", path: siteUrl },
      ...CREDITS.map((c) => ({ title: c.publisher, role: "author", path: c.url })),
    ],
    resources: CSV_TABLES.map((table) => {
      const file = files?.[table.file];
      return {
        profile: "tabular-data-resource",
        name: table.resource,
        path: `${filesUrl}/${table.file}`,
        title: table.title,
        description: table.description,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        ...(file ? { bytes: file.bytes, hash: `sha256:${file.sha256}` } : {}),
        dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true },
        schema: tableSchema(table),
      };
    }),
  };
}

export type DataPackage = ReturnType<typeof toDataPackage>;
