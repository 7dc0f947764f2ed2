import { NextResponse, type NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";
import { checkOriginAgainstSite } from "./lib/http/origin";
import { isMalformedPath, malformedActionBody, MALFORMED_ADDRESS } from "./lib/http/request-guards";

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
  return intl(request);
}

// A page read (GET of /en/… or /zh/…) skips the proxy: it has nothing to do there, and running it cost a
// cached page about 40% of its throughput (autocannon against a build with it and one without). It still
// runs for addresses without a locale (the redirect), for anything that carries a body or a server action
// (the Origin and body checks) and for any address with a percent sign (the decoding check), /api and /embed
// included. Next reads these literally: no constants.
export const config = {
  matcher: [
    "/((?!en(?:/|$)|zh(?:/|$)|api|embed|_next|_vercel|sitemap.xml|robots.txt|favicon.ico|.*\\..*).*)",
    { source: "/:locale(en|zh)/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:locale(en|zh)/:path*", has: [{ type: "header", key: "content-type" }] },
    { source: "/:locale(en|zh)/:path(.*%.*)" },
    // /api, /embed and /feeds (every feed's name has a dot) otherwise skip it, so an undecodable address there
    // ended in a 500.
    { source: "/:area(api|embed|feeds)/:path(.*%.*)" },
  ],
};
