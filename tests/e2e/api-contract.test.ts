// Contract tests of the read API against the running portal: every response (errors included) validates
// against the OpenAPI document the portal serves; cursors page through every item exactly once; ETag/304;
// CORS on GET, HEAD and OPTIONS only; other methods are a JSON 405. No browser needed.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import jsonld from "jsonld";
import memberships from "../../prisma/seed-data/memberships.json";
import organizations from "../../prisma/seed-data/organizations.json";
import institutions from "../../prisma/seed-data/institutions.json";
import { seededInstitutionCount } from "../support/directory";
import { baseUrl, url } from "../support/browser";
import { checkDataPackage } from "../support/data-package";

const NMU = "nanjing-medical-university";
const run = promisify(execFile);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
let doc: {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
};

beforeAll(async () => {
  const res = await fetch(url("/api/v1/openapi.json"));
  expect(res.status).toBe(200);
  doc = await res.json();
  ajv.addSchema(doc, "openapi");
});

const pointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** Fetch an API address and check the JSON body against the document's schema for that operation and status. */
async function call(pathTemplate: string, address: string, init?: RequestInit) {
  const res = await fetch(url(`/api/v1${address}`), init);
  const status = String(res.status);
  const op = doc.paths[pathTemplate]?.get;
  if (!op) throw new Error(`The OpenAPI document has no GET ${pathTemplate}`);
  const response = op.responses[status];
  if (!response)
    throw new Error(`GET ${pathTemplate} answered ${status}, which the document does not list (${address})`);
  const text = await res.text();
  if (status === "304") {
    expect(text).toBe("");
    return { res, body: null };
  }
  const type = (res.headers.get("content-type") ?? "").split(";")[0]!;
  if (!response.content?.[type]) throw new Error(`${address} (${status}) is ${type}, which the document does not list`);
  let body: unknown = text;
  if (type === "application/json" || type === "application/ld+json") body = JSON.parse(text);
  {
    const ref = `openapi#/paths/${pointer(pathTemplate)}/get/responses/${status}/content/${pointer(type)}/schema`;
    const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
    if (!validate(body))
      throw new Error(
        `${address} (${status}) does not match the document:\n${ajv.errorsText(validate.errors, { separator: "\n" })}`,
      );
  }
  return { res, body };
}

type Page<T> = {
  data: T[];
  page: { limit: number; total: number; nextCursor: string | null };
  links: { self: string; next: string | null };
};

async function everyPage<T>(pathTemplate: string, first: string) {
  const items: T[] = [];
  let next: string | null = first;
  let total = 0;
  let pages = 0;
  while (next) {
    const { body } = await call(pathTemplate, next.replace(/^\/api\/v1/, ""));
    const page = body as Page<T>;
    items.push(...page.data);
    total = page.page.total;
    next = page.links.next;
    if (next) expect(next).toContain(`cursor=${encodeURIComponent(page.page.nextCursor!)}`);
    if (++pages > 50) throw new Error("pagination does not end");
  }
  return { items, total, pages };
}

