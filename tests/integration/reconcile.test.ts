// The W3C Reconciliation API 0.2 service (/api/reconcile) on the seeded database with the directory of the
// world's universities: every answer is validated against the specification's own JSON schemas
// (tests/fixtures/reconciliation-0.2), properties move scores, `match` is given only when certain, bad input is
// a JSON error. The same walk over real HTTP, against the built app, is in tests/e2e/reconcile.test.ts.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { junk } from "../support/fuzz";
import { useWriteDatabase } from "../support/db";
import { type ReconciliationSchema, reconciliationErrors } from "../support/reconciliation-schemas";

useWriteDatabase();
const service = await import("@/app/api/reconcile/route");
const preview = await import("@/app/api/reconcile/preview/route");
const view = await import("@/app/api/reconcile/view/route");
const properties = await import("@/app/api/reconcile/properties/route");
const suggestEntity = await import("@/app/api/reconcile/suggest/entity/route");
const suggestType = await import("@/app/api/reconcile/suggest/type/route");
const suggestProperty = await import("@/app/api/reconcile/suggest/property/route");
const { db } = await import("@/lib/data/db");
const { env } = await import("@/lib/env");

afterAll(async () => {
  await db().$disconnect();
});

const SITE = env().SITE_URL.replace(/\/+$/, "");
const NMU = "institution/nanjing-medical-university";
const CUHK = "institution/chinese-university-of-hong-kong";
const BRIMEA = "organization/belt-and-road-international-medical-education-alliance";
const EPU = "organization/eurasia-pacific-uninet";

/** The route module serving a path, as Next's router would pick it. */
const ROUTES: Record<string, { GET: (r: Request) => Response | Promise<Response>; POST?: unknown }> = {
  "/api/reconcile": service,
  "/api/reconcile/preview": preview,
  "/api/reconcile/view": view,
  "/api/reconcile/properties": properties,
  "/api/reconcile/suggest/entity": suggestEntity,
  "/api/reconcile/suggest/type": suggestType,
  "/api/reconcile/suggest/property": suggestProperty,
};

async function call(url: string, form?: Record<string, string>): Promise<Response> {
  const u = new URL(url, SITE);
  const route = ROUTES[u.pathname];
  if (!route) throw new Error(`No route ${u.pathname}`);
  if (!form) return route.GET(new Request(u));
  const request = new Request(u, { method: "POST", body: new URLSearchParams(form) });
  return (route.POST as (r: Request) => Promise<Response>)(request);
}

async function json(response: Response, schema?: ReconciliationSchema) {
  const body = await response.json();
  if (schema) expect(reconciliationErrors(schema, body)).toEqual([]);
  return body;
}

type Candidate = {
  id: string;
  name: string;
  score: number;
  match: boolean;
  features: { id: string; value: unknown }[];
};
type Batch = Record<string, { result: Candidate[] }>;

async function reconcile(queries: Record<string, unknown>, method: "GET" | "POST" = "POST"): Promise<Batch> {
  expect(reconciliationErrors("reconciliation-query-batch", queries)).toEqual([]);
  const text = JSON.stringify(queries);
  const response =
    method === "GET"
      ? await call(`/api/reconcile?queries=${encodeURIComponent(text)}`)
      : await call("/api/reconcile", { queries: text });
  expect(response.status).toBe(200);
  return json(response, "reconciliation-result-batch");
}

async function expectError(response: Response, status: number, pattern: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  const body = await response.json();
  expect(body.error.message).toMatch(pattern);
  return body.error;
}

