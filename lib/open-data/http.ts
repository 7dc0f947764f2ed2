import { createHash } from "node:crypto";
import type { z } from "zod";
import { AppError, ValidationError, addFieldError } from "../shared/errors";
import { searchParamsObject } from "../validation/api";
import { CONTROL_CHARACTER } from "../validation/input";

// The read API's HTTP conventions in one place: JSON errors `{ error: { code, message, details? } }`, a
// strong ETag on every 200 with 304 for a matching If-None-Match, and CORS for GET, HEAD and OPTIONS only.

/**
 * A file too large to hold (a whole-registry download): written as the client reads it. Its ETag cannot hash the
 * body, which does not exist yet; it is made from what the body is a function of (the data's version, the file, its
 * options). `chunks` is called only for a 200 to a GET: a 304 or a HEAD reads no record. Text is sent as UTF-8; bytes
 * (a release's file read from disk) as they are, so they stay the bytes its manifest hashed.
 */
export type StreamedBody = {
  chunks: () => AsyncIterable<string | Uint8Array>;
  etag: string;
  contentType: string;
  headers?: Record<string, string>;
};

export type ApiBody =
  | { json: unknown }
  | { text: string; contentType: string; headers?: Record<string, string> }
  | StreamedBody;

const CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  429: "too_many_requests",
  500: "internal_error",
};

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Link, Content-Disposition",
} as const;

export function errorResponse(
  status: number,
  message: string,
  details?: Record<string, string[]>,
  headers: Record<string, string> = {},
): Response {
  const error = {
    code: CODES[status] ?? "error",
    message,
    ...(details && Object.keys(details).length ? { details } : {}),
  };
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** Parse a route's query string with a zod schema; a repeated, unknown or invalid parameter is a 400 naming it. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL | string): z.infer<S> {
  const { values, repeated } = searchParamsObject(new URL(url).searchParams);
  const details: Record<string, string[]> = {};
  for (const key of repeated) details[key] = [`${key} is given more than once.`];
  // PostgreSQL cannot even compare text holding NUL, and no one types the other control characters.
  for (const [key, value] of Object.entries(values))
    if (CONTROL_CHARACTER.test(value))
      addFieldError(details, key, `${key} contains a control character (such as %00).`);
  const result = schema.safeParse(values);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) addFieldError(details, key, `${key} is not a parameter of this endpoint.`);
      } else {
        addFieldError(details, String(issue.path[0] ?? "query"), issue.message);
      }
    }
  }
  if (Object.keys(details).length || !result.success) {
    throw new ValidationError(`Invalid query: ${Object.values(details).flat().join(" ")}`, details);
  }
  return result.data;
}

export function strongEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/**
 * Text (or bytes) as a byte stream that reads `chunks` only as its reader asks (pull, and a high-water mark of 0:
 * nothing is read ahead), so a slow client holds the server to one chunk, not the whole file. A client that goes away
 * stops it.
 */
export function pullStream(chunks: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          for (;;) {
            const next = await iterator.next();
            if (next.done) {
              controller.close();
              return;
            }
            // An empty chunk would be no answer to the pull: read on to one with text.
            if (next.value.length) {
              controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
              return;
            }
          }
        } catch (error) {
          // The status and headers are sent: the client sees the body cut short, and the log says why.
          console.error("API error while streaming a body", error);
          throw error;
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/** A GET handler: runs `load`, maps typed errors, adds ETag/304 and CORS. */
export function apiGet<Ctx>(load: (request: Request, context: Ctx) => Promise<ApiBody>) {
  return async (request: Request, context: Ctx): Promise<Response> => {
    let body: ApiBody;
    try {
      body = await load(request, context);
    } catch (error) {
      if (error instanceof AppError) {
        return errorResponse(
          error.status,
          error.message,
          error instanceof ValidationError ? error.fieldErrors : undefined,
          CORS_HEADERS,
        );
      }
      console.error("API error", error);
      return errorResponse(
        500,
        "The server could not answer this request. Please try again later.",
        undefined,
        CORS_HEADERS,
      );
    }
    const text = "chunks" in body ? null : "json" in body ? JSON.stringify(body.json) : body.text;
    const etag = "chunks" in body ? body.etag : strongEtag(text ?? "");
    const headers: Record<string, string> = {
      ...CORS_HEADERS,
      ETag: etag,
      "Cache-Control": "public, max-age=0, must-revalidate",
      "X-Content-Type-Options": "nosniff",
      ...("json" in body
        ? { "Content-Type": "application/json; charset=utf-8" }
        : { "Content-Type": body.contentType, ...body.headers }),
    };
    if (matches(request.headers.get("if-none-match"), etag)) {
      delete headers["Content-Type"];
      delete headers["Content-Disposition"];
      delete headers["Content-Length"];
      return new Response(null, { status: 304, headers });
    }
    if (!("chunks" in body)) return new Response(text, { status: 200, headers });
    // Next sends no body to a HEAD: no stream is made, so nothing is left open or read.
    if (request.method === "HEAD") return new Response(null, { status: 200, headers });
    return new Response(pullStream(body.chunks()), { status: 200, headers });
  };
}

/** CORS preflight: GET and HEAD from any origin, with the conditional-request header. */
export function OPTIONS_HANDLER(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match",
      "Access-Control-Max-Age": "86400",
      Allow: "GET, HEAD, OPTIONS",
    },
  });
}

/** The API is read-only: other methods are a JSON 405, without CORS headers. */
function methodNotAllowed(request: Request): Response {
  return errorResponse(
    405,
    `${request.method} is not allowed: this API is read-only (GET, HEAD, OPTIONS).`,
    undefined,
    { Allow: "GET, HEAD, OPTIONS" },
  );
}

export const readOnly = {
  POST: methodNotAllowed,
  PUT: methodNotAllowed,
  PATCH: methodNotAllowed,
  DELETE: methodNotAllowed,
};
