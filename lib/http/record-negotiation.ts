// Content negotiation on record pages (/{locale}/organizations/{slug}, /{locale}/institutions/{slug}): which
// representation an Accept header asks for, and the data address that serves it. Pure functions, no imports:
// proxy.ts runs this before Next's page cache, and the pages announce the same addresses with
// <link rel="alternate" type="…">.

// In order of preference when a client's ranges tie (`application/*` is the API's JSON).
export const RECORD_DATA_TYPES = ["application/json", "application/ld+json", "text/csv"] as const;
export type RecordDataType = (typeof RECORD_DATA_TYPES)[number];
export type RecordRepresentation = "html" | RecordDataType;
export type RecordKind = "organizations" | "institutions";

/** The page first: it wins every tie the client leaves open. */
const OFFERS: readonly { representation: RecordRepresentation; type: string }[] = [
  { representation: "html", type: "text/html" },
  ...RECORD_DATA_TYPES.map((type) => ({ representation: type, type })),
];

type MediaRange = { type: string; subtype: string; q: number; order: number };

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  header.split(",").forEach((part, order) => {
    const [range = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const [type, subtype] = range.split("/");
    if (!type || !subtype) return;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split("=").map((s) => s.trim());
      // RFC 9110 §12.4.2: a weight is 0 to 1 with at most three decimals; anything else makes the range unusable.
      if (name === "q")
        q = value !== undefined && /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : -1;
    }
    if (q >= 0) ranges.push({ type, subtype, q, order });
  });
  return ranges;
}

/** How specifically a range names a media type: 3 exactly, 2 as type/*, 1 as *\/*, 0 not at all. */
function specificity(range: MediaRange, mediaType: string): number {
  const [type, subtype] = mediaType.split("/");
  if (range.type === type && range.subtype === subtype) return 3;
  if (range.type === type && range.subtype === "*") return 2;
  if (range.type === "*" && range.subtype === "*") return 1;
  return 0;
}

/**
 * The representation an Accept header asks for. Each offer takes the weight of the most specific range that
 * names it (RFC 9110 §12.5.1); the highest weight wins, then the offer named more specifically (so
 * `application/json, *\/*` is JSON), then the one the client listed first, then the page. So a browser's
 * `text/html,…,*\/*;q=0.8` and a bare `*\/*` get the page, and `application/json;q=0.9, text/html;q=0.8`
 * gets JSON. A header nothing satisfies (`image/png`, or every offer at q=0) also gets the page, not a 406:
 * RFC 9110 allows ignoring the header, a 406 would show a browser nothing useful, and proxy.ts never even sees
 * most such requests (it runs only when Accept mentions json or csv), so a 406 could not be given consistently.
 */
export function negotiateRecord(accept: string | null | undefined): RecordRepresentation {
  if (!accept?.trim()) return "html";
  const ranges = parseAccept(accept);
  let best: { representation: RecordRepresentation; q: number; specificity: number; order: number } | null = null;
  for (const offer of OFFERS) {
    let match: { q: number; specificity: number; order: number } | null = null;
    for (const range of ranges) {
      const s = specificity(range, offer.type);
      if (s > 0 && (!match || s > match.specificity)) match = { q: range.q, specificity: s, order: range.order };
    }
    if (!match || match.q === 0) continue;
    const better =
      !best ||
      match.q > best.q ||
      (match.q === best.q && match.specificity > best.specificity) ||
      (match.q === best.q && match.specificity === best.specificity && match.order < best.order);
    if (better) best = { representation: offer.representation, ...match };
  }
  return best?.representation ?? "html";
}

/**
 * Where each data representation of a record lives: the open API's record, its schema.org JSON-LD (the one
 * the page embeds, in the page's language) and its memberships as CSV (the export slice).
 */
export function recordDataPath(kind: RecordKind, slug: string, locale: string, type: RecordDataType): string {
  if (type === "application/json") return `/api/v1/${kind}/${slug}`;
  if (type === "application/ld+json") return `/api/v1/${kind}/${slug}/jsonld?lang=${locale}`;
  return `/api/v1/export/${kind}/${slug}.csv`;
}

/** The alternates a record page announces (Next's metadata `alternates.types`), one per data representation. */
export function recordAlternateTypes(kind: RecordKind, slug: string, locale: string): Record<RecordDataType, string> {
  return {
    "application/ld+json": recordDataPath(kind, slug, locale, "application/ld+json"),
    "application/json": recordDataPath(kind, slug, locale, "application/json"),
    "text/csv": recordDataPath(kind, slug, locale, "text/csv"),
  };
}

/** A record page's path, split: /{locale}/{organizations|institutions}/{slug} and nothing after it. */
export function parseRecordPath(pathname: string): { locale: string; kind: RecordKind; slug: string } | null {
  const m = /^\/(en|zh)\/(organizations|institutions)\/([^/]+)\/?$/.exec(pathname);
  return m ? { locale: m[1]!, kind: m[2] as RecordKind, slug: m[3]! } : null;
}
