// Cross-site request refusal for server actions and mutating route handlers: a state-changing request must
// come from a page of this site. Browsers send Origin on every POST; "null" (sandboxed frames, some
// redirects), a missing header, a malformed one and any other site's are refused.

import { env } from "../env";

export type OriginCheck = { ok: true } | { ok: false; message: string };

export type OriginInput = {
  origin: string | null;
  /** The request's Host header. */
  host: string | null;
  /** X-Forwarded-Host, used only when the proxy in front is trusted. */
  forwardedHost?: string | null;
  /**
   * The scheme the request arrived by (X-Forwarded-Proto, which scripts/serve.mjs sets from the socket unless a
   * trusted proxy set it): an https page's Origin is not the same site as a plain-http request to the same host.
   */
  proto?: string | null;
  /** SITE_URL: the public address is always allowed. */
  siteUrl: string;
  trustProxy?: boolean;
};

const REFUSED =
  "This request did not come from a page of this site, so it was refused and nothing was changed. " +
  "Reload the page and try again.";

export function checkOrigin({
  origin,
  host,
  forwardedHost,
  proto,
  siteUrl,
  trustProxy = false,
}: OriginInput): OriginCheck {
  if (!origin || origin === "null") return { ok: false, message: REFUSED };
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return { ok: false, message: REFUSED };
  }
  // An Origin header is a bare scheme://host[:port]; anything else is forged.
  if (
    (parsed.protocol !== "http:" && parsed.protocol !== "https:") ||
    parsed.origin !== origin.toLowerCase().replace(/\/$/, "")
  ) {
    return { ok: false, message: REFUSED };
  }
  const requestHost = (trustProxy && forwardedHost ? forwardedHost.split(",")[0]!.trim() : host)?.toLowerCase();
  const scheme = (proto ?? "").split(",")[0]?.trim().toLowerCase() === "https" ? "https" : "http";
  if (requestHost && parsed.origin === originOf(`${scheme}://${requestHost}`)) return { ok: true };
  let site: string | null = null;
  try {
    site = new URL(siteUrl).origin;
  } catch {
    site = null;
  }
  if (site && parsed.origin === site) return { ok: true };
  return { ok: false, message: REFUSED };
}

/** scheme://host[:port] with the scheme's default port dropped, as browsers write Origin; null when malformed. */
function originOf(address: string): string | null {
  try {
    return new URL(address).origin;
  } catch {
    return null;
  }
}

/** The check for a request's headers (route handlers, proxy.ts, server actions). */
export function checkRequestOrigin(headers: Pick<Headers, "get">, siteUrl: string, trustProxy: boolean): OriginCheck {
  return checkOrigin({
    origin: headers.get("origin"),
    host: headers.get("host"),
    forwardedHost: headers.get("x-forwarded-host"),
    proto: headers.get("x-forwarded-proto"),
    siteUrl,
    trustProxy,
  });
}

/** checkRequestOrigin with this installation's SITE_URL and TRUST_PROXY. */
export function checkOriginAgainstSite(headers: Pick<Headers, "get">): OriginCheck {
  return checkRequestOrigin(headers, env().SITE_URL, env().TRUST_PROXY === "1");
}
