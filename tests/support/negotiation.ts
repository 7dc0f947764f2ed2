// Asking a record page for each of its representations over plain HTTP, as curl or a harvester would: the page
// for a browser's Accept, a 303 to the data's address for a data type, and that address answering in the type.
import { expect } from "vitest";

export const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
export const DATA_TYPES = ["application/json", "application/ld+json", "text/csv"] as const;
export type DataType = (typeof DATA_TYPES)[number];

const mediaType = (res: Response) => (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
const varyNames = (res: Response) =>
  (res.headers.get("vary") ?? "")
    .split(",")
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);

/** The address each data type is sent to from a record page (what proxy.ts and the page's links say). */
export function dataAddress(path: string, type: DataType): string {
  const [, locale, kind, slug] = /^\/(en|zh)\/(organizations|institutions)\/([^/]+)$/.exec(path) ?? [];
  if (!slug) throw new Error(`${path} is not a record page's address`);
  if (type === "application/json") return `/api/v1/${kind}/${slug}`;
  if (type === "application/ld+json") return `/api/v1/${kind}/${slug}/jsonld?lang=${locale}`;
  return `/api/v1/export/${kind}/${slug}.csv`;
}

/** A record page asked with a browser's Accept: the HTML page, saying it varies by Accept. */
export async function expectPage(base: string, path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: { accept: BROWSER_ACCEPT, ...init.headers },
    redirect: "manual",
  });
  expect(res.status, path).toBe(200);
  expect(mediaType(res), path).toBe("text/html");
  expect(varyNames(res), path).toContain("accept");
  const text = await res.text();
  expect(text, path).toMatch(/^<!DOCTYPE html>/i);
  return { res, text };
}

/**
 * A record page asked for one data type: a 303 (varying by Accept, cacheable) to the data's address, which
 * answers 200 in that type. `accept` may be any header that should pick `type`.
 */
export async function expectData(
  base: string,
  path: string,
  accept: string,
  type: DataType,
  init: RequestInit = {},
): Promise<{ body: string }> {
  const res = await fetch(`${base}${path}`, { ...init, headers: { accept, ...init.headers }, redirect: "manual" });
  const label = `${path} (Accept: ${accept})`;
  expect(res.status, label).toBe(303);
  expect(varyNames(res), label).toContain("accept");
  expect(res.headers.get("cache-control"), label).toMatch(/public, max-age=\d+/);
  const location = new URL(res.headers.get("location") ?? "", `${base}${path}`);
  expect(`${location.pathname}${location.search}`, label).toBe(dataAddress(path, type));
  expect(location.origin, label).toBe(new URL(base).origin);
  const data = await fetch(location, { method: init.method ?? "GET", headers: { accept } });
  expect(data.status, location.href).toBe(200);
  expect(mediaType(data), location.href).toBe(type);
  const body = await data.text();
  if (init.method === "HEAD") expect(body).toBe("");
  else if (type === "text/csv") expect(body.split("\r\n")[0]).toMatch(/^id,institution_slug,/);
  else expect(() => JSON.parse(body), location.href).not.toThrow();
  return { body };
}

/** Every representation of a record, twice over, in an order: data first, or the page first (its cache warm). */
export async function expectEveryRepresentation(base: string, path: string, order: "page-first" | "data-first") {
  const page = () => expectPage(base, path);
  const data = async () => {
    for (const type of DATA_TYPES) await expectData(base, path, type, type);
  };
  const steps = order === "page-first" ? [page, data, page, data, page] : [data, page, data, page, data];
  const cacheStates: (string | null)[] = [];
  for (const step of steps) {
    const result = await step();
    if (result) cacheStates.push(result.res.headers.get("x-nextjs-cache"));
  }
  // The page repeated after data requests comes from Next's page cache, still HTML.
  expect(cacheStates.at(-1), path).toMatch(/HIT|STALE/);
}
