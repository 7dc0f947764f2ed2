import { getOrganizationBySlug } from "@/lib/data/organizations/profile";
import { NotFoundError } from "@/lib/shared/errors";
import { env } from "@/lib/env";
import { MEDIA_TYPES } from "@/lib/open-data/formats";
import { apiGet, OPTIONS_HANDLER, parseQuery, readOnly } from "@/lib/open-data/http";
import { organizationJsonLd } from "@/lib/seo/json-ld";
import { apiRecordJsonLdQuerySchema } from "@/lib/validation/api";
import { isSlug } from "@/lib/shared/slug";

// The schema.org data the organization's page embeds, on its own: where the page sends Accept: application/ld+json.
export const GET = apiGet(async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { lang } = parseQuery(apiRecordJsonLdQuerySchema, request.url);
  const organization = isSlug(slug) ? await getOrganizationBySlug(slug, lang) : null;
  if (!organization) throw new NotFoundError(`No organization has the slug "${slug}".`);
  return {
    text: `${JSON.stringify(organizationJsonLd(organization, env().SITE_URL, lang), null, 2)}\n`,
    contentType: MEDIA_TYPES.jsonld,
  };
});
export const OPTIONS = OPTIONS_HANDLER;
export const POST = readOnly.POST;
export const PUT = readOnly.PUT;
export const PATCH = readOnly.PATCH;
export const DELETE = readOnly.DELETE;
