import { matchAffiliation } from "@/lib/data/open/match";
import { apiGet, OPTIONS_HANDLER, parseQuery, readOnly } from "@/lib/open-data/http";
import { apiMatchQuerySchema } from "@/lib/validation/match";

// Affiliation matching, as ROR's affiliation endpoint answers: the institutions an affiliation string names.
export const GET = apiGet(async (request) => {
  const query = parseQuery(apiMatchQuerySchema, request.url);
  return { json: await matchAffiliation(query.affiliation, query.date) };
});
export const OPTIONS = OPTIONS_HANDLER;
export const POST = readOnly.POST;
export const PUT = readOnly.PUT;
export const PATCH = readOnly.PATCH;
export const DELETE = readOnly.DELETE;
