import { getReconcilePreview } from "@/lib/data/open/reconcile-records";
import { env } from "@/lib/env";
import { reconcileHandler, reconcileMethodNotAllowed, reconcileOptions } from "@/lib/open-data/reconcile/http";
import { parseRecordId } from "@/lib/open-data/reconcile/input";
import { renderPreviewCard } from "@/lib/open-data/reconcile/preview-html";
import { ValidationError } from "@/lib/shared/errors";

// The reconciliation service's preview: a small HTML card of one record, for OpenRefine's frame.
export const GET = reconcileHandler(async (params) => {
  const raw = params.get("id") ?? "";
  const id = parseRecordId(raw);
  if (!id) {
    throw new ValidationError("id must be an id of this service (institution/<slug> or organization/<slug>).", {
      id: ["Not an id of this service."],
    });
  }
  const record = await getReconcilePreview(id);
  const url = `${env().SITE_URL.replace(/\/+$/, "")}${record.path}`;
  return { html: renderPreviewCard({ ...record, url }) };
});
export const OPTIONS = reconcileOptions;
export const POST = reconcileMethodNotAllowed;
export const PUT = reconcileMethodNotAllowed;
export const PATCH = reconcileMethodNotAllowed;
export const DELETE = reconcileMethodNotAllowed;