describe("manifest", () => {
  it("describes the service as the specification's schema requires, with this site's URLs", async () => {
    const response = await call("/api/reconcile");
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const manifest = await json(response, "manifest");
    expect(manifest.versions).toContain("0.2");
    expect(manifest.identifierSpace).toBe(`${SITE}/api/reconcile/view?id=`);
    expect(manifest.schemaSpace).toBe(`${SITE}/api/reconcile/properties?type=`);
    expect(manifest.defaultTypes.map((t: { name: string }) => t.name)).toEqual(["Institution", "Organization"]);
    expect(manifest.preview).toEqual({ url: `${SITE}/api/reconcile/preview?id={{id}}`, width: 400, height: 130 });
    expect(Object.keys(manifest.suggest)).toEqual(["entity", "type", "property"]);
    expect(manifest.extend.propose_properties.service_path).toBe("/api/reconcile/properties");
  });

  it("answers a CORS preflight for GET and POST, and refuses other methods with a JSON 405", async () => {
    const pre = service.OPTIONS();
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-methods")).toBe("GET, POST, OPTIONS");
    await expectError(service.DELETE(new Request(`${SITE}/api/reconcile`, { method: "DELETE" })), 405, /DELETE/);
  });

  it("wraps the manifest for JSONP only under a plain identifier", async () => {
    const ok = await call("/api/reconcile?callback=jQuery123_456");
    expect(ok.headers.get("content-type")).toMatch(/application\/javascript/);
    const text = await ok.text();
    const body = /^\/\*\*\/jQuery123_456\((.*)\);$/s.exec(text)?.[1];
    expect(reconciliationErrors("manifest", JSON.parse(body ?? "null"))).toEqual([]);
    await expectError(await call("/api/reconcile?callback=alert(1)//"), 400, /callback/);
  });
});

describe("reconciliation queries", () => {
  it("finds seed names with noise: lower case, a missing word, a typo, an acronym, a Chinese name", async () => {
    const batch = await reconcile({
      q0: { query: "nanjing medical university" },
      q1: { query: "Chinese University of Hong Kong", type: "institution" },
      q2: { query: "Nanjing Medcal University", type: "institution" },
      q3: { query: "EPU", type: "organization" },
      q4: { query: "欧亚太平洋学术协会" },
    });
    expect(batch.q0?.result[0]).toMatchObject({ id: NMU, name: "Nanjing Medical University", score: 100, match: true });
    expect(batch.q1?.result[0]?.id).toBe(CUHK);
    expect(batch.q2?.result[0]).toMatchObject({ id: NMU });
    // A typo is a candidate, never a certain match on its own.
    expect(batch.q2?.result[0]?.match).toBe(false);
    expect(batch.q3?.result[0]).toMatchObject({ id: EPU, match: true });
    expect(batch.q4?.result[0]).toMatchObject({ id: EPU, match: true });
  });

  it("reads the same batch by GET as by POST", async () => {
    const queries = { q0: { query: "Eurasia Pacific Uninet", limit: 3 } };
    expect(await reconcile(queries, "GET")).toEqual(await reconcile(queries, "POST"));
  });

  it("country decides between namesakes: without it no match, with it the right one, certain", async () => {
    const without = await reconcile({ q0: { query: "Northeastern University", type: "institution" } });
    const plain = without.q0?.result ?? [];
    const exact = plain.filter((c) => c.name === "Northeastern University");
    expect(exact).toHaveLength(2);
    expect(exact.every((c) => c.score === 100 && !c.match)).toBe(true);

    const withCountry = await reconcile({
      q0: { query: "Northeastern University", type: "institution", properties: [{ pid: "country", v: "China" }] },
      q1: { query: "Northeastern University", type: "institution", properties: [{ pid: "country", v: "US" }] },
    });
    const [cn, us] = [withCountry.q0?.result ?? [], withCountry.q1?.result ?? []];
    expect(cn[0]?.match).toBe(true);
    expect(us[0]?.match).toBe(true);
    expect(cn[0]?.id).not.toBe(us[0]?.id);
    expect(cn[0]?.features).toContainEqual({ id: "country", value: true });
    // The namesake in the other country falls behind, by the weight of a contradicted country.
    const other = cn.find((c) => c.id === us[0]?.id);
    expect(other?.score).toBe(65);
    expect(other?.features).toContainEqual({ id: "country", value: false });
  });

  it("a website or email domain agrees or contradicts, subdomains included", async () => {
    const batch = await reconcile({
      q0: { query: "Southeast University", properties: [{ pid: "website", v: "https://www.seu.edu.cn/" }] },
      q1: { query: "Southeast University", properties: [{ pid: "website", v: "someone@med.seu.edu.cn" }] },
    });
    for (const key of ["q0", "q1"] as const) {
      const [best, next] = batch[key]?.result ?? [];
      expect(best).toMatchObject({ match: true, score: 100 });
      expect(best?.features).toContainEqual({ id: "website", value: true });
      expect(next?.score).toBeLessThan(100);
    }
    expect(batch.q0?.result[0]?.id).toBe(batch.q1?.result[0]?.id);
  });

  it("member of raises a member and lowers a non-member, by an organization's id or its name", async () => {
    const batch = await reconcile({
      q0: { query: "Nanjing Medical University", properties: [{ pid: "member_of", v: { id: BRIMEA } }] },
      q1: { query: "Nanjing Medical University", properties: [{ pid: "member_of", v: "Eurasia-Pacific Uninet" }] },
      q2: { query: "Nanjing Medical University", properties: [{ pid: "member_of", v: "Some Other Alliance" }] },
    });
    expect(batch.q0?.result[0]).toMatchObject({ id: NMU, score: 100, match: true });
    expect(batch.q1?.result[0]?.features).toContainEqual({ id: "member_of", value: true });
    const contradicted = batch.q2?.result.find((c) => c.id === NMU);
    expect(contradicted).toMatchObject({ score: 80, match: false });
  });

  it("keeps to the limit and the type asked for", async () => {
    const batch = await reconcile({ q0: { query: "university", type: "institution", limit: 3 } });
    expect(batch.q0?.result).toHaveLength(3);
    expect(batch.q0?.result.every((c) => c.id.startsWith("institution/"))).toBe(true);
  });
});

