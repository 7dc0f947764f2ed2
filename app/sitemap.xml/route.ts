import { env } from "@/lib/env";
import { sitemapCounts } from "@/lib/data/open/sitemap-records";
import { sitemapFiles, sitemapIndexXml } from "@/lib/seo/sitemap";

// Read at request time (the counts are cached by tag in lib/data): SITE_URL is the running server's.
export const dynamic = "force-dynamic";

/** The sitemap index: one file of fixed pages, then organizations and institutions 10,000 at a time. */
export async function GET() {
  const files = sitemapFiles(await sitemapCounts());
  return new Response(sitemapIndexXml(env().SITE_URL, files.length), {
    headers: { "content-type": "application/xml; charset=utf-8" },
  });
}
