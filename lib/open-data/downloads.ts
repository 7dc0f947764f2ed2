import { getOpenDataModifiedAt, getOpenDataset, type SliceScope } from "../data/open/datasets";
import {
  DATASET_BATCH_SIZE,
  getOpenDatasetSummary,
  openDatasetBatches,
  type DatasetBatchSizes,
} from "../data/open/dataset-batches";
import { env } from "../env";
import { buildId } from "../http/build-id";
import { NotFoundError, ValidationError } from "../shared/errors";
import { isSlug } from "../shared/slug";
import { parseExportFile } from "../validation/api";
import { datasetFileChunks, datasetFileFormat, isDatasetFile, MEDIA_TYPES, renderExport } from "./formats";
import { strongEtag, type ApiBody } from "./http";
import { LICENSE_LINK_HEADER } from "./license";
import { toDataPackage } from "./datapackage";
import { toDcatCatalog } from "./catalog";
import { listReleases } from "./releases";

// The download endpoints (/api/v1/export/…): which file a name means, and its headers.

/** What a download's query asks for beyond the file: a byte-order mark before a CSV, for Excel. */
export type DownloadOptions = { bom?: boolean };

const BOM = "\uFEFF";

function refuseBom(contentType: string, options: DownloadOptions) {
  if (options.bom && contentType !== MEDIA_TYPES.csv)
    throw new ValidationError("bom=1 applies to CSV files only.", { bom: ["bom=1 applies to CSV files only."] });
}

const attachment = (filename: string) => ({
  "Content-Disposition": `attachment; filename="${filename}"`,
  Link: LICENSE_LINK_HEADER,
});

function download(text: string, contentType: string, filename: string, options: DownloadOptions = {}): ApiBody {
  refuseBom(contentType, options);
  return { text: options.bom ? BOM + text : text, contentType, headers: attachment(filename) };
}

const unknownFile = (path: string) =>
  new NotFoundError(
    `There is no download at ${path}: use dataset.csv, dataset.json, dataset.jsonld, organizations.csv, ` +
      "institutions.csv, wikidata.qs, datapackage.json, catalog.jsonld, or " +
      "organizations/{slug}.{csv|json|jsonld} and institutions/{slug}.{csv|json|jsonld}.",
  );

async function* withBom(bom: boolean | undefined, chunks: AsyncIterable<string>): AsyncGenerator<string> {
  if (bom) yield BOM;
  yield* chunks;
}

/**
 * /api/v1/export/{file}: the whole dataset, streamed a batch at a time (`batchSize` rows; tests take a few). Its
 * ETag is the data's version (the last change and the counts, which a deletion changes) with the file, its options,
 * the site's address the records' links name and the build (a deploy may write the same data differently): the
 * same for as long as the bytes are.
 */
export async function datasetDownload(
  file: string,
  options: DownloadOptions = {},
  batchSize: number | DatasetBatchSizes = DATASET_BATCH_SIZE,
): Promise<ApiBody> {
  if (!isDatasetFile(file)) throw unknownFile(`/api/v1/export/${file}`);
  const contentType = MEDIA_TYPES[datasetFileFormat(file)];
  refuseBom(contentType, options);
  const siteUrl = env().SITE_URL.replace(/\/$/, "");
  const summary = await getOpenDatasetSummary();
  const batches = openDatasetBatches(summary, batchSize);
  const version = { file, bom: Boolean(options.bom), siteUrl, build: buildId(), ...summary };
  return {
    chunks: () => withBom(options.bom, datasetFileChunks(batches, file, siteUrl)),
    etag: strongEtag(JSON.stringify(version)),
    contentType,
    headers: attachment(file === "wikidata.qs" ? "alliance-atlas-wikidata.qs.txt" : `alliance-atlas-${file}`),
  };
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
  const scope: SliceScope = { kind, slug: parsed.name };
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
