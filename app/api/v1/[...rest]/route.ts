import { apiGet, OPTIONS_HANDLER, readOnly } from "@/lib/open-data/http";
import { NotFoundError } from "@/lib/shared/errors";

// Any other address under /api/v1 answers in JSON too.
export const GET = apiGet(async (request) => {
  throw new NotFoundError(`There is no endpoint at ${new URL(request.url).pathname}: see /api/v1/openapi.json.`);
});
export const OPTIONS = OPTIONS_HANDLER;
export const POST = readOnly.POST;
export const PUT = readOnly.PUT;
export const PATCH = readOnly.PATCH;
export const DELETE = readOnly.DELETE;
