// What the record pages say, read through lib/data from the seeded database: founders once with all their
// roles (M9, EPU, and the institution's "founder of" list), entries whose source states no role, and the CSV
// downloads with and without the byte-order mark Excel needs, through the real route handlers.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { getInstitutionBySlug } from "@/lib/data/institutions/profile";
import { getOrganizationBySlug } from "@/lib/data/organizations/profile";
import { EPU, M9, SINO_RUSSIAN, SOUTH_ASIA } from "../support/search";
import { GET as getDatasetFile } from "@/app/api/v1/export/[file]/route";
import { GET as getOrganizationSlice } from "@/app/api/v1/export/organizations/[file]/route";

afterAll(async () => {
  await db().$disconnect();
});

const MINISTRY = "austrian-federal-ministry-for-science-and-research";

describe("founders with their roles", () => {
  it("M9: nine founders, each once, each with its role (the proposer first, then co-sponsors)", async () => {
    const o = await getOrganizationBySlug(M9, "en");
    const slugs = o!.founders.map((f) => f.institution.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(o!.founders.map((f) => f.roles)).toEqual([["PROPOSER"], ...Array.from({ length: 8 }, () => ["CO_SPONSOR"])]);
    // Two passages of one page: one source, both quotes kept.
    const quotes = new Set(o!.founders.flatMap((f) => f.sources.map((s) => s.quote)));
    expect(quotes.size).toBe(2);
  });

  it("EPU: the Austrian ministry once, as founder and supporter, with both passages", async () => {
    const o = await getOrganizationBySlug(EPU, "en");
    const ministry = o!.founders.filter((f) => f.institution.slug === MINISTRY);
    expect(ministry).toHaveLength(1);
    expect(ministry[0]!.roles).toEqual(["FOUNDER", "SUPPORTER"]);
    expect(ministry[0]!.sources.map((s) => s.quote)).toEqual([
      "the Austrian Federal Ministry for Science and Research, OeAD-GmbH",
      "It has the support of the Bundesministerium fur Wissenschaft und Forschung, the Austrian Federal Ministry " +
        "for Science and Research and the OeAD-GmbH.",
    ]);
    expect(o!.founders).toHaveLength(2);
  });

  it("the ministry's page lists EPU once among what it founded, with both roles", async () => {
    const i = await getInstitutionBySlug(MINISTRY, "en");
    expect(i!.founded.map((f) => [f.organization.slug, f.roles])).toEqual([[EPU, ["FOUNDER", "SUPPORTER"]]]);
  });
});

describe("no role stated", () => {
  it("the seeded entries with a blank 'entrance time and role' cell carry NOT_STATED, none MEMBER", async () => {
    const rows = await db().membership.findMany({
      where: { notes: { contains: "no entrance date or role is stated" } },
      select: { role: true, organization: { select: { slug: true } } },
    });
    expect(rows.map((r) => [r.organization.slug, r.role]).sort()).toEqual([
      [SINO_RUSSIAN, "NOT_STATED"],
      [SOUTH_ASIA, "NOT_STATED"],
    ]);
  });

  it("the institution page reads the role as NOT_STATED", async () => {
    const i = await getInstitutionBySlug("nanjing-medical-university", "en");
    const p = i!.participations.find((x) => x.organization.slug === SINO_RUSSIAN);
    expect(p).toMatchObject({ role: "NOT_STATED", joined: null });
  });
});

describe("CSV for Excel", () => {
  const BOM = [0xef, 0xbb, 0xbf];
  const firstBytes = async (response: Response) => [...new Uint8Array(await response.arrayBuffer()).slice(0, 3)];
  const call = (handler: typeof getDatasetFile, url: string, file: string) =>
    handler(new Request(url), { params: Promise.resolve({ file }) });

  it("the whole dataset's CSV is plain UTF-8 by default and starts with EF BB BF with ?bom=1", async () => {
    const plain = await call(getDatasetFile, "http://localhost/api/v1/export/dataset.csv", "dataset.csv");
    expect(plain.status).toBe(200);
    expect(plain.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(await firstBytes(plain)).not.toEqual(BOM);
    const excel = await call(getDatasetFile, "http://localhost/api/v1/export/dataset.csv?bom=1", "dataset.csv");
    expect(excel.status).toBe(200);
    const bytes = new Uint8Array(await excel.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual(BOM);
    // The rest is the same file.
    const again = await call(getDatasetFile, "http://localhost/api/v1/export/dataset.csv", "dataset.csv");
    expect(new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes)).toBe(await again.text());
  });

  it("a record's slice takes ?bom=1 too; a JSON file or another value is refused", async () => {
    const url = `http://localhost/api/v1/export/organizations/${M9}.csv`;
    expect(await firstBytes(await call(getOrganizationSlice, url, `${M9}.csv`))).not.toEqual(BOM);
    expect(await firstBytes(await call(getOrganizationSlice, `${url}?bom=1`, `${M9}.csv`))).toEqual(BOM);
    const json = await call(getOrganizationSlice, `http://localhost/x/${M9}.json?bom=1`, `${M9}.json`);
    expect(json.status).toBe(400);
    const other = await call(getOrganizationSlice, `${url}?bom=yes`, `${M9}.csv`);
    expect(other.status).toBe(400);
  });
});
