import { renderMarkdown } from "@/lib/content/markdown";

/**
 * User-entered text with markdown formatting, rendered on the server through lib/content/markdown (markdown-it with
 * raw HTML off, then an allow-list sanitizer): the only place such text becomes HTML.
 */
export function Markdown({ source, className = "", lang }: { source: string; className?: string; lang?: string }) {
  return (
    <div
      // Its rules for paragraphs, lists, links and code are one class (app/globals.css), not utilities on every block.
      className={`user-text ${className}`.trim()}
      lang={lang}
      /* biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown allows no raw HTML and sanitizes
         its output */
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
    />
  );
}
