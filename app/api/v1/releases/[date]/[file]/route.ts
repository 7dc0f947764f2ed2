import { NotFoundError } from "@/lib/shared/errors";
import { apiGet, OPTIONS_HANDLER, parseQuery, readOnly } from "@/lib/open-data/http";
import { LICENSE_LINK_HEADER } from "@/lib/open-data/license";
import { releaseFileBody } from "@/lib/open-data/releases";
import { emptyQuerySchema } from "@/lib/validation/api";

export const GET = apiGet(async (request, { params }: { params: Promise<{ date: string; file: string }> }) => {
  parseQuery(emptyQuerySchema, request.url);
  const { date, file } = await params;
  const body = releaseFileBody(date, file, {
    "Content-Disposition": `attachment; filename="alliance-atlas-${date}-${file}"`,
    Link: LICENSE_LINK_HEADER,
  });
  if (!body) throw new NotFoundError(`There is no file ${file} in a release of ${date}: see /api/v1/releases.`);
  return body;
});
export const OPTIONS = OPTIONS_HANDLER;
export const POST = readOnly.POST;
export const PUT = readOnly.PUT;
export const PATCH = readOnly.PATCH;
export const DELETE = readOnly.DELETE;
