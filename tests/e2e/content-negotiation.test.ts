// Record pages give their data to clients that ask (Accept: application/json, application/ld+json, text/csv)
// with a 303 to the data's address, and their HTML to everyone else: in either order, with Next's page cache
// warm, through the round-robin front (scripts/proxy.mjs), by q-value, for HEAD, and 404 for an unknown slug.
// The page announces each data address with <link rel="alternate" type="…">, and each answers in its type.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startProxy } from "../../scripts/proxy.mjs";
import { baseUrl } from "../support/browser";
import {
  BROWSER_ACCEPT,
  DATA_TYPES,
  dataAddress,
  expectData,
  expectEveryRepresentation,
  expectPage,
} from "../support/negotiation";

let front: Awaited<ReturnType<typeof startProxy>>;
beforeAll(async () => {
  front = await startProxy({ upstreams: [baseUrl()] });
});
afterAll(() => front?.close());

// Records no other end-to-end test reads, so the first request here meets a cold page cache.
const PAGES = {
  organizationPageFirst: "/en/organizations/alliance-of-international-science-organizations",
  organizationDataFirst: "/zh/organizations/pan-asian-biomedical-science-consortium",
  institutionPageFirst: "/zh/institutions/oead-gmbh",
  institutionDataFirst: "/en/institutions/kunming-medical-university",
  throughFrontPageFirst: "/zh/organizations/alliance-of-international-science-organizations",
  throughFrontDataFirst: "/en/institutions/chinese-academy-of-engineering",
};

describe("every representation, in both orders, cold and with the page cache warm", () => {
  test.each([
    ["an organization, page first", PAGES.organizationPageFirst, "page-first"],
    ["an organization, data first", PAGES.organizationDataFirst, "data-first"],
    ["an institution, page first", PAGES.institutionPageFirst, "page-first"],
    ["an institution, data first", PAGES.institutionDataFirst, "data-first"],
  ] as const)("%s", (_, path, order) => expectEveryRepresentation(baseUrl(), path, order));

  test.each([
    ["page first", PAGES.throughFrontPageFirst, "page-first"],
    ["data first", PAGES.throughFrontDataFirst, "data-first"],
  ] as const)("through the round-robin front, %s", async (_, path, order) => {
    await expectEveryRepresentation(front.url, path, order);
  });
});

describe("what the Accept header says", () => {
  const path = "/en/organizations/m9-collaboration-network";

  test("q-values decide; the page wins when HTML weighs more; */* alone or an unsatisfiable type get it", async () => {
    await expectData(baseUrl(), path, "application/json;q=0.9, text/html;q=0.8", "application/json");
    await expectData(baseUrl(), path, "text/html;q=0.1, text/csv;q=0.2, application/ld+json;q=0.15", "text/csv");
    await expectData(baseUrl(), path, "*/*;q=0.5, application/ld+json", "application/ld+json");
    for (const accept of [
      "text/html, application/json;q=0.5",
      `${BROWSER_ACCEPT}, application/json;q=0.7`,
      "*/*",
      "image/png",
      "application/json;q=0",
    ])
      await expectPage(baseUrl(), path, { headers: { accept } });
  });

  test("a browser's page read still skips the proxy; one whose Accept mentions JSON runs it", async () => {
    // next-intl's middleware, which proxy.ts ends in, puts its hreflang alternates in a Link header: the sign it ran.
    const ranProxy = async (accept: string) =>
      /hreflang/i.test((await expectPage(baseUrl(), path, { headers: { accept } })).res.headers.get("link") ?? "");
    expect(await ranProxy(BROWSER_ACCEPT)).toBe(false);
    expect(await ranProxy("*/*")).toBe(false);
    expect(await ranProxy("text/html, application/json;q=0.5")).toBe(true);
  });

  test("HEAD: a 303 for data (its address answers HEAD in the type), the page's headers for HTML", async () => {
    for (const type of DATA_TYPES) await expectData(baseUrl(), path, type, type, { method: "HEAD" });
    const res = await fetch(`${baseUrl()}${path}`, { method: "HEAD", headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("vary")?.toLowerCase()).toContain("accept");
  });

  test("the address without a language sends a data client on to the data", async () => {
    for (const type of DATA_TYPES) {
      const res = await fetch(`${baseUrl()}/organizations/m9-collaboration-network`, { headers: { accept: type } });
      expect(res.status, type).toBe(200);
      expect(res.headers.get("content-type"), type).toMatch(new RegExp(`^${type.replace("+", "\\+")}`));
      expect(new URL(res.url).pathname, type).toMatch(/^\/api\/v1\//);
    }
  });
});

describe("an unknown record", () => {
  test.each(["/en/organizations/no-such-alliance", "/zh/institutions/no-such-university"])(
    "%s is a 404 for every type, the page's and the data's",
    async (path) => {
      const page = await fetch(`${baseUrl()}${path}`, { headers: { accept: BROWSER_ACCEPT } });
      expect(page.status).toBe(404);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      expect(page.headers.get("vary")?.toLowerCase()).toContain("accept");
      for (const type of DATA_TYPES) {
        const res = await fetch(`${baseUrl()}${path}`, { headers: { accept: type } });
        expect(res.status, type).toBe(404);
        expect(new URL(res.url).pathname, type).toBe(dataAddress(path, type).split("?")[0]);
        const body = (await res.json()) as { error: { code: string } };
        expect(body.error.code, type).toBe("not_found");
      }
    },
  );

  test("an address that is not a slug is the page's 404 whatever is asked", async () => {
    for (const accept of [BROWSER_ACCEPT, ...DATA_TYPES]) {
      const res = await fetch(`${baseUrl()}/en/organizations/Not_A_Slug`, { headers: { accept }, redirect: "manual" });
      expect(res.status, accept).toBe(404);
    }
  });
});

describe("the page announces its data", () => {
  test.each([PAGES.organizationPageFirst, "/zh/institutions/nanjing-medical-university"])(
    "%s: a <link rel=alternate> for each type, pointing at an address that answers in it",
    async (path) => {
      const { text } = await expectPage(baseUrl(), path);
      const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
      const links = [...text.matchAll(/<link\s[^>]*>/g)]
        .map((m) => m[0])
        .filter((tag) => attribute(tag, "rel") === "alternate" && attribute(tag, "type"))
        .map((tag) => ({ type: attribute(tag, "type")!, href: attribute(tag, "href")!.replace(/&amp;/g, "&") }))
        // The page's changes feed is announced beside its data (tests/e2e/feeds.test.ts reads it).
        .filter((link) => link.type !== "application/atom+xml");
      expect(links.map((l) => l.type).sort()).toEqual([...DATA_TYPES].sort());
      for (const link of links) {
        const address = new URL(link.href, baseUrl());
        expect(`${address.pathname}${address.search}`).toBe(
          dataAddress(path, link.type as (typeof DATA_TYPES)[number]),
        );
        const res = await fetch(new URL(`${address.pathname}${address.search}`, baseUrl()));
        expect(res.status, link.href).toBe(200);
        expect(res.headers.get("content-type"), link.href).toMatch(new RegExp(`^${link.type.replace("+", "\\+")}`));
      }
    },
  );

  test("the JSON-LD address serves the node the page embeds", async () => {
    const path = "/zh/institutions/nanjing-medical-university";
    const { text } = await expectPage(baseUrl(), path);
    const embedded = [...text.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1]!),
    );
    const { body } = await expectData(baseUrl(), path, "application/ld+json", "application/ld+json");
    expect(embedded).toContainEqual(JSON.parse(body));
  });
});
