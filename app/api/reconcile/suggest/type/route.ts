import { reconcileHandler, reconcileMethodNotAllowed, reconcileOptions } from "@/lib/open-data/reconcile/http";
import { RECONCILE_TYPES } from "@/lib/open-data/reconcile/service";
import { SUGGEST_PAGE, filterByPrefix, suggestParams } from "@/lib/open-data/reconcile/suggest-params";

// Suggest service for types: Institution and Organization.
export const GET = reconcileHandler(async (params) => {
  const { prefix, cursor } = suggestParams(params);
  const types = filterByPrefix(RECONCILE_TYPES, prefix).map(({ id, name, description }) => ({ id, name, description }));
  return { json: { result: types.slice(cursor, cursor + SUGGEST_PAGE) } };
});
export const OPTIONS = reconcileOptions;
export const POST = reconcileMethodNotAllowed;
export const PUT = reconcileMethodNotAllowed;
export const PATCH = reconcileMethodNotAllowed;
export const DELETE = reconcileMethodNotAllowed;
