// The data package descriptor and the DCAT catalog, checked by the standards' own libraries: datapackage and
// tableschema (the Frictionless team's) read the CSV files as the descriptor describes them, and jsonld expands
// the catalog into DCAT terms. The files are served on loopback, at the absolute URLs the descriptor gives.
import { createHash } from "node:crypto";
import jsonld from "jsonld";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDataset } from "@/lib/data/open/datasets";
import { toDcatCatalog } from "@/lib/open-data/catalog";
import { toDataPackage } from "@/lib/open-data/datapackage";
import { renderExport } from "@/lib/open-data/formats";
import { CSV_TABLES } from "@/lib/open-data/tables";
import { checkDataPackage, serveFiles } from "../support/data-package";
import { at, dataset } from "../support/open-dataset";

// What the server answers: path → text. Tests replace a file to show that the check catches a bad value.
let served: Record<string, string> = {};
let server: Awaited<ReturnType<typeof serveFiles>>;
let site = "";

function serveDataset(d: OpenDataset, folder: string) {
  const files: Record<string, string> = {};
  for (const table of ["dataset", "organizations", "institutions"] as const)
    files[`${folder}/${table}.csv`] = renderExport(d, table, "csv", site)!;
  return files;
}

beforeAll(async () => {
  server = await serveFiles(() => served);
  site = server.url;
});
afterAll(() => server.close());

const live = () => toDataPackage({ siteUrl: site, filesUrl: `${site}/api/v1/export`, created: at });

describe("data package descriptor", () => {
  it("validates against the bundled tabular-data-package profile; every CSV row conforms to its schema", async () => {
    served = serveDataset(dataset(site), "/api/v1/export");
    const report = await checkDataPackage(live());
    expect(report.descriptorErrors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.profile).toBe("tabular-data-package");
    expect(report.rowErrors).toEqual({ organizations: [], institutions: [], memberships: [] });
    expect(report.rowCounts).toEqual({ organizations: 2, institutions: 2, memberships: 2 });
  });

  it("is found invalid by the same profile when a resource has no Table Schema", async () => {
    const descriptor = live();
    const { schema: _dropped, ...bare } = descriptor.resources[0]!;
    const { Package } = await import("datapackage");
    const pkg = await Package.load({ ...descriptor, resources: [bare, ...descriptor.resources.slice(1)] });
    expect(pkg.valid).toBe(false);
    expect(pkg.errors.map((e) => e.message).join("\n")).toMatch(/schema/);
  });

  it("describes each CSV's columns in the order the writer writes them (one definition for both)", () => {
    const d = dataset("http://atlas.test");
    const descriptor = toDataPackage({ siteUrl: "http://atlas.test", filesUrl: "http://atlas.test/x", created: at });
    for (const table of CSV_TABLES) {
      const exportName = table.file.replace(/\.csv$/, "") as "dataset" | "organizations" | "institutions";
      const csv = renderExport(d, exportName, "csv", "");
      const header = csv!.split("\r\n")[0]!.split(",");
      const resource = descriptor.resources.find((r) => r.name === table.resource)!;
      expect(resource.path).toBe(`http://atlas.test/x/${table.file}`);
      expect(resource.schema.fields.map((f) => f.name)).toEqual(header);
    }
  });

  it("states CC0 for the registry's data, the directory's MIT notice, its sources, the keys between files", () => {
    const descriptor = live();
    expect(descriptor.licenses[0]).toMatchObject({ name: "CC0-1.0" });
    expect(descriptor.licenses[1]).toMatchObject({ name: "MIT" });
    expect(descriptor.licenses[1]!.title).toContain("Copyright (c) 2014-2025 Hipo");
    expect(descriptor.sources.map((s) => s.path)).toContain("https://github.com/Hipo/university-domains-list");
    const memberships = descriptor.resources.find((r) => r.name === "memberships")!;
    expect(memberships.schema.primaryKey).toBe("id");
    expect(memberships.schema.foreignKeys).toEqual([
      { fields: "institution_slug", reference: { resource: "institutions", fields: "slug" } },
      { fields: "organization_slug", reference: { resource: "organizations", fields: "slug" } },
    ]);
    const role = memberships.schema.fields.find((f) => f.name === "role")!;
    expect(role.constraints?.enum).toContain("FOUNDING_MEMBER");
    // The live files change with every approval: no size or hash that the next one would falsify.
    expect(memberships).not.toHaveProperty("hash");
  });

  it.each([
    ["a month 13", "2016-05-04", "2016-13-04", /^row 2: .*"joined"/],
    ["an unknown role", "NOT_STATED", "BOSS", /^row 3: .*"role"/],
    ["a member not in institutions.csv", "university-of-vienna,", "university-of-nowhere,", /^row 3: Foreign key/],
  ])("catches what does not conform: %s", async (_case, from, to, error) => {
    const files = serveDataset(dataset(site), "/api/v1/export");
    const csv = files["/api/v1/export/dataset.csv"]!;
    expect(csv).toContain(from);
    served = { ...files, "/api/v1/export/dataset.csv": csv.replace(from, to) };
    const report = await checkDataPackage(live());
    expect(report.valid).toBe(true);
    expect(report.rowErrors.memberships).toHaveLength(1);
    expect(report.rowErrors.memberships![0]).toMatch(error);
    expect(report.rowErrors.organizations).toEqual([]);
  });

  it("a release's descriptor gives each file's size and SHA-256 hash", () => {
    const text = "slug\r\nx\r\n";
    const sha256 = createHash("sha256").update(text).digest("hex");
    const descriptor = toDataPackage({
      siteUrl: "http://atlas.test",
      filesUrl: "http://atlas.test/api/v1/releases/2026-11-30",
      created: at,
      version: "2026-11-30",
      files: { "institutions.csv": { bytes: 9, sha256 } },
    });
    expect(descriptor.version).toBe("2026-11-30");
    const institutions = descriptor.resources.find((r) => r.name === "institutions")!;
    expect(institutions).toMatchObject({ bytes: 9, hash: `sha256:${sha256}` });
  });
});

