import { suggest } from "@/lib/data/search/suggest";
import { apiGet, OPTIONS_HANDLER, parseQuery, readOnly } from "@/lib/open-data/http";
import type { SuggestResponse } from "@/lib/shared/types/suggest";
import { apiSuggestQuerySchema } from "@/lib/validation/api";

// The portal's one type-ahead: the pickers, the duplicate warning, and tools outside the portal.
export const GET = apiGet(async (request) => {
  const query = parseQuery(apiSuggestQuerySchema, request.url);
  const items = await suggest({
    q: query.q,
    types: query.type ? [query.type] : undefined,
    locale: query.locale,
    limit: query.limit,
  });
  return { json: { query: query.q, items } satisfies SuggestResponse };
});
export const OPTIONS = OPTIONS_HANDLER;
export const POST = readOnly.POST;
export const PUT = readOnly.PUT;
export const PATCH = readOnly.PATCH;
export const DELETE = readOnly.DELETE;
