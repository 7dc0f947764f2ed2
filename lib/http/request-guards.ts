// Requests that Next.js or React would answer with a 500 because they cannot even be decoded; proxy.ts
// answers them with a 400 instead (found by tests/e2e/http-fuzz.test.ts).

export const MALFORMED_ADDRESS = "This address is malformed.";
export const MALFORMED_SUBMISSION =
  "This form submission is malformed; nothing was changed. Reload the page and try again.";

/**
 * A path that does not survive being decoded twice (Next decodes the path, then each dynamic segment):
 * "%E0%A4%A", "%C0%AF" or "%25zz" would otherwise end in a URIError.
 */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(decodeURIComponent(pathname));
    return false;
  } catch {
    return true;
  }
}

/**
 * A server-action post (it carries a Next-Action header) whose arguments React cannot decode. Every action of
 * this portal takes a form, so React always sends multipart with one JSON array in the root field "0";
 * anything else (a plain or JSON body, no or several roots, a root that is not an array) is refused.
 */
export async function malformedActionBody(request: Request): Promise<string | null> {
  if (!request.headers.get("next-action")) return null;
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) return MALFORMED_SUBMISSION;
  try {
    const roots = (await request.clone().formData()).getAll("0");
    if (roots.length !== 1 || typeof roots[0] !== "string") return MALFORMED_SUBMISSION;
    return Array.isArray(JSON.parse(roots[0])) ? null : MALFORMED_SUBMISSION;
  } catch {
    return MALFORMED_SUBMISSION;
  }
}
