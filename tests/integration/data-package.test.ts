// The data package and the DCAT catalog on the seeded database (the world's universities from the directory
// included): the Frictionless team's libraries validate the live descriptor and a release's, reading every row of
// every CSV as its Table Schema says, with the foreign keys; jsonld expands the catalog with the release in it.
// The files are served on loopback at the URLs the descriptors give, as the site serves them.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import jsonld from "jsonld";
import { afterAll, describe, expect, it } from "vitest";
import { checkDataPackage, serveFiles } from "../support/data-package";

const releasesDir = mkdtempSync(path.join(os.tmpdir(), "atlas-datapackage-"));
let files: Record<string, string> = {};
const server = await serveFiles(() => files);
process.env.RELEASES_DIR = releasesDir;
process.env.SITE_URL = server.url;
const site = server.url;

const { loadOpenDataset } = await import("@/lib/data/open/datasets");
const { loadOpenDatasetSummary, openDatasetBatches } = await import("@/lib/data/open/dataset-batches");
const { dataPackageDescriptor, dcatCatalog } = await import("@/lib/open-data/downloads");
const { renderExport } = await import("@/lib/open-data/formats");
const { readReleaseFile, writeRelease } = await import("@/lib/open-data/releases");
const { db } = await import("@/lib/data/db");

afterAll(async () => {
  await server.close();
  rmSync(releasesDir, { recursive: true, force: true });
  await db().$disconnect();
});

const textOf = (body: Awaited<ReturnType<typeof dataPackageDescriptor>>) => ("text" in body ? body.text : "");
const RELEASE = "2026-11-29";

describe("the live data package", () => {
  it("validates, and every row of the three CSV files conforms to its schema, foreign keys included", async () => {
    const d = await loadOpenDataset({ kind: "all" });
    files = {};
    for (const table of ["dataset", "organizations", "institutions"] as const)
      files[`/api/v1/export/${table}.csv`] = renderExport(d, table, "csv", site)!;
    const descriptor = JSON.parse(textOf(await dataPackageDescriptor()));
    expect(descriptor.created).toBe(d.modifiedAt);
    const report = await checkDataPackage(descriptor);
    expect(report.descriptorErrors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.rowErrors).toEqual({ organizations: [], institutions: [], memberships: [] });
    expect(report.rowCounts).toEqual({
      organizations: d.organizations.length,
      institutions: d.institutions.length,
      memberships: d.memberships.length,
    });
    // The seed's dates come at every precision: the pattern holds all three.
    const joined = new Set(d.memberships.map((m) => m.joined?.precision).filter(Boolean));
    expect([...joined].sort()).toEqual(["DAY", "MONTH", "YEAR"]);
  });
});

describe("a release's data package", () => {
  it("is written with the release, loads from its URL and validates; its sizes and hashes are the files'", async () => {
    const manifest = await writeRelease(openDatasetBatches(await loadOpenDatasetSummary()), site, RELEASE);
    expect(manifest.files.map((f) => f.name)).toContain("datapackage.json");
    files = Object.fromEntries(
      manifest.files.map((f) => [`/api/v1/releases/${RELEASE}/${f.name}`, readReleaseFile(RELEASE, f.name)!.text]),
    );
    const url = `${site}/api/v1/releases/${RELEASE}/datapackage.json`;
    const report = await checkDataPackage(url);
    expect(report.descriptorErrors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.rowErrors).toEqual({ organizations: [], institutions: [], memberships: [] });
    expect(report.rowCounts.memberships).toBe(manifest.counts.memberships);

    const descriptor = JSON.parse(files[`/api/v1/releases/${RELEASE}/datapackage.json`]!) as {
      version: string;
      resources: { path: string; bytes: number; hash: string }[];
    };
    expect(descriptor.version).toBe(RELEASE);
    for (const resource of descriptor.resources) {
      const text = files[new URL(resource.path).pathname]!;
      expect(resource.bytes, resource.path).toBe(Buffer.byteLength(text));
      expect(resource.hash, resource.path).toBe(`sha256:${createHash("sha256").update(text).digest("hex")}`);
    }
  });

  it("is in the DCAT catalog as a version of the dataset, which expands to DCAT terms", async () => {
    const catalog = JSON.parse(textOf(await dcatCatalog()));
    const refuse = async (address: string): Promise<never> => {
      throw new Error(`no remote document expected (${address})`);
    };
    const [root] = await jsonld.expand(catalog, { documentLoader: refuse, safe: true });
    const DCAT = "http://www.w3.org/ns/dcat#";
    type Node = Record<string, unknown>;
    expect(root!["@type"]).toEqual([`${DCAT}Catalog`]);
    const dataset = (root![`${DCAT}dataset`] as Node[])[0]!;
    const versions = dataset[`${DCAT}hasVersion`] as Node[];
    const release = versions.find((v) => v["@id"] === `${site}/api/v1/releases/${RELEASE}/`)!;
    expect(release["@type"]).toEqual([`${DCAT}Dataset`]);
    const downloads = (release[`${DCAT}distribution`] as Node[]).flatMap((x) =>
      (x[`${DCAT}downloadURL`] as Node[]).map((u) => u["@id"]),
    );
    expect(downloads).toContain(`${site}/api/v1/releases/${RELEASE}/datapackage.json`);
  });

  it("a release written before releases carried one gets it from its manifest; none when its columns differ", () => {
    const written = readReleaseFile(RELEASE, "datapackage.json")!.text;
    rmSync(path.join(releasesDir, RELEASE, "datapackage.json"));
    expect(readReleaseFile(RELEASE, "datapackage.json")?.text).toBe(written);
    const csv = path.join(releasesDir, RELEASE, "institutions.csv");
    writeFileSync(csv, readFileSync(csv, "utf8").replace(/^slug,kind,/, "slug,type,"));
    expect(readReleaseFile(RELEASE, "datapackage.json")).toBeNull();
  });
});
