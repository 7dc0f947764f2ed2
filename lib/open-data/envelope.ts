import type { ApiPage } from "../data/open/api";
import { LICENSE } from "./license";

/** A list response: the items, the page, and the link to the next page (same filters, next cursor). */
export function listEnvelope<T>(page: ApiPage<T>, requestUrl: string) {
  const self = new URL(requestUrl);
  let next: string | null = null;
  if (page.nextCursor) {
    const u = new URL(self);
    u.searchParams.set("cursor", page.nextCursor);
    next = `${u.pathname}${u.search}`;
  }
  return {
    data: page.data,
    page: { limit: page.limit, total: page.total, nextCursor: page.nextCursor },
    links: { self: `${self.pathname}${self.search}`, next },
    license: LICENSE.url,
  };
}

export function itemEnvelope<T>(data: T) {
  return { data, license: LICENSE.url };
}

/**
 * The changes stream's page: unlike a list it has no total and always a next cursor (the position after what
 * this page gave), as a client keeps polling from it; `links.next` asks for it with the same limit.
 */
export function changesEnvelope<T>(page: { items: T[]; nextCursor: string; limit: number }, requestUrl: string) {
  const self = new URL(requestUrl);
  const next = new URL(self);
  next.searchParams.set("since", page.nextCursor);
  return {
    data: page.items,
    page: { limit: page.limit, nextCursor: page.nextCursor },
    links: { self: `${self.pathname}${self.search}`, next: `${next.pathname}${next.search}` },
    license: LICENSE.url,
  };
}