describe("bad input is a clear JSON error", () => {
  it("malformed JSON, a list, no query, too many queries, an unknown type or property", async () => {
    await expectError(await call("/api/reconcile", { queries: "{q0:" }), 400, /queries is not valid JSON/);
    await expectError(await call("/api/reconcile", { queries: "[]" }), 400, /JSON object/);
    await expectError(await call("/api/reconcile", { queries: '{"q0":{"query":" "}}' }), 400, /q0.*empty/);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`q${i}`, { query: "x" }]));
    const error = await expectError(
      await call("/api/reconcile", { queries: JSON.stringify(many) }),
      400,
      /51 queries; a batch may hold at most 50/,
    );
    expect(error.code).toBe("bad_request");
    await expectError(await call("/api/reconcile", { queries: '{"q0":{"query":"a","type":"Person"}}' }), 400, /Person/);
    await expectError(
      await call("/api/reconcile", { queries: '{"q0":{"query":"a","properties":[{"pid":"P17","v":"CN"}]}}' }),
      400,
      /unknown property “P17”/,
    );
    await expectError(await call("/api/reconcile", { queries: '{"q0":{"query":"a","limit":500}}' }), 400, /limit/);
  });

  it("a POST that is not a form, and queries given twice", async () => {
    const notForm = await service.POST(
      new Request(`${SITE}/api/reconcile`, {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json" },
      }),
    );
    await expectError(notForm, 400, /POST a form/);
    const twice = await service.POST(
      new Request(`${SITE}/api/reconcile?queries=%7B%7D`, {
        method: "POST",
        body: new URLSearchParams({ queries: "{}" }),
      }),
    );
    await expectError(twice, 400, /more than once/);
  });

  it("an unknown id in preview and extend, a malformed id, an unknown extension property", async () => {
    await expectError(await call("/api/reconcile/preview?id=institution/no-such-place"), 404, /no-such-place/);
    await expectError(await call("/api/reconcile/preview?id=%3Cscript%3E"), 400, /id must be an id/);
    const extend = (body: unknown) => call("/api/reconcile", { extend: JSON.stringify(body) });
    await expectError(
      await extend({ ids: [NMU, "organization/no-such-alliance"], properties: [{ id: "country" }] }),
      404,
      /organization\/no-such-alliance/,
    );
    await expectError(await extend({ ids: ["nanjing"], properties: [{ id: "country" }] }), 400, /not an id/);
    await expectError(await extend({ ids: [NMU], properties: [{ id: "P17" }] }), 400, /unknown property/);
    await expectError(await call("/api/reconcile", { extend: "{" }), 400, /extend is not valid JSON/);
  });
});

