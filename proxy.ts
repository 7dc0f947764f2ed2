import { NextResponse, type NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";
import { checkOriginAgainstSite } from "./lib/origin";

const intl = createMiddleware(routing);

// Picks the locale and redirects to it; nothing here guards data (that lives in lib/data). A page only
// takes POSTs as server actions: one from another site, or with no or a "null" Origin, is answered 403 here
// (Next's own check would answer a foreign Origin with a 500); handle() in lib/actions/server.ts checks again.
export default function proxy(request: NextRequest) {
  if (request.method !== "GET" && request.method !== "HEAD" && request.method !== "OPTIONS") {
    const origin = checkOriginAgainstSite(request.headers);
    if (!origin.ok) return new NextResponse(origin.message, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return intl(request);
}

export const config = {
  matcher: ["/((?!api|_next|_vercel|sitemap.xml|robots.txt|favicon.ico|.*\\..*).*)"],
};
