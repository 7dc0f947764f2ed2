import { reconcileBatch } from "@/lib/data/open/reconcile";
import { extendRecords } from "@/lib/data/open/reconcile-records";
import { env } from "@/lib/env";
import { reconcileHandler, reconcileMethodNotAllowed, reconcileOptions } from "@/lib/open-data/reconcile/http";
import { parseExtend, parseQueries } from "@/lib/open-data/reconcile/input";
import { reconcileManifest } from "@/lib/open-data/reconcile/service";
import { ValidationError } from "@/lib/shared/errors";

// The W3C Reconciliation API 0.2 service (what OpenRefine 3.x speaks): without a query the manifest; with
// `queries` (GET parameter or POST form field) a batch of reconciliation queries; with `extend` a data extension.
const handle = reconcileHandler(async (params) => {
  const queries = params.get("queries");
  const extend = params.get("extend");
  if (queries !== null && extend !== null) {
    throw new ValidationError("Send either queries or extend, not both.", { queries: ["With extend."] });
  }
  if (queries !== null) return { json: await reconcileBatch(parseQueries(queries)) };
  if (extend !== null) return { json: await extendRecords(parseExtend(extend)) };
  return { json: reconcileManifest(env().SITE_URL) };
});

export const GET = handle;
export const POST = handle;
export const OPTIONS = reconcileOptions;
export const PUT = reconcileMethodNotAllowed;
export const PATCH = reconcileMethodNotAllowed;
export const DELETE = reconcileMethodNotAllowed;
