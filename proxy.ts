import { NextResponse, type NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";
import { checkOriginAgainstSite } from "./lib/http/origin";
import { isMalformedPath, malformedActionBody, MALFORMED_ADDRESS } from "./lib/http/request-guards";
import { negotiateRecord, parseRecordPath, recordDataPath } from "./lib/http/record-negotiation";
import { isSlug } from "./lib/shared/slug";

const intl = createMiddleware(routing);

const refuse = (message: string, status: number) =>
  new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

// Picks the locale and redirects to it; nothing here guards data (that lives in lib/data). It also turns away
// what would otherwise end in a 500 or reach an action from elsewhere: undecodable addresses (400); POSTs
// from another site, or with no or a "null" Origin (403 — Next's own check would answer a foreign Origin with
// a 500; the action factory in lib/actions/action.ts checks again); server-action bodies React cannot decode (400).
export default async function proxy(request: NextRequest) {
  if (isMalformedPath(request.nextUrl.pathname)) return refuse(MALFORMED_ADDRESS, 400);
  // /api, /embed and /feeds come here only for the decoding check (see the matcher): no locale, their own Origin
  // rules (the feeds are GET-only route handlers).
  if (/^\/(?:api|embed|feeds)(?:\/|$)/.test(request.nextUrl.pathname)) return NextResponse.next();
  if (request.method !== "GET" && request.method !== "HEAD" && request.method !== "OPTIONS") {
    const origin = checkOriginAgainstSite(request.headers);
    if (!origin.ok) return refuse(origin.message, 403);
    const malformed = await malformedActionBody(request);
    if (malformed) return refuse(malformed, 400);
  }
  if (request.method === "GET" || request.method === "HEAD") {
    const seeOther = recordDataRedirect(request);
    if (seeOther) return seeOther;
  }
  return intl(request);
}

/**
 * A record page asked for as data (Accept: application/json, application/ld+json or text/csv) answers with a
 * 303 See Other to the address that serves that representation, announced on the page as <link rel="alternate">.
 * A redirect rather than the data under the page's address, so that the page's entry in Next's cache (one per
 * address, shared by every instance through Redis) only ever holds HTML: this runs before that cache, and the
 * page itself never renders anything else. Vary: Accept (here, and on the page through scripts/serve.mjs) keeps a
 * shared cache in front from giving one client's answer to another that asked differently. The 303 depends on
 * the address and the Accept header only, never on the database, so it may be cached for an hour; an unknown
 * slug is answered by the data address: a 404 with a JSON error, as every API address gives.
 */
function recordDataRedirect(request: NextRequest): NextResponse | null {
  const record = parseRecordPath(request.nextUrl.pathname);
  if (!record || !isSlug(record.slug)) return null;
  const representation = negotiateRecord(request.headers.get("accept"));
  if (representation === "html") return null;
  const location = new URL(recordDataPath(record.kind, record.slug, record.locale, representation), request.url);
  return new NextResponse(null, {
    status: 303,
    headers: { Location: location.toString(), Vary: "Accept", "Cache-Control": "public, max-age=3600" },
  });
}

// A page read (GET of /en/… or /zh/…) skips the proxy: it has nothing to do there, and running it cost a
// cached page about 40% of its throughput (autocannon against a build with it and one without). It still
// runs for addresses without a locale (the redirect), for anything that carries a body or a server action
// (the Origin and body checks) and for any address with a percent sign (the decoding check), /api and /embed
// included, and for a record page whose Accept mentions JSON or CSV (content negotiation, see recordDataRedirect:
// a browser's Accept names neither, so its page reads still skip). Next reads these literally: no constants.
export const config = {
  matcher: [
    "/((?!en(?:/|$)|zh(?:/|$)|api|embed|_next|_vercel|sitemap.xml|robots.txt|favicon.ico|.*\\..*).*)",
    { source: "/:locale(en|zh)/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:locale(en|zh)/:path*", has: [{ type: "header", key: "content-type" }] },
    { source: "/:locale(en|zh)/:path(.*%.*)" },
    // Next anchors the value (^…$); media types are case-insensitive, JavaScript's regular expressions here are not.
    {
      source: "/:locale(en|zh)/:kind(organizations|institutions)/:slug",
      has: [{ type: "header", key: "accept", value: ".*(?:[jJ][sS][oO][nN]|[cC][sS][vV]).*" }],
    },
    // /api, /embed and /feeds (every feed's name has a dot) otherwise skip it, so an undecodable address there
    // ended in a 500.
    { source: "/:area(api|embed|feeds)/:path(.*%.*)" },
  ],
};
