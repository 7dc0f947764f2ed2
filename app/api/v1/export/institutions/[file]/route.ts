import { sliceDownload } from "@/lib/open-data/downloads";
import { apiGet, OPTIONS_HANDLER, parseQuery, readOnly } from "@/lib/open-data/http";
import { exportQuerySchema } from "@/lib/validation/api";

export const GET = apiGet(async (request, { params }: { params: Promise<{ file: string }> }) => {
  const { bom } = parseQuery(exportQuerySchema, request.url);
  return sliceDownload("institutions", (await params).file, { bom: bom === "1" });
});
export const OPTIONS = OPTIONS_HANDLER;
export const POST = readOnly.POST;
export const PUT = readOnly.PUT;
export const PATCH = readOnly.PATCH;
export const DELETE = readOnly.DELETE;
