import { AppError, ValidationError } from "../../shared/errors";
import { CONTROL_CHARACTER } from "../../validation/input";
import { errorResponse } from "../http";

// HTTP for the reconciliation service: its parameters come by GET query string or POST form (OpenRefine posts
// `queries` and `extend` as form fields), it answers any origin (CORS for GET, POST and OPTIONS: browser-based
// clients call it directly) and errors are the read API's JSON errors.
//
// JSONP: a `callback` that is a plain JavaScript identifier path (`jQuery123_456`, `cb.done`) wraps a JSON answer
// as `/**/callback(…);` for the old clients that still ask for it. Anything else in `callback` is refused, so no
// text of the caller's choosing ever reaches a script body but a checked name.

export const RECONCILE_CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
} as const;

const CALLBACK = /^[A-Za-z_$][\w$]{0,63}(\.[A-Za-z_$][\w$]{0,63}){0,3}$/;
const MAX_PARAMETER = 200_000;

export type ReconcileParams = { get(name: string): string | null };
export type ReconcileAnswer = { json: unknown } | { html: string };

/** The request's parameters: the query string and the form fields of a POST, each name given once. */
async function readParams(request: Request): Promise<Map<string, string>> {
  const params = new Map<string, string>();
  const add = (key: string, value: string) => {
    if (params.has(key)) throw new ValidationError(`${key} is given more than once.`, { [key]: ["Given twice."] });
    if (value.length > MAX_PARAMETER) throw new ValidationError(`${key} is too long.`, { [key]: ["Too long."] });
    if (CONTROL_CHARACTER.test(value)) {
      throw new ValidationError(`${key} contains a control character.`, { [key]: ["Control character."] });
    }
    params.set(key, value);
  };
  for (const [key, value] of new URL(request.url).searchParams) add(key, value);
  if (request.method === "POST") {
    const type = request.headers.get("content-type") ?? "";
    if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
      throw new ValidationError("POST a form (application/x-www-form-urlencoded or multipart/form-data).", {
        body: ["Not a form."],
      });
    }
    const form = await request.formData().catch(() => {
      throw new ValidationError("The form could not be read.", { body: ["Unreadable form."] });
    });
    for (const [key, value] of form) {
      if (typeof value !== "string") throw new ValidationError(`${key} must be text.`, { [key]: ["Not text."] });
      add(key, value);
    }
  }
  return params;
}

function withCallback(callback: string | undefined, json: unknown): Response {
  const body = JSON.stringify(json);
  if (!callback) {
    return new Response(body, {
      headers: { ...RECONCILE_CORS, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(`/**/${callback}(${body});`, {
    headers: {
      ...RECONCILE_CORS,
      "Content-Type": "application/javascript; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** A handler of the service: reads the parameters, runs `answer`, maps typed errors to JSON errors. */
export function reconcileHandler(answer: (params: ReconcileParams) => Promise<ReconcileAnswer>) {
  return async (request: Request): Promise<Response> => {
    try {
      const params = await readParams(request);
      const callback = params.get("callback");
      if (callback !== undefined && !CALLBACK.test(callback)) {
        throw new ValidationError("callback must be a JavaScript identifier such as jQuery123_456.", {
          callback: ["Not an identifier."],
        });
      }
      params.delete("callback");
      params.delete("_"); // jQuery's cache-buster on JSONP requests
      const result = await answer({ get: (name) => params.get(name) ?? null });
      if ("html" in result) {
        return new Response(result.html, {
          headers: { ...RECONCILE_CORS, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
        });
      }
      return withCallback(callback, result.json);
    } catch (error) {
      if (error instanceof AppError) {
        const details = error instanceof ValidationError ? error.fieldErrors : undefined;
        return errorResponse(error.status, error.message, details, RECONCILE_CORS);
      }
      console.error("Reconciliation API error", error);
      return errorResponse(500, "The server could not answer this request. Please try again later.", undefined, {
        ...RECONCILE_CORS,
      });
    }
  };
}

export function reconcileOptions(): Response {
  return new Response(null, { status: 204, headers: { ...RECONCILE_CORS, Allow: "GET, POST, OPTIONS" } });
}

/** PUT, PATCH and DELETE: a JSON 405. */
export function reconcileMethodNotAllowed(request: Request): Response {
  return errorResponse(405, `${request.method} is not allowed here (GET, POST, OPTIONS).`, undefined, {
    ...RECONCILE_CORS,
    Allow: "GET, POST, OPTIONS",
  });
}
