// The reconciliation service (W3C Reconciliation API 0.2) over real HTTP against the running portal, the way
// OpenRefine 3.x walks it: manifest → batch reconcile (POST form) → suggest → preview → extend, each URL taken
// from the manifest and each answer validated against the specification's schemas. A browser-based client's
// CORS preflight, and the preview card allowed in another site's frame. No browser needed.
import { describe, expect, it } from "vitest";
import { url } from "../support/browser";
import { reconciliationErrors, type ReconciliationSchema } from "../support/reconciliation-schemas";

const ORIGIN = "http://localhost:3333"; // where OpenRefine serves its pages

async function valid(response: Response, schema: ReconciliationSchema) {
  expect(response.status).toBe(200);
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  const body = await response.json();
  expect(reconciliationErrors(schema, body)).toEqual([]);
  return body;
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: "POST",
  headers: { Origin: ORIGIN },
  body: new URLSearchParams(fields),
});

describe("reconciliation over HTTP", () => {
  it("walks OpenRefine's sequence from the manifest's own URLs", async () => {
    const manifest = await valid(await fetch(url("/api/reconcile"), { headers: { Origin: ORIGIN } }), "manifest");
    const service = url("/api/reconcile");
    expect(manifest.view.url).toContain("{{id}}");

    // Spreadsheet rows with noise; Northeastern University has namesakes in China and the United States.
    const queries = {
      q0: { query: "nanjing medical univ", type: "institution", properties: [{ pid: "country", v: "CN" }] },
      q1: { query: "Northeastern University", type: "institution", properties: [{ pid: "country", v: "China" }] },
      q2: { query: "Northeastern University", type: "institution" },
      q3: { query: "eurasia pacific uninet", type: "organization" },
    };
    expect(reconciliationErrors("reconciliation-query-batch", queries)).toEqual([]);
    const batch = await valid(
      await fetch(service, form({ queries: JSON.stringify(queries) })),
      "reconciliation-result-batch",
    );
    const best = (key: string) => batch[key].result[0];
    expect(best("q0")).toMatchObject({ id: "institution/nanjing-medical-university", match: true });
    expect(best("q1").match).toBe(true);
    expect(best("q1").description).toMatch(/China/);
    expect(best("q2").match).toBe(false);
    expect(best("q3")).toMatchObject({ id: "organization/eurasia-pacific-uninet", match: true });

    const entity = manifest.suggest.entity;
    const suggestUrl = `${entity.service_url}${entity.service_path}?prefix=${encodeURIComponent("Nanjing Med")}`;
    const suggested = await valid(await fetch(`${suggestUrl}&type=institution`), "suggest-entities-response");
    expect(suggested.result[0].id).toBe("institution/nanjing-medical-university");
    const types = manifest.suggest.type;
    await valid(await fetch(`${types.service_url}${types.service_path}?prefix=org`), "suggest-types-response");
    const props = manifest.suggest.property;
    await valid(await fetch(`${props.service_url}${props.service_path}?prefix=`), "suggest-properties-response");

    const card = await fetch(manifest.preview.url.replace("{{id}}", encodeURIComponent(best("q0").id)));
    expect(card.status).toBe(200);
    expect(card.headers.get("content-type")).toMatch(/^text\/html/);
    // OpenRefine shows the card in a frame of its own page: no X-Frame-Options, frame-ancestors *.
    expect(card.headers.get("x-frame-options")).toBeNull();
    expect(card.headers.get("content-security-policy")).toMatch(/frame-ancestors \*/);
    expect(await card.text()).toContain("Nanjing Medical University");
    const page = await fetch(manifest.view.url.replace("{{id}}", encodeURIComponent(best("q0").id)), {
      redirect: "manual",
    });
    expect(page.status).toBe(308);
    expect(new URL(page.headers.get("location") ?? "").pathname).toBe("/en/institutions/nanjing-medical-university");

    const propose = manifest.extend.propose_properties;
    const proposed = await valid(
      await fetch(`${propose.service_url}${propose.service_path}?type=institution`),
      "data-extension-property-proposal",
    );
    const ids = ["q0", "q1", "q3"].map((k) => best(k).id);
    const extend = { ids, properties: proposed.properties.map((p: { id: string }) => ({ id: p.id })) };
    expect(reconciliationErrors("data-extension-query", extend)).toEqual([]);
    const rows = (
      await valid(await fetch(service, form({ extend: JSON.stringify(extend) })), "data-extension-response")
    ).rows;
    expect(rows[ids[0]!].country).toEqual([{ str: "CN" }]);
    expect(rows[ids[0]!].member_of.length).toBe(rows[ids[0]!].member_since.length);
    expect(rows[ids[0]!].member_of.length).toBeGreaterThan(0);
  });

  it("answers a browser's CORS preflight for POST, and errors are JSON with CORS", async () => {
    const pre = await fetch(url("/api/reconcile"), {
      method: "OPTIONS",
      headers: { Origin: ORIGIN, "Access-Control-Request-Method": "POST" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-methods")).toContain("POST");
    const bad = await fetch(url("/api/reconcile"), form({ queries: "{not json" }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get("access-control-allow-origin")).toBe("*");
    expect((await bad.json()).error).toMatchObject({ code: "bad_request", message: "queries is not valid JSON." });
    const unknown = await fetch(url("/api/reconcile/preview?id=institution/no-such-place"));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
  });
});