describe("junk never breaks the service", () => {
  /** A 200, or a 4xx JSON error with a message: never a 5xx, never an unexplained refusal. */
  async function answered(response: Response) {
    expect(response.status).toBeLessThan(500);
    if (response.status >= 400) expect((await response.json()).error.message).toEqual(expect.any(String));
  }
  const text = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? "undefined"));

  it("in every field of a query, of an extension and of the other services' parameters", async () => {
    await fc.assert(
      fc.asyncProperty(junk, junk, junk, async (a, b, c) => {
        const queries = { q0: { query: a, type: b, limit: c }, q1: { query: "NMU", properties: [{ pid: a, v: b }] } };
        await answered(await call("/api/reconcile", { queries: JSON.stringify(queries) }));
        await answered(await call("/api/reconcile", { queries: text(a) }));
        const extend = { ids: [a, NMU], properties: [{ id: "country", settings: b }] };
        await answered(await call("/api/reconcile", { extend: JSON.stringify(extend) }));
        // URLSearchParams turns a lone surrogate into U+FFFD, as a browser would send it.
        const q = (params: Record<string, unknown>) =>
          new URLSearchParams(Object.entries(params).map(([k, v]) => [k, text(v)])).toString();
        await answered(await call(`/api/reconcile/preview?${q({ id: a })}`));
        await answered(await call(`/api/reconcile/suggest/entity?${q({ prefix: a, type: b, cursor: c })}`));
        await answered(await call(`/api/reconcile/properties?${q({ type: a, limit: b })}`));
      }),
      { numRuns: 40, seed: 20261130 },
    );
  });
});

