// The sitemap at world scale: /sitemap.xml is an index of files of at most SITEMAP_URLS addresses each
// (the protocol allows 50,000 per file; 75,000 organizations and 110,000 institutions need several).
// Pure functions here; the rows come from lib/data/open/sitemap-records.ts.
import { routing } from "@/i18n/routing";

/** Addresses per sitemap file: with a language alternate each, 10,000 keeps a file near 4 MB. */
export const SITEMAP_URLS = 10_000;

export type SitemapFile = { kind: "pages" } | { kind: "organizations" | "institutions"; page: number };
export type SitemapEntry = { path: string; lastModified?: string };

/** The files for these counts, in order: the fixed pages, then organizations and institutions a file at a time. */
export function sitemapFiles(
  counts: { organizations: number; institutions: number },
  perFile = SITEMAP_URLS,
): SitemapFile[] {
  const pages = (n: number) => Array.from({ length: Math.ceil(n / perFile) }, (_, page) => page);
  return [
    { kind: "pages" },
    ...pages(counts.organizations).map((page) => ({ kind: "organizations" as const, page })),
    ...pages(counts.institutions).map((page) => ({ kind: "institutions" as const, page })),
  ];
}

/** "3.xml" → 3; anything else (a name, a sign, leading zeros) → null. */
export function sitemapFileNumber(name: string): number | null {
  const match = /^(0|[1-9]\d{0,5})\.xml$/.exec(name);
  return match ? Number(match[1]) : null;
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function sitemapIndexXml(site: string, files: number): string {
  const entries = Array.from(
    { length: files },
    (_, n) => `<sitemap><loc>${escapeXml(`${site}/sitemaps/${n}.xml`)}</loc></sitemap>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
    `${entries.join("")}</sitemapindex>\n`
  );
}

/** A file of entries: each page in English, with every language's address as an alternate. */
export function sitemapXml(site: string, entries: SitemapEntry[]): string {
  const urls = entries.map(({ path, lastModified }) => {
    const alternates = routing.locales
      .map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(`${site}/${l}${path}`)}"/>`)
      .join("");
    const lastmod = lastModified ? `<lastmod>${lastModified}</lastmod>` : "";
    // The protocol's XSD fixes the order: <loc>, then <lastmod>, then other namespaces' elements (xhtml:link).
    return `<url><loc>${escapeXml(`${site}/${routing.defaultLocale}${path}`)}</loc>${lastmod}${alternates}</url>`;
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n` +
    `${urls.join("\n")}\n</urlset>\n`
  );
}
