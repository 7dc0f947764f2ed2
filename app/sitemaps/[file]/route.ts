import { env } from "@/lib/env";
import { sitemapCounts, sitemapRecords } from "@/lib/data/open/sitemap-records";
import { sitemapFileNumber, sitemapFiles, sitemapXml, type SitemapEntry } from "@/lib/seo/sitemap";

export const dynamic = "force-dynamic";

const FIXED_PAGES: SitemapEntry[] = [
  { path: "" },
  { path: "/organizations" },
  { path: "/institutions" },
  { path: "/data" },
  { path: "/data/api" },
];

/** One file of the sitemap index (/sitemaps/0.xml, /sitemaps/1.xml…). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const n = sitemapFileNumber((await params).file);
  const file = n === null ? undefined : sitemapFiles(await sitemapCounts())[n];
  if (!file)
    return new Response("No such sitemap file.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  const entries = file.kind === "pages" ? FIXED_PAGES : await sitemapRecords(file.kind, file.page);
  return new Response(sitemapXml(env().SITE_URL, entries), {
    headers: { "content-type": "application/xml; charset=utf-8" },
  });
}
