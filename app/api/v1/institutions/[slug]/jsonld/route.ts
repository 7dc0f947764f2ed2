import { getInstitutionBySlug } from "@/lib/data/institutions/profile";
import { NotFoundError } from "@/lib/shared/errors";
import { env } from "@/lib/env";
import { MEDIA_TYPES } from "@/lib/open-data/formats";
import { apiGet, OPTIONS_HANDLER, parseQuery, readOnly } from "@/lib/open-data/http";
import { institutionJsonLd } from "@/lib/seo/json-ld";
import { apiRecordJsonLdQuerySchema } from "@/lib/validation/api";
import { isSlug } from "@/lib/shared/slug";

// The schema.org data the institution's page embeds, on its own: where the page sends Accept: application/ld+json.
export const GET = apiGet(async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { lang } = parseQuery(apiRecordJsonLdQuerySchema, request.url);
  const institution = isSlug(slug) ? await getInstitutionBySlug(slug, lang) : null;
  if (!institution) throw new NotFoundError(`No institution has the slug "${slug}".`);
  return {
    text: `${JSON.stringify(institutionJsonLd(institution, env().SITE_URL, lang), null, 2)}\n`,
    contentType: MEDIA_TYPES.jsonld,
  };
});
export const OPTIONS = OPTIONS_HANDLER;
export const POST = readOnly.POST;
export const PUT = readOnly.PUT;
export const PATCH = readOnly.PATCH;
export const DELETE = readOnly.DELETE;
