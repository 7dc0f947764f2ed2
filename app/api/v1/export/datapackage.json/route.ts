import { dataPackageDescriptor } from "@/lib/open-data/downloads";
import { apiGet, OPTIONS_HANDLER, parseQuery, readOnly } from "@/lib/open-data/http";
import { emptyQuerySchema } from "@/lib/validation/api";

export const GET = apiGet(async (request) => {
  parseQuery(emptyQuerySchema, request.url);
  return dataPackageDescriptor();
});
export const OPTIONS = OPTIONS_HANDLER;
export const POST = readOnly.POST;
export const PUT = readOnly.PUT;
export const PATCH = readOnly.PATCH;
export const DELETE = readOnly.DELETE;
