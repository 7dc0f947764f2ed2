import { getOpenDataModifiedAt, getOpenDataset, type DatasetScope } from "../data/open/datasets";
import { env } from "../env";
import { NotFoundError, ValidationError } from "../shared/errors";
import { isSlug } from "../shared/slug";
import { EXPORT_TABLES, parseExportFile, type ExportTable } from "../validation/api";
import { MEDIA_TYPES, renderExport, renderQuickStatements } from "./formats";
import type { ApiBody } from "./http";
import { LICENSE_LINK_HEADER } from "./license";
import { toDataPackage } from "./datapackage";
import { toDcatCatalog } from "./catalog";
import { listReleases } from "./releases";

// The download endpoints (/api/v1/export/…): which file a name means, and its headers.

/** What a download's query asks for beyond the file: a byte-order mark before a CSV, for Excel. */
export type DownloadOptions = { bom?: boolean };

const BOM = "\uFEFF";

function download(text: string, contentType: string, filename: string, options: DownloadOptions = {}): ApiBody {
  if (options.bom && contentType !== MEDIA_TYPES.csv)
    throw new ValidationError("bom=1 applies to CSV files only.", { bom: ["bom=1 applies to CSV files only."] });
  return {
    text: options.bom ? BOM + text : text,
    contentType,
    headers: { "Content-Disposition": `attachment; filename="${filename}"`, Link: LICENSE_LINK_HEADER },
  };
}

const unknownFile = (path: string) =>
  new NotFoundError(
    `There is no download at ${path}: use dataset.csv, dataset.json, dataset.jsonld, organizations.csv, ` +
      "institutions.csv, wikidata.qs, datapackage.json, catalog.jsonld, or " +
      "organizations/{slug}.{csv|json|jsonld} and institutions/{slug}.{csv|json|jsonld}.",
  );

/** /api/v1/export/{file}: the whole dataset. */
export async function datasetDownload(file: string, options: DownloadOptions = {}): Promise<ApiBody> {
  const siteUrl = env().SITE_URL.replace(/\/$/, "");
  if (file === "wikidata.qs")
    return download(
      renderQuickStatements(await getOpenDataset({ kind: "all" })),
      MEDIA_TYPES.qs,
      "alliance-atlas-wikidata.qs.txt",
      options,
    );
  const parsed = parseExportFile(file);
  const table =
    parsed && (EXPORT_TABLES as readonly string[]).includes(parsed.name) ? (parsed.name as ExportTable) : null;
  if (!parsed || !table) throw unknownFile(`/api/v1/export/${file}`);
  const text = renderExport(await getOpenDataset({ kind: "all" }), table, parsed.format, siteUrl);
  if (text === null) throw unknownFile(`/api/v1/export/${file}`);
  return download(text, MEDIA_TYPES[parsed.format], `alliance-atlas-${file}`, options);
}

/** /api/v1/export/{organizations|institutions}/{slug}.{format}: one record's slice. */
export async function sliceDownload(
  scopeName: "organizations" | "institutions",
  file: string,
  options: DownloadOptions = {},
): Promise<ApiBody> {
  const siteUrl = env().SITE_URL.replace(/\/$/, "");
  const parsed = parseExportFile(file);
  const kind = scopeName === "organizations" ? "organization" : "institution";
  if (!parsed || !isSlug(parsed.name)) throw unknownFile(`/api/v1/export/${scopeName}/${file}`);
  const scope: DatasetScope = { kind, slug: parsed.name };
  const text = renderExport(await getOpenDataset(scope), "dataset", parsed.format, siteUrl)!;
  return download(text, MEDIA_TYPES[parsed.format], `alliance-atlas-${kind}-${file}`, options);
}

/** /api/v1/export/datapackage.json: the live dataset's Frictionless data package descriptor, shown in place. */
export async function dataPackageDescriptor(): Promise<ApiBody> {
  const siteUrl = env().SITE_URL.replace(/\/$/, "");
  const descriptor = toDataPackage({
    siteUrl,
    filesUrl: `${siteUrl}/api/v1/export`,
    created: await getOpenDataModifiedAt(),
  });
  return {
    text: `${JSON.stringify(descriptor, null, 2)}\n`,
    contentType: MEDIA_TYPES.json,
    headers: { Link: LICENSE_LINK_HEADER },
  };
}

/** /api/v1/export/catalog.jsonld: the DCAT catalog of the open data (also embedded in /data). */
export async function dcatCatalog(): Promise<ApiBody> {
  const siteUrl = env().SITE_URL.replace(/\/$/, "");
  const catalog = toDcatCatalog({ siteUrl, modifiedAt: await getOpenDataModifiedAt(), releases: listReleases() });
  return {
    text: `${JSON.stringify(catalog, null, 2)}\n`,
    contentType: MEDIA_TYPES.jsonld,
    headers: { Link: LICENSE_LINK_HEADER },
  };
}
