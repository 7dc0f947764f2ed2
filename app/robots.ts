import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

// Read at request time: the public address is configuration of the running server, not of the build.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/api/"] }],
    sitemap: `${env().SITE_URL}/sitemap.xml`,
  };
}