const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";
type Node = Record<string, unknown>;
const ids = (node: Node, key: string) => ((node[key] ?? []) as Node[]).map((n) => n["@id"]);
const one = (node: Node, key: string) => ((node[key] ?? []) as Node[])[0]!;

describe("DCAT catalog (JSON-LD)", () => {
  const release = {
    date: "2026-11-29",
    createdAt: "2026-11-29T10:00:00.000Z",
    license: { id: "CC0-1.0", name: "CC0", url: "https://creativecommons.org/publicdomain/zero/1.0/" },
    counts: { organizations: 2, institutions: 2, memberships: 2 },
    files: [{ name: "dataset.csv", bytes: 10, sha256: "ab".repeat(32), mediaType: "text/csv; charset=utf-8" }],
  };

  it("expands (jsonld, no remote context) to a dcat:Catalog → dcat:Dataset → a distribution per download", async () => {
    const catalog = toDcatCatalog({ siteUrl: "http://atlas.test", modifiedAt: at, releases: [release] });
    const refuse = async (url: string): Promise<never> => {
      throw new Error(`the catalog must not need a remote document (${url})`);
    };
    const expanded = await jsonld.expand(catalog, { documentLoader: refuse, safe: true });
    expect(expanded).toHaveLength(1);
    const root = expanded[0]!;
    expect(root["@type"]).toEqual([`${DCAT}Catalog`]);
    expect(ids(root, `${DCT}license`)).toEqual(["https://creativecommons.org/publicdomain/zero/1.0/"]);
    expect(one(root, `${DCT}modified`)).toEqual({ "@value": at, "@type": "http://www.w3.org/2001/XMLSchema#dateTime" });
    expect(one(root, `${DCT}publisher`)["@id"]).toBe("http://atlas.test");
    expect(one(root, `${DCAT}service`)["@type"]).toEqual([`${DCAT}DataService`]);

    const dataset = one(root, `${DCAT}dataset`);
    expect(dataset["@type"]).toEqual([`${DCAT}Dataset`]);
    expect(ids(dataset, `${DCT}source`)).toEqual(["https://github.com/Hipo/university-domains-list"]);
    const distributions = dataset[`${DCAT}distribution`] as Node[];
    for (const d of distributions) {
      expect(d["@type"]).toEqual([`${DCAT}Distribution`]);
      expect(ids(d, `${DCAT}accessURL`)).toHaveLength(1);
      expect(String(ids(d, `${DCAT}mediaType`)[0])).toMatch(
        /^http:\/\/www\.iana\.org\/assignments\/media-types\/\w+\//,
      );
    }
    const downloads = distributions.flatMap((d) => ids(d, `${DCAT}downloadURL`));
    for (const file of ["dataset.csv", "organizations.csv", "institutions.csv", "datapackage.json", "dataset.jsonld"])
      expect(downloads).toContain(`http://atlas.test/api/v1/export/${file}`);
    const api = distributions.find((d) => ids(d, `${DCAT}accessService`).length > 0)!;
    expect(ids(api, `${DCAT}accessURL`)).toEqual(["http://atlas.test/api/v1"]);

    const version = one(dataset, `${DCAT}hasVersion`);
    expect(version["@type"]).toEqual([`${DCAT}Dataset`]);
    expect(ids(one(version, `${DCAT}distribution`), `${DCAT}downloadURL`)).toEqual([
      "http://atlas.test/api/v1/releases/2026-11-29/dataset.csv",
    ]);
  });
});