describe.concurrent("lists: cursors through every page", () => {
  it("organizations, 5 a page: every seed organization exactly once", async () => {
    const { items, total, pages } = await everyPage<{ slug: string }>("/organizations", "/organizations?limit=5");
    expect(items.map((o) => o.slug).sort()).toEqual(organizations.map((o) => o.slug).sort());
    expect(total).toBe(organizations.length);
    expect(pages).toBe(Math.ceil(organizations.length / 5));
  });

  it("institutions with something listed, 4 a page: every seed institution exactly once", async () => {
    const { items, total } = await everyPage<{ slug: string }>(
      "/institutions",
      "/institutions?coverage=listed&limit=4",
    );
    expect(items.map((i) => i.slug).sort()).toEqual(institutions.map((i) => i.slug).sort());
    expect(total).toBe(institutions.length);
  });

  it("memberships, 3 a page, and filtered by institution", async () => {
    const all = await everyPage<{ id: string; institution: { slug: string }; organization: { slug: string } }>(
      "/memberships",
      "/memberships?limit=3",
    );
    expect(all.items).toHaveLength(memberships.length);
    expect(new Set(all.items.map((m) => m.id)).size).toBe(memberships.length);
    const nmu = await everyPage<{ institution: { slug: string }; organization: { slug: string } }>(
      "/memberships",
      `/memberships?institution=${NMU}&limit=2`,
    );
    expect(nmu.items.map((m) => m.organization.slug).sort()).toEqual(
      memberships
        .filter((m) => m.institution === NMU)
        .map((m) => m.organization)
        .sort(),
    );
  });

  it("changes, 2 a page: each page as documented, a cursor always given to poll from, none repeated", async () => {
    const ids: string[] = [];
    let address = "/changes?limit=2";
    for (let pages = 0; ; pages++) {
      const { body } = await call("/changes", address);
      const page = body as { data: { id: string }[]; page: { nextCursor: string }; links: { next: string } };
      ids.push(...page.data.map((c) => c.id));
      expect(page.links.next).toContain(`since=${encodeURIComponent(page.page.nextCursor)}`);
      address = page.links.next.replace(/^\/api\/v1/, "");
      if (page.data.length < 2 || pages > 200) break;
    }
    expect(new Set(ids).size).toBe(ids.length);
    const { body } = await call("/changes", "/changes?since=2999-01-01T00:00:00Z");
    expect((body as { data: unknown[] }).data).toEqual([]);
  });

  it("filters and search", async () => {
    const { body: hk } = await call("/institutions", "/institutions?country=HK&coverage=listed");
    expect((hk as Page<{ country: string }>).data.map((i) => i.country)).toEqual(["HK"]);
    const { body: directory } = await call("/institutions", "/institutions?country=HK&coverage=directory&limit=100");
    const slugs = (directory as Page<{ slug: string }>).data.map((i) => i.slug);
    expect(slugs).toContain("university-of-hong-kong");
    expect(slugs).not.toContain("chinese-university-of-hong-kong");
    const { body: silk } = await call("/organizations", "/organizations?q=silk");
    expect((silk as Page<{ slug: string }>).data.map((o) => o.slug)).toContain("university-alliance-of-the-silk-road");
    const { body: alliances } = await call("/organizations", "/organizations?kind=ALLIANCE&limit=100");
    const expected = organizations.filter((o) => o.kind === "ALLIANCE").length;
    expect((alliances as Page<{ kind: string }>).data).toHaveLength(expected);
  });
});

