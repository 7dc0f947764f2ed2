import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { markdownToPlainText, renderMarkdown } from "@/lib/content/markdown";
import { xssPayloads } from "../support/xss-corpus";

const TAGS = new Set(["p", "br", "strong", "em", "s", "del", "ul", "ol", "li", "a", "code", "pre", "blockquote", "hr"]);

/** Every element and attribute of rendered HTML, as the browser's tokenizer sees it (htmlparser2, sanitize-html's
 * parser). */
function elements(html: string) {
  const found: { name: string; attribs: Record<string, string> }[] = [];
  const parser = new Parser(
    { onopentag: (name, attribs) => found.push({ name, attribs }) },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

describe("renderMarkdown", () => {
  it("renders the formatting people use in introductions and notes", () => {
    expect(renderMarkdown("**Founded** in *2016*.\n\n- one\n- two\n\n1. first\n\n`code`")).toBe(
      "<p><strong>Founded</strong> in <em>2016</em>.</p>\n" +
        "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n" +
        "<ol>\n<li>first</li>\n</ol>\n" +
        "<p><code>code</code></p>\n",
    );
    expect(renderMarkdown("line one\nline two")).toBe("<p>line one<br />\nline two</p>\n");
    expect(renderMarkdown("")).toBe("");
    expect(renderMarkdown(null)).toBe("");
  });

  it("links http(s) and mailto only, with rel=nofollow noopener", () => {
    expect(renderMarkdown("[site](https://example.org/a?b=1&c=2)")).toBe(
      '<p><a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener">site</a></p>\n',
    );
    expect(renderMarkdown("see https://example.org and info@example.org")).toBe(
      '<p>see <a href="https://example.org" rel="nofollow noopener">https://example.org</a> and ' +
        '<a href="mailto:info@example.org" rel="nofollow noopener">info@example.org</a></p>\n',
    );
    for (const bad of [
      "[x](javascript:alert(1))",
      "[x](JaVaScRiPt:alert(1))",
      "[x](data:text/html,hi)",
      "[x](/relative)",
      "[x](//evil.example)",
      "[x](ftp://a.example)",
    ]) {
      expect(renderMarkdown(bad), bad).not.toContain("<a");
    }
  });

  it("raw HTML is text, headings and images stay plain", () => {
    expect(renderMarkdown("<b>hi</b>")).toBe("<p>&lt;b&gt;hi&lt;/b&gt;</p>\n");
    expect(renderMarkdown("# Title")).toBe("<p># Title</p>\n");
    expect(renderMarkdown("![x](https://example.org/x.png)")).not.toContain("<img");
  });

  it(`leaves no script, handler or unsafe URL in any of the ${xssPayloads.length} corpus payloads`, () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(40);
    const problems: string[] = [];
    for (const payload of xssPayloads) {
      const html = renderMarkdown(payload);
      for (const { name, attribs } of elements(html)) {
        if (!TAGS.has(name)) problems.push(`${payload} → <${name}>`);
        for (const [attr, value] of Object.entries(attribs)) {
          const allowed = (name === "a" && (attr === "href" || attr === "rel")) || (name === "ol" && attr === "start");
          if (!allowed) problems.push(`${payload} → ${name}[${attr}]`);
          if (attr === "href" && !/^(https?:\/\/|mailto:)/i.test(value)) problems.push(`${payload} → href ${value}`);
        }
        if (name === "a" && attribs.rel !== "nofollow noopener") problems.push(`${payload} → a without rel`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("markdownToPlainText", () => {
  it("drops the markup and keeps paragraphs", () => {
    expect(markdownToPlainText("**Bold** [link](https://example.org) `x`\n\n- a\n- b")).toBe("Bold link x\n\na\n\nb");
    expect(markdownToPlainText("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
    expect(markdownToPlainText(undefined)).toBe("");
  });
});
