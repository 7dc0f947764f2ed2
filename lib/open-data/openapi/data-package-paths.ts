import { common, etagHeader, json, ref } from "./builders";

/** The operations that describe the open data itself: the data package descriptor and the DCAT catalog. */
export const dataPackagePaths = {
  "/export/datapackage.json": {
    get: {
      tags: ["downloads"],
      operationId: "getDataPackage",
      summary: "The Frictionless data package descriptor of the CSV files (Tabular Data Package).",
      description:
        "One resource per CSV file at its absolute URL, each with its Table Schema: the columns' types, formats and " +
        "constraints (allowed values, patterns), the primary key and the foreign keys between the files. Dates are " +
        "strings holding YYYY, YYYY-MM or YYYY-MM-DD (the precision the source gives, in the column beside). " +
        "Licences: CC0 1.0, and MIT for the directory's part. The live files change with each approval, so this " +
        "descriptor gives no sizes or hashes; each release's `datapackage.json` does.",
      responses: {
        "200": { description: "The descriptor.", headers: etagHeader, content: json(ref("DataPackage")) },
        ...common,
      },
    },
  },
  "/export/catalog.jsonld": {
    get: {
      tags: ["downloads"],
      operationId: "getDcatCatalog",
      summary: "The DCAT catalog of the open data (JSON-LD), as embedded in /data.",
      description:
        "A dcat:Catalog whose dcat:Dataset has one dcat:Distribution per download and one for this API " +
        "(a dcat:DataService described by this document), and each release as a version (dcat:hasVersion).",
      responses: {
        "200": {
          description: "The catalog.",
          headers: etagHeader,
          content: { "application/ld+json": { schema: ref("DcatCatalog") } },
        },
        ...common,
      },
    },
  },
} as const;
