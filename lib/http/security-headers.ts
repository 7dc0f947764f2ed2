// The security headers every response carries (next.config.ts `headers()`), in one place so a unit test can
// read the policy. Loaded by next.config.ts at build time: no "server-only", no env access of its own.

type Header = { key: string; value: string };
type HeaderRule = { source: string; headers: Header[]; has?: { type: "header"; key: string; value?: string }[] };

/**
 * The Content-Security-Policy. Next's inline bootstrap scripts need 'unsafe-inline' unless every page is
 * rendered with a nonce, which would make the cached public pages dynamic; the policy still shuts out
 * plugins, <base> hijacking, foreign form targets and framing, and nothing is loaded from another origin.
 */
export function contentSecurityPolicy({ dev = false, frameAncestors = "'none'", https = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Rules for next.config.ts. Later rules override earlier ones for the same key, so the embed and reconciliation
 * preview rules (which may be framed anywhere) come after the catch-all. HSTS goes out when the public address is
 * https, and otherwise on requests that a TLS-terminating proxy marks as https (browsers ignore it over plain
 * http).
 */
export function securityHeaderRules({ siteUrl, dev = false }: { siteUrl: string; dev?: boolean }): HeaderRule[] {
  const https = siteUrl.startsWith("https://");
  const common: Header[] = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  const hsts: Header = { key: "Strict-Transport-Security", value: HSTS };
  const rules: HeaderRule[] = [
    {
      source: "/:path*",
      headers: [
        ...common,
        { key: "Content-Security-Policy", value: contentSecurityPolicy({ dev, https }) },
        ...(https ? [hsts] : []),
      ],
    },
  ];
  if (!https)
    rules.push({
      source: "/:path*",
      has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
      headers: [hsts],
    });
  // The widget lives at /embed/* only: a pattern with a leading segment (/:locale/embed/*) let any page under
  // /<anything>/embed/ be framed by any site.
  rules.push({
    source: "/embed/:path*",
    headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ dev, https, frameAncestors: "*" }) }],
  });
  // The reconciliation service's preview card is shown in a frame of the client (OpenRefine on localhost, a
  // web tool elsewhere): the one API path that may be framed, a static card without script.
  rules.push({
    source: "/api/reconcile/preview",
    headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ dev, https, frameAncestors: "*" }) }],
  });
  return rules;
}