describe("suggest, preview, extension", () => {
  it("suggests entities from the type-ahead, and the fixed types and properties", async () => {
    const entities = await json(
      await call("/api/reconcile/suggest/entity?prefix=eurasia%20pac"),
      "suggest-entities-response",
    );
    expect(entities.result[0]).toMatchObject({ id: EPU, notable: [{ id: "organization", name: "Organization" }] });
    const typed = await json(
      await call("/api/reconcile/suggest/entity?prefix=nanjing&type=organization"),
      "suggest-entities-response",
    );
    expect(typed.result.every((r: { id: string }) => r.id.startsWith("organization/"))).toBe(true);
    const types = await json(await call("/api/reconcile/suggest/type?prefix=inst"), "suggest-types-response");
    expect(types.result.map((t: { id: string }) => t.id)).toEqual(["institution"]);
    const props = await json(await call("/api/reconcile/suggest/property?prefix=coun"), "suggest-properties-response");
    expect(props.result.map((p: { id: string }) => p.id)).toEqual(["country"]);
    await expectError(await call("/api/reconcile/suggest/entity?prefix="), 400, /prefix is empty/);
  });

  it("proposes the properties each type holds", async () => {
    const inst = await json(
      await call("/api/reconcile/properties?type=institution"),
      "data-extension-property-proposal",
    );
    expect(inst.properties.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(["country", "website", "ror", "wikidata", "member_of", "member_since"]),
    );
    const org = await json(
      await call("/api/reconcile/properties?type=organization&limit=2"),
      "data-extension-property-proposal",
    );
    expect(org).toMatchObject({ type: "organization", limit: 2 });
    expect(org.properties).toHaveLength(2);
    await expectError(await call("/api/reconcile/properties"), 400, /type is required/);
  });

  it("previews a record as a small escaped HTML card", async () => {
    const response = await call(`/api/reconcile/preview?id=${encodeURIComponent(NMU)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain("Nanjing Medical University");
    expect(html).toMatch(/\d+ memberships/);
    expect(html).toContain(`href="${SITE}/en/institutions/nanjing-medical-university"`);
    expect(html).not.toContain("<script");
    const redirect = await call(`/api/reconcile/view?id=${encodeURIComponent(NMU)}`);
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get("location")).toBe(`${SITE}/en/institutions/nanjing-medical-university`);
  });

  it("extends institutions and organizations: member of and since aligned, dates at their precision", async () => {
    const query = {
      ids: [NMU, EPU],
      properties: ["country", "website", "ror", "wikidata", "member_of", "member_since"].map((id) => ({ id })),
    };
    expect(reconciliationErrors("data-extension-query", query)).toEqual([]);
    const body = await json(await call("/api/reconcile", { extend: JSON.stringify(query) }), "data-extension-response");
    expect(body.meta.map((m: { id: string }) => m.id)).toEqual(query.properties.map((p) => p.id));
    const nmu = body.rows[NMU];
    expect(nmu.country).toEqual([{ str: "CN" }]);
    const members: { id: string }[] = nmu.member_of;
    const i = members.findIndex((m) => m.id === BRIMEA);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(nmu.member_since).toHaveLength(members.length);
    // BRIMEA's source gives "May 2018": a month, no day invented.
    expect(nmu.member_since[i]).toEqual({ str: "2018-05" });
    // The Association of Sino-Russian Medical Universities: NMU's table gives no date; {} keeps the row aligned.
    const asrmu = members.findIndex((m) => m.id === "organization/association-of-sino-russian-medical-universities");
    expect(nmu.member_since[asrmu]).toEqual({});
    expect(body.rows[EPU].member_of).toEqual([]);
  });
});

describe("OpenRefine's sequence", () => {
  it("manifest → batch reconcile → suggest → preview → extend, following the manifest's URLs", async () => {
    const manifest = await json(await call("/api/reconcile"), "manifest");
    const batch: Batch = await json(
      await call("/api/reconcile", {
        queries: JSON.stringify({
          q0: { query: "nanjing medical univ", type: "institution", properties: [{ pid: "country", v: "CN" }] },
          q1: { query: "Northeastern University", type: "institution", properties: [{ pid: "country", v: "China" }] },
          q2: { query: "The Chinese University of Hong Kong", type: "institution" },
        }),
      }),
      "reconciliation-result-batch",
    );
    const matched = Object.values(batch).map((r) => r.result[0]);
    expect(matched.every((c) => c?.match)).toBe(true);
    const entity = manifest.suggest.entity;
    const suggested = await json(
      await call(`${entity.service_url}${entity.service_path}?prefix=chinese%20univ&type=institution`),
      "suggest-entities-response",
    );
    expect(suggested.result.map((r: { id: string }) => r.id)).toContain(CUHK);
    const card = await call(manifest.preview.url.replace("{{id}}", encodeURIComponent(matched[0]!.id)));
    expect(await card.text()).toContain("Nanjing Medical University");
    const ids = matched.map((c) => c!.id);
    const extended = await json(
      await call("/api/reconcile", {
        extend: JSON.stringify({ ids, properties: [{ id: "country" }, { id: "member_of" }] }),
      }),
      "data-extension-response",
    );
    expect(ids.map((id) => extended.rows[id].country[0]?.str)).toEqual(["CN", "CN", "HK"]);
  });
});
