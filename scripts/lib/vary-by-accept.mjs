// A record page's address answers by Accept: its HTML, or a 303 to its data (proxy.ts, content negotiation). So
// its every answer must say `Vary: Accept`, or a shared cache in front (nginx, Varnish, a CDN) could hand one
// client's representation to another. Next cannot say it: its page renderer sets Vary itself (RSC and router
// headers, in app-page-runtime) and replaces whatever next.config's headers() or the proxy set before it, and
// proxy.ts is skipped on plain page reads for speed. So the front (scripts/serve.mjs) adds Accept to the Vary of
// record pages' answers as their headers go out; it costs other addresses one regular-expression test.

/** /{en|zh}/{organizations|institutions}/{slug}, as lib/http/record-negotiation.ts's parseRecordPath reads it. */
export const RECORD_PAGE = /^\/(?:en|zh)\/(?:organizations|institutions)\/[^/?#]+\/?(?:[?#]|$)/;

/** A Vary value with Accept in it (once; `*` already covers it). */
export function withAccept(vary) {
  const value = Array.isArray(vary) ? vary.join(", ") : vary === undefined || vary === null ? "" : String(vary);
  const names = value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  if (names.some((n) => n === "*" || n.toLowerCase() === "accept")) return value;
  return ["Accept", ...names].join(", ");
}

/** Call before Next's handler sees `res`: a record page's answer goes out with Accept in its Vary. */
export function varyRecordPagesByAccept(req, res) {
  if (!RECORD_PAGE.test(req.url ?? "")) return;
  const writeHead = res.writeHead;
  res.writeHead = function (statusCode, ...rest) {
    res.setHeader("vary", withAccept(res.getHeader("vary")));
    // Headers given to writeHead itself win over setHeader's: mend a Vary among them too.
    const headers = rest.find((a) => a && typeof a === "object" && !Array.isArray(a));
    if (headers)
      for (const key of Object.keys(headers)) if (key.toLowerCase() === "vary") headers[key] = withAccept(headers[key]);
    return writeHead.call(this, statusCode, ...rest);
  };
}
