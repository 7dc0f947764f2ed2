import { getInstitutionBySlug } from "@/lib/data/institutions/profile";
import { NotFoundError } from "@/lib/shared/errors";
import { env } from "@/lib/env";
import { itemEnvelope } from "@/lib/open-data/envelope";
import { apiGet, OPTIONS_HANDLER, parseQuery, readOnly } from "@/lib/open-data/http";
import { toWidgetData } from "@/lib/open-data/widget";
import { apiInstitutionMembershipsQuerySchema } from "@/lib/validation/api";
import { isSlug } from "@/lib/shared/slug";

// The widget's data, for sites that render the memberships table themselves.
export const GET = apiGet(async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { lang } = parseQuery(apiInstitutionMembershipsQuerySchema, request.url);
  const institution = isSlug(slug) ? await getInstitutionBySlug(slug, lang) : null;
  if (!institution) throw new NotFoundError(`No institution has the slug "${slug}".`);
  return { json: itemEnvelope(toWidgetData(institution, lang, env().SITE_URL)) };
});
export const OPTIONS = OPTIONS_HANDLER;
export const POST = readOnly.POST;
export const PUT = readOnly.PUT;
export const PATCH = readOnly.PATCH;
export const DELETE = readOnly.DELETE;
