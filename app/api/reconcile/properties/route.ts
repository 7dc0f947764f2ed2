import { reconcileHandler, reconcileMethodNotAllowed, reconcileOptions } from "@/lib/open-data/reconcile/http";
import { parseTypeId } from "@/lib/open-data/reconcile/input";
import { EXTEND_PROPERTIES } from "@/lib/open-data/reconcile/service";
import { ValidationError } from "@/lib/shared/errors";

// Data extension: the properties proposed for a type (`type`, optional `limit`). Organizations have no country,
// ROR id or memberships of their own here, so they are proposed only what they hold.
const ORGANIZATION_PROPERTIES = new Set(["kind", "website", "wikidata"]);

export const GET = reconcileHandler(async (params) => {
  const rawType = params.get("type");
  if (!rawType) throw new ValidationError("type is required (institution or organization).", { type: ["Missing."] });
  const type = parseTypeId("type", rawType);
  const rawLimit = params.get("limit");
  if (rawLimit !== null && !/^\d{1,3}$/.test(rawLimit)) {
    throw new ValidationError("limit must be a whole number.", { limit: ["Not a number."] });
  }
  const all = EXTEND_PROPERTIES.filter((p) => type === "institution" || ORGANIZATION_PROPERTIES.has(p.id));
  const limit = rawLimit === null ? all.length : Number(rawLimit);
  const properties = all.slice(0, limit).map(({ id, name, description }) => ({ id, name, description }));
  return { json: { type, properties, ...(rawLimit === null ? {} : { limit }) } };
});
export const OPTIONS = reconcileOptions;
export const POST = reconcileMethodNotAllowed;
export const PUT = reconcileMethodNotAllowed;
export const PATCH = reconcileMethodNotAllowed;
export const DELETE = reconcileMethodNotAllowed;
