import "server-only";
import { createHash } from "node:crypto";
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { env } from "../env";
import type { OpenDatasetBatches } from "../data/open/dataset-batches";
import { LICENSE } from "./license";
import type { ReleaseManifest } from "../shared/types/open-data";
import { toDataPackage } from "./datapackage";
import { CSV_TABLES } from "./tables";
import { DATASET_FILES, datasetFileChunks, MEDIA_TYPES } from "./formats";
import type { ApiBody } from "./http";

// Dated snapshots of the open data, written by `npm run data:release` into RELEASES_DIR (outside the
// committed sources) and served by /api/v1/releases/{date}/{file}.

export type { ReleaseManifest };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FILE = /^[a-z0-9-]+\.(csv|json|jsonld|qs)$/;

export function releasesDir(): string {
  return path.resolve(env().RELEASES_DIR);
}

function mediaType(name: string): string {
  const ext = name.split(".").pop() as keyof typeof MEDIA_TYPES;
  return MEDIA_TYPES[ext] ?? "application/octet-stream";
}

function releaseDataPackage(
  siteUrl: string,
  date: string,
  createdAt: string,
  files: Record<string, { bytes: number; sha256: string }>,
): string {
  const filesUrl = `${siteUrl}/api/v1/releases/${date}`;
  return `${JSON.stringify(toDataPackage({ siteUrl, filesUrl, created: createdAt, version: date, files }), null, 2)}\n`;
}

/** Write a file from its chunks as they come, hashing and counting its bytes on the way. */
async function writeChunks(file: string, chunks: AsyncIterable<string>): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  let bytes = 0;
  await pipeline(
    chunks,
    async function* (texts: AsyncIterable<string>) {
      for await (const text of texts) {
        const buffer = Buffer.from(text, "utf8");
        hash.update(buffer);
        bytes += buffer.length;
        yield buffer;
      }
    },
    createWriteStream(file),
  );
  return { bytes, sha256: hash.digest("hex") };
}

/**
 * Write (or replace) the release of `date`: every file plus manifest.json with counts and SHA-256 sums. The files
 * are the downloads' streams written to disk, so the whole dataset is never held at once.
 */
export async function writeRelease(
  dataset: OpenDatasetBatches,
  siteUrl: string,
  date: string,
  now = new Date(),
): Promise<ReleaseManifest> {
  if (!DATE.test(date)) throw new RangeError(`A release date is YYYY-MM-DD, not "${date}".`);
  // Written next to the final folder and renamed into place, so a reader never sees half a release.
  const dir = path.join(releasesDir(), date);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    const sums: Record<string, { bytes: number; sha256: string }> = {};
    for (const name of DATASET_FILES)
      sums[name] = await writeChunks(path.join(tmp, name), datasetFileChunks(dataset, name, siteUrl));
    // Frozen with the release, so its sizes and hashes hold for as long as the release is served.
    const dataPackage = releaseDataPackage(siteUrl, date, now.toISOString(), sums);
    writeFileSync(path.join(tmp, "datapackage.json"), dataPackage);
    sums["datapackage.json"] = {
      bytes: Buffer.byteLength(dataPackage),
      sha256: createHash("sha256").update(dataPackage).digest("hex"),
    };
    const manifest: ReleaseManifest = {
      date,
      createdAt: now.toISOString(),
      license: LICENSE,
      counts: { ...dataset.summary.counts },
      files: Object.entries(sums).map(([name, sum]) => ({ name, ...sum, mediaType: mediaType(name) })),
    };
    writeFileSync(path.join(tmp, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    return manifest;
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** Every release, newest first (folders without a readable manifest are skipped). */
export function listReleases(): ReleaseManifest[] {
  let entries: string[];
  try {
    entries = readdirSync(releasesDir());
  } catch {
    return [];
  }
  return entries
    .filter((d) => DATE.test(d))
    .sort()
    .reverse()
    .flatMap((d) => {
      try {
        return [JSON.parse(readFileSync(path.join(releasesDir(), d, "manifest.json"), "utf8")) as ReleaseManifest];
      } catch {
        return [];
      }
    });
}

/** A release's file, or null when the date or name is not one of a release's files. */
export function readReleaseFile(date: string, name: string): { text: string; mediaType: string } | null {
  if (!DATE.test(date) || !(name === "manifest.json" || FILE.test(name))) return null;
  const file = path.join(releasesDir(), date, name);
  if (name === "datapackage.json" && !existsSync(file)) {
    const text = lateDataPackage(date);
    return text === null ? null : { text, mediaType: MEDIA_TYPES.json };
  }
  try {
    if (!statSync(file).isFile()) return null;
    return {
      text: readFileSync(file, "utf8"),
      mediaType: name === "manifest.json" ? MEDIA_TYPES.json : mediaType(name),
    };
  } catch {
    return null;
  }
}

/**
 * A release's file for the API, or null as readReleaseFile. A file its manifest lists, unchanged since (the size the
 * manifest gives, written no later than it), is streamed from disk with the manifest's SHA-256 as its ETag, what
 * hashing the text would give: at world scale dataset.json is over a GB, past what one string can hold. Anything else
 * (the manifest, a data package made late, a file changed by hand) is read whole, as before.
 */
export function releaseFileBody(date: string, name: string, headers: Record<string, string>): ApiBody | null {
  if (DATE.test(date) && FILE.test(name)) {
    const dir = path.join(releasesDir(), date);
    const file = path.join(dir, name);
    try {
      const manifestFile = path.join(dir, "manifest.json");
      const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as ReleaseManifest;
      const listed = manifest.files.find((f) => f.name === name);
      const stat = statSync(file);
      if (listed && stat.isFile() && stat.size === listed.bytes && stat.mtimeMs <= statSync(manifestFile).mtimeMs)
        return {
          // Bytes, not text: what is sent is what the manifest hashed, with nothing decoded and encoded again.
          chunks: () => createReadStream(file),
          etag: `"${Buffer.from(listed.sha256, "hex").toString("base64url")}"`,
          contentType: mediaType(name),
          // Its size is known: a client can show progress and tell a download cut short from a whole one.
          headers: { ...headers, "Content-Length": String(stat.size) },
        };
    } catch {
      // No readable manifest or file: read as before (which says whether there is one).
    }
  }
  const found = readReleaseFile(date, name);
  return found && { text: found.text, contentType: found.mediaType, headers };
}

/** The first line of a file (its CSV header), reading no more than the start of it. */
function firstLine(file: string): string {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(8192);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString("utf8").split("\r\n")[0] ?? "";
  } finally {
    closeSync(fd);
  }
}

/**
 * The data package of a release written before releases carried one, made from its manifest (sizes and hashes
 * included) — only when its CSV files have exactly the columns described today: a schema that did not fit the
 * files would mislead. Otherwise null (the release has no data package).
 */
function lateDataPackage(date: string): string | null {
  const dir = path.join(releasesDir(), date);
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as ReleaseManifest;
    for (const table of CSV_TABLES)
      if (firstLine(path.join(dir, table.file)) !== table.columns.map((c) => c.name).join(",")) return null;
    const files = Object.fromEntries(manifest.files.map((f) => [f.name, { bytes: f.bytes, sha256: f.sha256 }]));
    return releaseDataPackage(env().SITE_URL.replace(/\/$/, ""), date, manifest.createdAt, files);
  } catch {
    return null;
  }
}
