import { getApiOrganization } from "@/lib/data/open/api";
import { NotFoundError } from "@/lib/shared/errors";
import { itemEnvelope } from "@/lib/open-data/envelope";
import { apiGet, OPTIONS_HANDLER, parseQuery, readOnly } from "@/lib/open-data/http";
import { emptyQuerySchema } from "@/lib/validation/api";
import { isSlug } from "@/lib/shared/slug";

export const GET = apiGet(async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  parseQuery(emptyQuerySchema, request.url);
  if (!isSlug(slug)) throw new NotFoundError(`No organization has the slug "${slug}".`);
  return { json: itemEnvelope(await getApiOrganization(slug)) };
});
export const OPTIONS = OPTIONS_HANDLER;
export const POST = readOnly.POST;
export const PUT = readOnly.PUT;
export const PATCH = readOnly.PATCH;
export const DELETE = readOnly.DELETE;
