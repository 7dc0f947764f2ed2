// User-entered long text (organization introductions, membership notes, review comments) may hold markdown.
// It is rendered on the server in two layers: markdown-it with raw HTML off (any "<" is text), then
// sanitize-html with a small allow-list, so even a renderer bug cannot let a tag, an event handler or a
// script URL through. Links are http(s) or mailto only and carry rel="nofollow noopener".
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
// Headings would break the page's heading outline, images would load other sites' content (and the CSP
// blocks them), tables do not fit the narrow places this text is shown in: they stay plain text.
md.disable(["heading", "lheading", "image", "table"]);
md.validateLink = (url: string) => SAFE_URL.test(url.trim());

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "s", "del", "ul", "ol", "li", "a", "code", "pre", "blockquote", "hr"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...(attribs.href && SAFE_URL.test(attribs.href) ? { href: attribs.href } : {}),
        rel: "nofollow noopener",
      },
    }),
  },
};

/** Markdown → sanitized HTML, safe to put into the page as is. */
export function renderMarkdown(source: string | null | undefined): string {
  if (!source) return "";
  return sanitizeHtml(md.render(source), SANITIZE);
}

/**
 * Markdown → plain text (markup dropped, paragraphs separated by a blank line) for summaries, meta
 * descriptions and JSON-LD, where React or JSON escapes it.
 */
export function markdownToPlainText(source: string | null | undefined): string {
  if (!source) return "";
  const out: string[] = [];
  for (const token of md.parse(source, {})) {
    if (token.type === "inline") {
      for (const child of token.children ?? []) {
        if (child.type === "text" || child.type === "code_inline") out.push(child.content);
        else if (child.type === "softbreak" || child.type === "hardbreak") out.push(" ");
      }
    } else if (token.type === "code_block" || token.type === "fence") {
      out.push(token.content.trim());
    }
    if (
      token.type === "paragraph_close" ||
      token.type === "list_item_close" ||
      token.type === "code_block" ||
      token.type === "fence"
    )
      out.push("\n\n");
  }
  return out
    .join("")
    .replace(/[ \t]+/g, " ")
    .replace(/ ?\n\n+ ?/g, "\n\n")
    .trim();
}
