import { env } from "@/lib/env";
import { errorResponse } from "@/lib/open-data/http";
import { RECONCILE_CORS } from "@/lib/open-data/reconcile/http";
import { parseRecordId } from "@/lib/open-data/reconcile/input";

// The manifest's view URL: an id of the service (`institution/<slug>`) to the record's page. A redirect rather
// than the page's own URL in the template, since clients escape the id's slash when they fill `{{id}}` in.
export function GET(request: Request): Response {
  const id = parseRecordId(new URL(request.url).searchParams.get("id") ?? "");
  if (!id) {
    return errorResponse(
      400,
      "id must be an id of this service (institution/<slug> or organization/<slug>).",
      {
        id: ["Not an id of this service."],
      },
      RECONCILE_CORS,
    );
  }
  const site = env().SITE_URL.replace(/\/+$/, "");
  const folder = id.type === "institution" ? "institutions" : "organizations";
  return Response.redirect(`${site}/en/${folder}/${id.slug}`, 308);
}
