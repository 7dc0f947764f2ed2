import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

// Only picks the locale and redirects to it; nothing here guards data (that lives in lib/data).
export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|embed|_next|_vercel|sitemap.xml|robots.txt|favicon.ico|.*\\..*).*)"],
};