describe.concurrent("records and errors", () => {
  it("one organization and one institution; unknown slugs are a JSON 404", async () => {
    const { body: o } = await call("/organizations/{slug}", "/organizations/university-alliance-of-the-silk-road");
    expect(o).toMatchObject({
      data: { slug: "university-alliance-of-the-silk-road", founded: { iso: "2015", precision: "YEAR" } },
    });
    const { body: i } = await call("/institutions/{slug}", `/institutions/${NMU}`);
    expect(i).toMatchObject({
      data: { slug: NMU, name: { en: "Nanjing Medical University", zh: "南京医科大学" }, country: "CN" },
    });
    const { res, body } = await call("/organizations/{slug}", "/organizations/no-such-organization");
    expect(res.status).toBe(404);
    expect(body).toMatchObject({
      error: { code: "not_found", message: expect.stringContaining("no-such-organization") },
    });
    await call("/institutions/{slug}", "/institutions/no-such-institution");
  });

  it("bad parameters are a 400 naming each one", async () => {
    for (const [template, query, params] of [
      ["/organizations", "limit=0", ["limit"]],
      ["/organizations", "limit=101&kind=CLUB", ["kind", "limit"]],
      ["/institutions", "cursor=not-a-cursor", ["cursor"]],
      ["/institutions", "country=ZZ&colour=red", ["colour", "country"]],
      ["/memberships", "role=KING&institution=a&institution=b", ["institution", "role"]],
      ["/organizations/{slug}", "extra=1", ["extra"]],
      ["/suggest", "q=&limit=50", ["limit", "q"]],
      ["/suggest", "q=epu&type=person", ["type"]],
      ["/match", "date=2021-02-30", ["affiliation", "date"]],
      ["/changes", "since=yesterday&limit=0", ["limit", "since"]],
      ["/changes", "cursor=abc", ["cursor"]],
      ["/match", `affiliation=${"x".repeat(501)}&limit=2`, ["affiliation", "limit"]],
    ] as const) {
      const address = `${template.replace("{slug}", "university-alliance-of-the-silk-road")}?${query}`;
      const { res, body } = await call(template, address);
      expect(res.status, address).toBe(400);
      expect(Object.keys((body as { error: { details: object } }).error.details).sort(), address).toEqual([...params]);
    }
  });

  it("the type-ahead: organizations and institutions by any of their names, as documented", async () => {
    const { body } = await call("/suggest", "/suggest?q=Eurasia%20Pacific%20Uninet");
    const items = (body as { items: { slug: string; matchedKind: string }[] }).items;
    expect(items[0]).toMatchObject({ slug: "eurasia-pacific-uninet", matchedKind: "official" });
    const { body: zh } = await call(
      "/suggest",
      `/suggest?q=${encodeURIComponent("香港中文")}&type=institution&locale=zh`,
    );
    expect((zh as { items: { slug: string; name: string }[] }).items[0]).toMatchObject({
      slug: "chinese-university-of-hong-kong",
      name: "香港中文大学",
    });
  });

  it("affiliation matching: ROR's answer, at most one chosen, memberships in force on a date", async () => {
    const affiliation = encodeURIComponent("Dept. of Surgery, Nanjing Med. Univ., Nanjing 211166, China");
    type Match = {
      items: { chosen: boolean; record: { slug: string; memberships?: { organization: { slug: string } }[] } }[];
    };
    const { body } = await call("/match", `/match?affiliation=${affiliation}&date=2019-11-11`);
    const chosen = (body as Match).items.filter((i) => i.chosen);
    expect(chosen.map((i) => i.record.slug)).toEqual([NMU]);
    expect(chosen[0]!.record.memberships!.map((m) => m.organization.slug)).toContain(
      "belt-and-road-federation-for-health-promotion",
    );
    const { body: before } = await call("/match", `/match?affiliation=${affiliation}&date=2019-11-10`);
    expect((before as Match).items[0]!.record.memberships!.map((m) => m.organization.slug)).not.toContain(
      "belt-and-road-federation-for-health-promotion",
    );
    const { body: none } = await call(
      "/match",
      `/match?affiliation=${encodeURIComponent("Pfizer Inc., New York, USA")}`,
    );
    expect((none as Match).items.filter((i) => i.chosen)).toEqual([]);
  });

  it("the widget's JSON in both languages; a bad lang is a 400", async () => {
    const { body: en } = await call("/institutions/{slug}/memberships", `/institutions/${NMU}/memberships`);
    const names = (en as { data: { memberships: { organization: { slug: string } }[] } }).data.memberships.map(
      (m) => m.organization.slug,
    );
    expect(names.sort()).toEqual(
      memberships
        .filter((m) => m.institution === NMU)
        .map((m) => m.organization)
        .sort(),
    );
    const { body: zh } = await call("/institutions/{slug}/memberships", `/institutions/${NMU}/memberships?lang=zh`);
    expect(zh).toMatchObject({ data: { lang: "zh", institution: { name: "南京医科大学" } } });
    const { res } = await call("/institutions/{slug}/memberships", `/institutions/${NMU}/memberships?lang=fr`);
    expect(res.status).toBe(400);
  });

  it("a record's schema.org JSON-LD in the page's language; unknown slugs a 404, a bad lang a 400", async () => {
    const org = "university-alliance-of-the-silk-road";
    const { res, body } = await call("/organizations/{slug}/jsonld", `/organizations/${org}/jsonld`);
    expect(res.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    expect(body).toMatchObject({ "@type": "Organization", "@id": `${url("/en/organizations/")}${org}` });
    const { body: zh } = await call("/institutions/{slug}/jsonld", `/institutions/${NMU}/jsonld?lang=zh`);
    expect(zh).toMatchObject({ "@type": "CollegeOrUniversity", name: "南京医科大学" });
    expect((zh as { "@id": string })["@id"]).toBe(url(`/zh/institutions/${NMU}`));
    for (const [template, address, status] of [
      ["/organizations/{slug}/jsonld", "/organizations/no-such-organization/jsonld", 404],
      ["/institutions/{slug}/jsonld", "/institutions/no-such-institution/jsonld?lang=zh", 404],
      ["/institutions/{slug}/jsonld", `/institutions/${NMU}/jsonld?lang=fr`, 400],
      ["/organizations/{slug}/jsonld", `/organizations/${org}/jsonld?format=csv`, 400],
    ] as const)
      expect((await call(template, address)).res.status, address).toBe(status);
  });

  it("an unknown address under /api/v1 is a JSON 404", async () => {
    const res = await fetch(url("/api/v1/universities"));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

describe.concurrent("HTTP: ETag, CORS, methods", () => {
  it("a strong ETag; If-None-Match with it gives 304 without a body, another tag 200", async () => {
    const { res } = await call("/organizations", "/organizations?limit=3");
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    const again = await call("/organizations", "/organizations?limit=3", { headers: { "If-None-Match": etag! } });
    expect(again.res.status).toBe(304);
    expect(again.res.headers.get("etag")).toBe(etag);
    expect(
      (await call("/organizations", "/organizations?limit=3", { headers: { "If-None-Match": `W/${etag}` } })).res
        .status,
    ).toBe(304);
    expect(
      (await call("/organizations", "/organizations?limit=3", { headers: { "If-None-Match": '"something-else"' } })).res
        .status,
    ).toBe(200);
    // A different page is a different body and a different tag.
    expect((await call("/organizations", "/organizations?limit=4")).res.headers.get("etag")).not.toBe(etag);
  });

  it("CORS on GET, HEAD and the preflight; none on writes, which are a JSON 405", async () => {
    const get = await fetch(url("/api/v1/organizations"), { headers: { Origin: "https://example.org" } });
    expect(get.headers.get("access-control-allow-origin")).toBe("*");
    const head = await fetch(url("/api/v1/organizations"), { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("access-control-allow-origin")).toBe("*");
    expect(await head.text()).toBe("");
    const preflight = await fetch(url("/api/v1/organizations"), {
      method: "OPTIONS",
      headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      for (const address of ["/api/v1/organizations", `/api/v1/institutions/${NMU}`, "/api/v1/export/dataset.csv"]) {
        const res = await fetch(url(address), {
          method,
          headers: { Origin: "https://example.org", "Content-Type": "application/json" },
          body: "{}",
        });
        expect(res.status, `${method} ${address}`).toBe(405);
        expect(res.headers.get("access-control-allow-origin"), `${method} ${address}`).toBeNull();
        expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
        const body = await res.json();
        if (!ajv.validate({ $ref: "openapi#/components/schemas/Error" }, body)) throw new Error(ajv.errorsText());
      }
    }
  });
});

describe.concurrent("downloads", () => {
  const LICENSE = "https://creativecommons.org/publicdomain/zero/1.0/";

  it("dataset.csv: a CSV attachment with the licence in a Link header, one row per membership", async () => {
    const { res, body } = await call("/export/{file}", "/export/dataset.csv");
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="alliance-atlas-dataset.csv"');
    expect(res.headers.get("link")).toBe(`<${LICENSE}>; rel="license"`);
    const lines = (body as string).split("\r\n").filter(Boolean);
    expect(lines[0]).toMatch(/^id,institution_slug,institution_name,/);
    expect(lines).toHaveLength(memberships.length + 1);
  });

  it("dataset.json and dataset.jsonld state the licence; CSV tables of organizations and institutions", async () => {
    const json = (await call("/export/{file}", "/export/dataset.json")).body as { license: object; counts: object };
    expect(json.license).toMatchObject({ id: "CC0-1.0", url: LICENSE });
    // The directory's universities are in the dataset too (with its credit, tests/e2e/directory.test.ts).
    expect(json.counts).toEqual({
      organizations: organizations.length,
      institutions: seededInstitutionCount(),
      memberships: memberships.length,
    });
    const ld = await call("/export/{file}", "/export/dataset.jsonld");
    expect(ld.res.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const graph = (ld.body as { "@graph": object[] })["@graph"];
    expect(graph[0]).toMatchObject({ "@type": "Dataset", license: LICENSE });
    expect(
      ((await call("/export/{file}", "/export/organizations.csv")).body as string).split("\r\n").filter(Boolean),
    ).toHaveLength(organizations.length + 1);
    expect(
      ((await call("/export/{file}", "/export/institutions.csv")).body as string).split("\r\n").filter(Boolean),
    ).toHaveLength(seededInstitutionCount() + 1);
    const qs = await call("/export/{file}", "/export/wikidata.qs");
    expect(qs.res.status).toBe(200);
    expect(qs.res.headers.get("content-type")).toMatch(/^text\/plain/);
  });

  it("datapackage.json: the Frictionless libraries validate it and every row of the CSV files it names", async () => {
    const { res } = await call("/export/datapackage.json", "/export/datapackage.json");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toBeNull();
    // Loaded from its URL: the libraries fetch each CSV from the address the descriptor gives, on this server.
    const report = await checkDataPackage(url("/api/v1/export/datapackage.json"));
    expect(report.descriptorErrors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.rowErrors).toEqual({ organizations: [], institutions: [], memberships: [] });
    expect(report.rowCounts).toEqual({
      organizations: organizations.length,
      institutions: seededInstitutionCount(),
      memberships: memberships.length,
    });
  });

  it("catalog.jsonld: DCAT in JSON-LD, embedded on /data, expands to a catalog of the dataset's files", async () => {
    const { res, body } = await call("/export/catalog.jsonld", "/export/catalog.jsonld");
    expect(res.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const refuse = async (address: string): Promise<never> => {
      throw new Error(`no remote document expected (${address})`);
    };
    const [root] = await jsonld.expand(body as object, { documentLoader: refuse, safe: true });
    const DCAT = "http://www.w3.org/ns/dcat#";
    expect(root!["@type"]).toEqual([`${DCAT}Catalog`]);
    const dataset = (root![`${DCAT}dataset`] as Record<string, unknown>[])[0]!;
    const downloads = (dataset[`${DCAT}distribution`] as Record<string, { "@id": string }[]>[]).flatMap(
      (d) => d[`${DCAT}downloadURL`]?.map((u) => u["@id"]) ?? [],
    );
    expect(downloads).toContain(url("/api/v1/export/datapackage.json"));
    // Each download is answered, then let go: a whole-registry download left unread keeps its stream open.
    for (const download of downloads.filter((d) => d.includes("/export/"))) {
      const response = await fetch(download);
      expect(response.status, download).toBe(200);
      await response.body?.cancel();
    }
    for (const locale of ["en", "zh"]) {
      const html = await (await fetch(url(`/${locale}/data`))).text();
      const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
        (m) => JSON.parse(m[1] ?? "") as Record<string, unknown>,
      );
      const embedded = blocks.find((b) => b["@type"] === "dcat:Catalog");
      expect(embedded?.["@id"], locale).toBe((body as Record<string, unknown>)["@id"]);
      expect(html).toContain('href="/api/v1/export/datapackage.json"');
    }
  });

  it("slices of an institution and of an organization; unknown ones are a JSON 404", async () => {
    const csv = (await call("/export/institutions/{file}", `/export/institutions/${NMU}.csv`)).body as string;
    const rows = csv.split("\r\n").filter(Boolean).slice(1);
    expect(rows).toHaveLength(memberships.filter((m) => m.institution === NMU).length);
    expect(rows.every((r) => r.split(",")[1] === NMU)).toBe(true);
    const org = (
      await call("/export/organizations/{file}", "/export/organizations/university-alliance-of-the-silk-road.json")
    ).body as { scope: object; memberships: { institution: { slug: string } }[] };
    expect(org.scope).toMatchObject({ kind: "organization", slug: "university-alliance-of-the-silk-road" });
    expect(org.memberships.map((m) => m.institution.slug)).toEqual(["chinese-university-of-hong-kong"]);
    expect((await call("/export/institutions/{file}", "/export/institutions/nobody-here.csv")).res.status).toBe(404);
    expect((await call("/export/{file}", "/export/everything.zip")).res.status).toBe(404);
  });

  it(`a release made by npm run data:release is served with its manifest and listed on \
/data with its counts`, async () => {
    if (!process.env.RELEASES_DIR || !process.env.DATABASE_URL)
      throw new Error("RELEASES_DIR and DATABASE_URL are not set: run the tests through `npm test`.");
    const root = path.resolve(import.meta.dirname, "..", "..");
    // The package.json script itself, run the way npm runs it (without npm's own start-up time).
    const script = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts["data:release"] as string;
    // Asynchronously: a blocked event loop would let the server drop this process's idle keep-alive sockets unnoticed.
    const made = await run("sh", ["-c", `${script} --date 2002-03-04`], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
      // The site's address, as in production: the release's data package names its files by absolute URL.
      env: {
        ...process.env,
        SITE_URL: baseUrl(),
        PATH: `${path.join(root, "node_modules", ".bin")}:${process.env.PATH}`,
      },
    });
    expect(made.stdout).toMatch(/^Release 2002-03-04: /m);
    const { body } = await call("/releases", "/releases");
    const release = (
      body as { data: { date: string; counts: object; files: { name: string; sha256: string }[] }[] }
    ).data.find((r) => r.date === "2002-03-04");
    expect(release?.counts).toEqual({
      organizations: organizations.length,
      institutions: seededInstitutionCount(),
      memberships: memberships.length,
    });
    const csv = await call("/releases/{date}/{file}", "/releases/2002-03-04/dataset.csv");
    expect(
      createHash("sha256")
        .update(csv.body as string)
        .digest("hex"),
    ).toBe(release!.files.find((f) => f.name === "dataset.csv")!.sha256);
    await call("/releases/{date}/{file}", "/releases/2002-03-04/manifest.json");
    await call("/releases/{date}/{file}", "/releases/2002-03-04/dataset.json");
    await call("/releases/{date}/{file}", "/releases/2002-03-04/datapackage.json");
    const packaged = await checkDataPackage(url("/api/v1/releases/2002-03-04/datapackage.json"));
    expect([packaged.valid, packaged.rowErrors]).toEqual([
      true,
      { organizations: [], institutions: [], memberships: [] },
    ]);
    expect((await call("/releases/{date}/{file}", "/releases/1999-01-01/dataset.csv")).res.status).toBe(404);
    expect((await call("/releases/{date}/{file}", "/releases/2002-03-04/..%2F..%2Fpackage.json")).res.status).toBe(404);
    for (const locale of ["en", "zh"]) {
      const html = await (await fetch(url(`/${locale}/data`))).text();
      expect(html).toContain("/api/v1/releases/2002-03-04/dataset.json");
      expect(html).toContain(
        locale === "en"
          ? `${organizations.length} organizations, ${seededInstitutionCount().toLocaleString("en")} institutions, ` +
              `${memberships.length} memberships`
          : `${organizations.length} 个组织`,
      );
      expect(html).toContain("https://creativecommons.org/publicdomain/zero/1.0/");
    }
  }, 120_000);
});
