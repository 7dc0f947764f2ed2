import { listApiInstitutions } from "@/lib/data/open/api";
import { listEnvelope } from "@/lib/open-data/envelope";
import { apiGet, OPTIONS_HANDLER, parseQuery, readOnly } from "@/lib/open-data/http";
import { apiInstitutionQuerySchema } from "@/lib/validation/api";

export const GET = apiGet(async (request) => ({
  json: listEnvelope(await listApiInstitutions(parseQuery(apiInstitutionQuerySchema, request.url)), request.url),
}));
export const OPTIONS = OPTIONS_HANDLER;
export const POST = readOnly.POST;
export const PUT = readOnly.PUT;
export const PATCH = readOnly.PATCH;
export const DELETE = readOnly.DELETE;
