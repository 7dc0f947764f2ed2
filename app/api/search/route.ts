import { NextResponse, type NextRequest } from "next/server";
import { listOrganizations } from "@/lib/data/organizations/list";
import { parseOrganizationSearch } from "@/lib/validation/search";

/**
 * GET /api/search?q=…&kind=…&country=…&field=…&year=…&sort=…&page=…&locale=en|zh — the organization search
 * the /organizations page shows, as JSON (public data only, cached by tag like the page).
 */
export async function GET(request: NextRequest) {
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const { locale = "en", ...query } = params;
  if (locale !== "en" && locale !== "zh") return NextResponse.json({ errors: ["locale: en or zh."] }, { status: 400 });
  const { search, errors } = parseOrganizationSearch(query);
  if (errors.length) return NextResponse.json({ errors }, { status: 400 });
  const result = await listOrganizations(search, locale);
  return NextResponse.json(result, { headers: { "cache-control": "public, max-age=60, stale-while-revalidate=600" } });
}
