// Next 16.3+ answers a notFound() thrown while a page renders with its bare error shell, `<html id="__next_error__">`,
// and draws the not-found page only once JavaScript runs (vercel/next.js#62228, open). The HTML as sent has no
// `lang` and the layout's default title, the home page's. Until Next renders the boundary on the server, the front
// (scripts/serve.mjs) mends those two things in that one kind of answer: a 404 whose HTML is the error shell.
import zlib from "node:zlib";

const SHELL = '<html id="__next_error__">';
const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The language and title of a 404 at this address: its locale's, else English (as app/not-found.tsx). */
export function notFoundTexts(pathname, messages) {
  const locale = /^\/zh(?:\/|$)/.test(pathname) ? "zh" : "en";
  const m = messages[locale];
  return { lang: locale === "zh" ? "zh-CN" : "en", title: `${m.notFound.title} · ${m.meta.siteName}` };
}

/** The error shell with `lang` on <html> and the not-found title; any other HTML unchanged. */
export function mendNotFoundShell(html, { lang, title }) {
  if (!html.includes(SHELL)) return html;
  const withLang = html.replace(SHELL, `<html id="__next_error__" lang="${escapeHtml(lang)}">`);
  const titled = withLang.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`);
  return titled === withLang ? withLang.replace("</head>", `<title>${escapeHtml(title)}</title></head>`) : titled;
}

const codecs = {
  gzip: [zlib.gunzipSync, zlib.gzipSync],
  br: [zlib.brotliDecompressSync, zlib.brotliCompressSync],
  deflate: [zlib.inflateSync, zlib.deflateSync],
};

/**
 * Holds back the body of a 404 HTML answer (a few kilobytes) and sends it mended; every other answer streams
 * through untouched. Call before Next's handler sees `res`.
 */
export function mendNotFoundAnswers(req, res, texts) {
  if (req.method !== "GET" || /^\/(?:api|_next|embed)(?:\/|$)/.test(req.url ?? "")) return;
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  let held = null;
  const holding = () => {
    if (held === null)
      held = res.statusCode === 404 && /text\/html/.test(String(res.getHeader("content-type") ?? "")) ? [] : false;
    return held;
  };
  const bytes = (chunk, encoding) =>
    typeof chunk === "string"
      ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8")
      : Buffer.from(chunk);
  res.write = (chunk, encoding, callback) => {
    if (!holding()) return write(chunk, encoding, callback);
    held.push(bytes(chunk, encoding));
    if (typeof callback === "function") callback();
    else if (typeof encoding === "function") encoding();
    return true;
  };
  res.end = (chunk, encoding, callback) => {
    if (!holding()) return end(chunk, encoding, callback);
    if (chunk && typeof chunk !== "function") held.push(bytes(chunk, encoding));
    const done = [chunk, encoding, callback].find((a) => typeof a === "function");
    const coding = String(res.getHeader("content-encoding") ?? "").trim();
    const [decode, encode] = codecs[coding] ?? [(b) => b, (b) => b];
    const original = Buffer.concat(held);
    let body = original;
    try {
      body = encode(Buffer.from(mendNotFoundShell(decode(original).toString("utf8"), texts(req.url ?? "/"))));
    } catch {
      // An encoding this front cannot read: the answer goes out as Next wrote it.
    }
    if (!res.headersSent) res.setHeader("content-length", body.length);
    // Headers already out with a length: only the body Next measured may follow.
    else if (res.getHeader("content-length") !== undefined) body = original;
    return end(body, done);
  };
}
