import { suggestEntities } from "@/lib/data/open/reconcile";
import { reconcileHandler, reconcileMethodNotAllowed, reconcileOptions } from "@/lib/open-data/reconcile/http";
import { parseTypeId } from "@/lib/open-data/reconcile/input";
import { SUGGEST_PAGE, suggestParams } from "@/lib/open-data/reconcile/suggest-params";
import { ValidationError } from "@/lib/shared/errors";
import { SUGGEST_MAX_LIMIT } from "@/lib/shared/types/suggest";

// Suggest service for entities: the portal's type-ahead, answering ids of the reconciliation service.
export const GET = reconcileHandler(async (params) => {
  const { prefix, cursor } = suggestParams(params);
  if (!prefix) throw new ValidationError("prefix is empty.", { prefix: ["Type the start of a name."] });
  const typeParam = params.get("type");
  const type = typeParam ? parseTypeId("type", typeParam) : null;
  // The type-ahead ranks at most SUGGEST_MAX_LIMIT names; past them there is nothing more to page through.
  if (cursor >= SUGGEST_MAX_LIMIT) return { json: { result: [] } };
  const items = await suggestEntities(prefix, type, SUGGEST_MAX_LIMIT);
  return { json: { result: items.slice(cursor, cursor + SUGGEST_PAGE) } };
});
export const OPTIONS = reconcileOptions;
export const POST = reconcileMethodNotAllowed;
export const PUT = reconcileMethodNotAllowed;
export const PATCH = reconcileMethodNotAllowed;
export const DELETE = reconcileMethodNotAllowed;
