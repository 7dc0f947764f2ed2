import "server-only";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "../env";
import type { OpenDataset } from "../data/open/datasets";
import { LICENSE } from "./license";
import type { ReleaseManifest } from "../shared/types/open-data";
import { toDataPackage } from "./datapackage";
import { MEDIA_TYPES, releaseFiles } from "./formats";

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

/** Write (or replace) the release of `date`: every file plus manifest.json with counts and SHA-256 sums. */
export function writeRelease(dataset: OpenDataset, siteUrl: string, date: string, now = new Date()): ReleaseManifest {
  if (!DATE.test(date)) throw new RangeError(`A release date is YYYY-MM-DD, not "${date}".`);
  const files = releaseFiles(dataset, siteUrl);
  const sums = Object.fromEntries(
    Object.entries(files).map(([name, text]) => [
      name,
      { bytes: Buffer.byteLength(text), sha256: createHash("sha256").update(text).digest("hex") },
    ]),
  );
  // Frozen with the release, so its sizes and hashes hold for as long as the release is served.
  const descriptor = toDataPackage({
    siteUrl,
    filesUrl: `${siteUrl}/api/v1/releases/${date}`,
    created: now.toISOString(),
    version: date,
    files: sums,
  });
  files["datapackage.json"] = `${JSON.stringify(descriptor, null, 2)}\n`;
  const manifest: ReleaseManifest = {
    date,
    createdAt: now.toISOString(),
    license: LICENSE,
    counts: {
      organizations: dataset.organizations.length,
      institutions: dataset.institutions.length,
      memberships: dataset.memberships.length,
    },
    files: Object.entries(files).map(([name, text]) => ({
      name,
      bytes: Buffer.byteLength(text),
      sha256: createHash("sha256").update(text).digest("hex"),
      mediaType: mediaType(name),
    })),
  };
  // Written next to the final folder and renamed into place, so a reader never sees half a release.
  const dir = path.join(releasesDir(), date);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(tmp, name), text);
  writeFileSync(path.join(tmp, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return manifest;
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
