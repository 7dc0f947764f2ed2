// The open data against the seeded database: keyset pages of the read API, the dataset and its slices in
// every format, QuickStatements for records with Wikidata items, and dated releases from the script.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPrisma, useWriteDatabase } from "../support/db";
import { csvRecords } from "@/lib/shared/csv-records";

useWriteDatabase();
const releasesDir = mkdtempSync(path.join(os.tmpdir(), "atlas-releases-"));
process.env.RELEASES_DIR = releasesDir;

const { listApiInstitutions, listApiMemberships, listApiOrganizations } = await import("@/lib/data/open/api");
const { loadOpenDataset } = await import("@/lib/data/open/datasets");
const { loadOpenDatasetSummary, openDatasetBatches } = await import("@/lib/data/open/dataset-batches");
const { DATASET_FILES, renderExport, renderQuickStatements } = await import("@/lib/open-data/formats");
const { listReleases, readReleaseFile, writeRelease } = await import("@/lib/open-data/releases");
const { NotFoundError } = await import("@/lib/shared/errors");
const { apiMembershipQuerySchema, apiOrganizationQuerySchema, apiInstitutionQuerySchema } = await import(
  "@/lib/validation/api"
);
const { db } = await import("@/lib/data/db");

const prisma = testPrisma();
const NMU = "nanjing-medical-university";
const BRIMEA = "belt-and-road-international-medical-education-alliance";
const site = "http://atlas.test";

afterAll(async () => {
  rmSync(releasesDir, { recursive: true, force: true });
  await prisma.$disconnect();
  await db().$disconnect();
});

async function walk<T>(
  list: (cursor?: [string, string]) => Promise<{ data: T[]; nextCursor: string | null; total: number }>,
  decode: (c: string) => [string, string],
) {
  const items: T[] = [];
  let cursor: [string, string] | undefined;
  let pages = 0;
  let total = -1;
  for (;;) {
    const page = await list(cursor);
    items.push(...page.data);
    total = page.total;
    pages += 1;
    if (!page.nextCursor) break;
    cursor = decode(page.nextCursor);
    if (pages > 100) throw new Error("pagination does not end");
  }
  return { items, pages, total };
}

describe("read API lists (keyset pagination)", () => {
  const decode = (c: string) => apiOrganizationQuerySchema.parse({ cursor: c }).cursor!;

  it("organizations: every page of 5 in slug order, each organization exactly once", async () => {
    const { items, pages, total } = await walk(
      (cursor) => listApiOrganizations({ ...apiOrganizationQuerySchema.parse({ limit: "5" }), cursor }),
      decode,
    );
    const slugs = items.map((o) => o.slug);
    const all = (await prisma.organization.findMany({ select: { slug: true } })).map((o) => o.slug).sort();
    expect(new Set(slugs).size).toBe(slugs.length);
    expect([...slugs].sort()).toEqual(all);
    expect(total).toBe(all.length);
    expect(pages).toBe(Math.ceil(all.length / 5));
  });

  it("institutions with a filter: pages of 2 cover exactly the matching ones", async () => {
    const { items, total } = await walk(
      (cursor) => listApiInstitutions({ ...apiInstitutionQuerySchema.parse({ country: "HK", limit: "2" }), cursor }),
      decode,
    );
    const expected = await prisma.institution.count({ where: { country: "HK" } });
    expect(items.length).toBe(expected);
    expect(total).toBe(expected);
    expect(new Set(items.map((i) => i.slug)).size).toBe(expected);
    expect(items.every((i) => i.country === "HK")).toBe(true);
  });

  it("memberships by institution: all of NMU's, pages of 4", async () => {
    const { items, pages } = await walk(
      (cursor) => listApiMemberships({ ...apiMembershipQuerySchema.parse({ institution: NMU, limit: "4" }), cursor }),
      decode,
    );
    expect(pages).toBe(2);
    expect(items.map((m) => m.institution.slug)).toEqual(Array(items.length).fill(NMU));
    expect(items.length).toBe(await prisma.membership.count({ where: { institution: { slug: NMU } } }));
    expect(items.find((m) => m.organization.slug === BRIMEA)).toMatchObject({
      role: "FOUNDING_MEMBER",
      joined: { iso: "2018-05", precision: "MONTH" },
    });
  });

  it("search reuses the site's search: q=silk finds the Silk Road alliance", async () => {
    const page = await listApiOrganizations({ ...apiOrganizationQuerySchema.parse({ q: "silk" }) });
    expect(page.data.map((o) => o.slug)).toContain("university-alliance-of-the-silk-road");
  });
});

