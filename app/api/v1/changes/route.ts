import { listPublicChanges } from "@/lib/data/open/changes";
import { encodeCursor } from "@/lib/open-data/cursor";
import { changesEnvelope } from "@/lib/open-data/envelope";
import { apiGet, OPTIONS_HANDLER, parseQuery, readOnly } from "@/lib/open-data/http";
import { apiChangesQuerySchema } from "@/lib/validation/api";

export const GET = apiGet(async (request) => {
  const { since, limit } = parseQuery(apiChangesQuerySchema, request.url);
  const page = await listPublicChanges({
    after: since && "after" in since ? since.after : null,
    since: since && "since" in since ? since.since : undefined,
    limit,
  });
  const nextCursor = encodeCursor([page.next.tx, page.next.id]);
  return { json: changesEnvelope({ items: page.items, nextCursor, limit }, request.url) };
});
export const OPTIONS = OPTIONS_HANDLER;
export const POST = readOnly.POST;
export const PUT = readOnly.PUT;
export const PATCH = readOnly.PATCH;
export const DELETE = readOnly.DELETE;
