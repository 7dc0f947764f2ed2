import { reconcileHandler, reconcileMethodNotAllowed, reconcileOptions } from "@/lib/open-data/reconcile/http";
import { MATCH_PROPERTIES } from "@/lib/open-data/reconcile/service";
import { SUGGEST_PAGE, filterByPrefix, suggestParams } from "@/lib/open-data/reconcile/suggest-params";

// Suggest service for properties: those a reconciliation query may compare (country, kind, website, member of).
export const GET = reconcileHandler(async (params) => {
  const { prefix, cursor } = suggestParams(params);
  const properties = filterByPrefix(MATCH_PROPERTIES, prefix).map(({ id, name, description }) => ({
    id,
    name,
    description,
  }));
  return { json: { result: properties.slice(cursor, cursor + SUGGEST_PAGE) } };
});
export const OPTIONS = reconcileOptions;
export const POST = reconcileMethodNotAllowed;
export const PUT = reconcileMethodNotAllowed;
export const PATCH = reconcileMethodNotAllowed;
export const DELETE = reconcileMethodNotAllowed;