describe("the dataset and its slices", () => {
  it("the whole dataset holds every record; its CSV has one row per membership", async () => {
    const d = await loadOpenDataset({ kind: "all" });
    expect(d.memberships.length).toBe(await prisma.membership.count());
    expect(d.organizations.length).toBe(await prisma.organization.count());
    expect(d.institutions.length).toBe(await prisma.institution.count());
    const csv = renderExport(d, "dataset", "csv", site)!;
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(d.memberships.length + 1);
    const json = JSON.parse(renderExport(d, "dataset", "json", site)!);
    expect(json.license).toMatchObject({ id: "CC0-1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/" });
    const ld = JSON.parse(renderExport(d, "dataset", "jsonld", site)!);
    expect(ld["@graph"][0]).toMatchObject({
      "@type": "Dataset",
      license: "https://creativecommons.org/publicdomain/zero/1.0/",
    });
    expect(renderExport(d, "organizations", "json", site)).toBeNull();
  });

  it("the CSV gives each membership's two sides as the API does: state, confirmation, statement", async () => {
    const d = await loadOpenDataset({ kind: "all" });
    const [header, ...rows] = csvRecords(renderExport(d, "dataset", "csv", site)!.replace(/^\uFEFF/, ""), ",").map(
      (r) => r.cells,
    );
    const column = (name: string) => header!.indexOf(name);
    for (const name of ["sides", "institution_confirmed_on", "organization_role", "organization_source_url"])
      expect(column(name)).toBeGreaterThan(-1);
    const byId = new Map(rows.map((cells) => [cells[column("id")], cells]));
    for (const m of d.memberships) {
      const cells = byId.get(m.id)!;
      expect(cells[column("sides")]).toBe(m.sides.state);
      expect(cells[column("institution_confirmed_on")]).toBe(m.sides.institutionConfirmedOn ?? "");
      expect(cells[column("organization_role")]).toBe(m.sides.organization?.role ?? "");
      expect(cells[column("organization_source_url")]).toBe(m.sides.organization?.source?.url ?? "");
    }
    // The seed has memberships both sides state, and ones only the university does.
    expect(new Set(d.memberships.map((m) => m.sides.state)).size).toBeGreaterThan(1);
  });

  it("an institution's slice: its memberships and the organizations in them only", async () => {
    const d = await loadOpenDataset({ kind: "institution", slug: NMU });
    expect(d.scope).toEqual({ kind: "institution", slug: NMU, name: "Nanjing Medical University" });
    expect(d.institutions.map((i) => i.slug)).toEqual([NMU]);
    expect(d.memberships.every((m) => m.institution.slug === NMU)).toBe(true);
    expect(d.organizations.map((o) => o.slug).sort()).toEqual(
      [...new Set(d.memberships.map((m) => m.organization.slug))].sort(),
    );
  });

  it("an organization's slice, and an unknown slug is NotFound", async () => {
    const d = await loadOpenDataset({ kind: "organization", slug: BRIMEA });
    expect(d.organizations.map((o) => o.slug)).toEqual([BRIMEA]);
    expect(d.memberships.map((m) => m.institution.slug)).toContain(NMU);
    await expect(loadOpenDataset({ kind: "organization", slug: "no-such-thing" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("Wikidata QuickStatements", () => {
  // A university and two organizations of this file's own (the seed's memberships are changed, with their sources,
  // by other files that share this database), with Wikidata items no other record has.
  const tag = createHash("sha256").update(String(Math.random())).digest("hex").slice(0, 8);
  const item = (n: number) => `Q${9_000_000_000 + Number.parseInt(tag.slice(0, 6), 16) * 10 + n}`;
  beforeAll(async () => {
    const unnamed = await prisma.source.create({
      data: { key: `qs-unnamed-${tag}`, title: "A page without an address", seenOn: new Date("2024-01-01") },
    });
    const page = await prisma.source.create({
      data: {
        key: `qs-page-${tag}`,
        title: "The university's page",
        url: `https://example.org/qs-${tag}`,
        seenOn: new Date("2024-01-01"),
      },
    });
    const institution = await prisma.institution.create({
      data: {
        slug: `qs-university-${tag}`,
        kind: "UNIVERSITY",
        country: "CN",
        wikidataId: item(1),
        names: { create: [{ locale: "en", name: `QS University ${tag}`, kind: "OFFICIAL" }] },
      },
    });
    for (const [n, joinedOn, joinedPrecision, sourceId] of [
      [2, "2018-05-01", "MONTH", unnamed.id],
      [3, "2021-07-09", "DAY", page.id],
    ] as const) {
      const organization = await prisma.organization.create({
        data: {
          slug: `qs-alliance-${n}-${tag}`,
          kind: "ALLIANCE",
          wikidataId: item(n),
          names: { create: [{ locale: "en", name: `QS Alliance ${n} ${tag}` }] },
        },
      });
      await prisma.membership.create({
        data: {
          institutionId: institution.id,
          organizationId: organization.id,
          joinedOn: new Date(`${joinedOn}T00:00:00Z`),
          joinedPrecision,
          sourceId,
        },
      });
    }
  });

  it(`one P463 line per membership with items on both sides, dated at the stored precision, with each source \
that has an address as its reference`, async () => {
    const qs = renderQuickStatements(await loadOpenDataset({ kind: "all" }));
    const mine = qs
      .trim()
      .split("\n")
      .filter((l) => l.startsWith(`${item(1)}|`));
    expect(mine.sort()).toEqual([
      `${item(1)}|P463|${item(2)}|P580|+2018-05-00T00:00:00Z/10`,
      `${item(1)}|P463|${item(3)}|P580|+2021-07-09T00:00:00Z/11|S854|"https://example.org/qs-${tag}"`,
    ]);
  });
});

describe("Wikidata items of organizations (admins set them directly, validated)", () => {
  it(`a valid item or wikidata.org address is stored; a malformed one is refused; \
a taken one is a conflict`, async () => {
    const { adminUpdateOrganization, getOrganizationProfile } = await import("@/lib/data/admin/records");
    const { adminUpdateOrganizationSchema } = await import("@/lib/validation/organizations");
    const { ConflictError } = await import("@/lib/shared/errors");
    const admin = await prisma.user.findUniqueOrThrow({
      where: { email: "admin@atlas.test" },
      select: { id: true, email: true, name: true, role: true, institutionId: true, staffRole: true },
    });
    const form = async (slug: string, wikidataId: string) => {
      const p = await getOrganizationProfile(admin, slug);
      const v = p.values;
      return adminUpdateOrganizationSchema.safeParse({
        organizationSlug: slug,
        baseVersion: String(p.version),
        values: {
          nameEn: v.nameEn,
          nameZh: v.nameZh ?? "",
          acronym: v.acronym ?? "",
          kind: v.kind,
          founded: v.founded?.iso ?? "",
          website: v.website ?? "",
          introduction: v.introduction ?? "",
          wikidataId,
        },
      });
    };
    const bad = await form("eurasia-pacific-uninet", "P31");
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["values.wikidataId"]);
    const good = await form("eurasia-pacific-uninet", "https://www.wikidata.org/wiki/q2000001");
    expect(good.data?.values.wikidataId).toBe("Q2000001");
    await adminUpdateOrganization(admin, good.data!);
    expect(
      (await prisma.organization.findUniqueOrThrow({ where: { slug: "eurasia-pacific-uninet" } })).wikidataId,
    ).toBe("Q2000001");
    const taken = await form("university-alliance-of-the-silk-road", "Q2000001");
    await expect(adminUpdateOrganization(admin, taken.data!)).rejects.toBeInstanceOf(ConflictError);
    expect(
      (await prisma.organization.findUniqueOrThrow({ where: { slug: "university-alliance-of-the-silk-road" } }))
        .wikidataId,
    ).toBeNull();
    await prisma.organization.update({ where: { slug: "eurasia-pacific-uninet" }, data: { wikidataId: null } });
  });
});

describe("releases", () => {
  it(`writeRelease writes the files (streamed, in batches) and a manifest whose counts and SHA-256 sums match; \
each file is the whole dataset's rendering`, async () => {
    const d = await loadOpenDataset({ kind: "all" });
    // Batches of 7 organizations and memberships, and of 500 of the directory's 10,000 institutions.
    const sizes = { organizations: 7, institutions: 500, memberships: 7 };
    const manifest = await writeRelease(openDatasetBatches(await loadOpenDatasetSummary(), sizes), site, "2000-01-02");
    expect(manifest.counts).toEqual({
      organizations: d.organizations.length,
      institutions: d.institutions.length,
      memberships: d.memberships.length,
    });
    for (const f of manifest.files) {
      const text = readFileSync(path.join(releasesDir, "2000-01-02", f.name), "utf8");
      expect(createHash("sha256").update(text).digest("hex"), f.name).toBe(f.sha256);
      expect(Buffer.byteLength(text), f.name).toBe(f.bytes);
    }
    const read = (name: string) => readFileSync(path.join(releasesDir, "2000-01-02", name), "utf8");
    expect(read("wikidata.qs")).toBe(renderQuickStatements(d));
    for (const [table, format] of [
      ["dataset", "csv"],
      ["organizations", "csv"],
      ["institutions", "csv"],
      ["dataset", "json"],
      ["dataset", "jsonld"],
    ] as const)
      expect(read(`${table}.${format}`) === renderExport(d, table, format, site), `${table}.${format}`).toBe(true);
    expect(manifest.files.map((f) => f.name)).toEqual([...DATASET_FILES, "datapackage.json"]);
    expect(listReleases().map((r) => r.date)).toContain("2000-01-02");
    expect(readReleaseFile("2000-01-02", "dataset.csv")?.text).toMatch(/^id,institution_slug/);
    expect(readReleaseFile("2000-01-02", "../../etc/passwd")).toBeNull();
    expect(readReleaseFile("../2000", "dataset.csv")).toBeNull();
    const summary = await loadOpenDatasetSummary();
    await expect(writeRelease(openDatasetBatches(summary, sizes), site, "yesterday")).rejects.toThrow(/YYYY-MM-DD/);
  });

  it("a release's files are served from disk as streams, with the manifest's hash as their ETag", async () => {
    const { GET } = await import("@/app/api/v1/releases/[date]/[file]/route");
    const { strongEtag } = await import("@/lib/open-data/http");
    const date = "2000-01-02";
    const call = (file: string, init?: RequestInit) =>
      GET(new Request(`http://localhost/api/v1/releases/${date}/${file}`, init), {
        params: Promise.resolve({ date, file }),
      });
    const text = readFileSync(path.join(releasesDir, date, "dataset.json"), "utf8");
    const response = await call("dataset.json");
    expect(response.status).toBe(200);
    // The ETag hashing the text would give, without reading it.
    expect(response.headers.get("etag")).toBe(strongEtag(text));
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="alliance-atlas-${date}-dataset.json"`,
    );
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    const reader = response.body!.getReader();
    const parts: Uint8Array[] = [];
    for (let part = await reader.read(); !part.done; part = await reader.read()) parts.push(part.value);
    expect(parts.length).toBeGreaterThan(1);
    expect(Buffer.concat(parts).toString("utf8")).toBe(text);
    const again = await call("dataset.json", { headers: { "If-None-Match": strongEtag(text) } });
    expect([again.status, again.body, again.headers.get("content-length")]).toEqual([304, null, null]);
    const head = await call("dataset.json", { method: "HEAD" });
    expect([head.status, head.body, head.headers.get("etag"), head.headers.get("content-length")]).toEqual([
      200,
      null,
      strongEtag(text),
      String(Buffer.byteLength(text)),
    ]);
    // A file changed by hand since the manifest is read whole and hashed, as before.
    const csv = path.join(releasesDir, date, "organizations.csv");
    writeFileSync(csv, `${readFileSync(csv, "utf8")}x\r\n`);
    const changed = await call("organizations.csv");
    expect(changed.headers.get("etag")).toBe(strongEtag(readFileSync(csv, "utf8")));
    expect(await changed.text()).toBe(readFileSync(csv, "utf8"));
    expect((await call("manifest.json")).headers.get("content-type")).toMatch(/^application\/json/);
    expect((await call("nothing.csv")).status).toBe(404);
  });

  it("a release's file is served as the bytes its manifest hashes, not decoded and encoded again", async () => {
    const { GET } = await import("@/app/api/v1/releases/[date]/[file]/route");
    // A file the release script did not write (Latin-1, not UTF-8), listed by its manifest with its true size and
    // hash: the answer is what is on disk, byte for byte, whatever the bytes.
    const date = "2000-01-03";
    const dir = path.join(releasesDir, date);
    mkdirSync(dir, { recursive: true });
    const bytes = Buffer.from("id,name\r\n1,Z\xfcrich \xe9cole\r\n", "latin1");
    writeFileSync(path.join(dir, "organizations.csv"), bytes);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const files = [{ name: "organizations.csv", bytes: bytes.length, sha256, mediaType: "text/csv" }];
    writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ date, files }));
    const response = await GET(new Request(`http://localhost/api/v1/releases/${date}/organizations.csv`), {
      params: Promise.resolve({ date, file: "organizations.csv" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe(`"${Buffer.from(sha256, "hex").toString("base64url")}"`);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  // The script writing a release is exercised end to end by tests/e2e/api-contract.test.ts (served and listed on
  // /data).
  it("npm run data:release refuses a bad --date and writes nothing", () => {
    // The package.json script itself, run the way npm runs it (without npm's own start-up time).
    const root = path.resolve(import.meta.dirname, "..", "..");
    const script = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts["data:release"] as string;
    const run = (...args: string[]) =>
      spawnSync("sh", ["-c", `${script} "$@"`, "sh", ...args], {
        cwd: root,
        encoding: "utf8",
        timeout: 60_000,
        env: {
          ...process.env,
          RELEASES_DIR: releasesDir,
          PATH: `${path.join(root, "node_modules", ".bin")}:${process.env.PATH}`,
        },
      });
    const bad = run("--date", "2001-13-45");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--date must be a day/);
    expect(existsSync(path.join(releasesDir, "2001-13-45"))).toBe(false);
  });
});
