import { renderMarkdown } from "@/lib/content/markdown";

const styles =
  "[&_p+p]:mt-3 [&_p+ul]:mt-2 [&_ul+p]:mt-2 [&_p+ol]:mt-2 [&_ol+p]:mt-2 " +
  "[&_ul]:list-disc [&_ol]:list-decimal [&_ul]:pl-5 [&_ol]:pl-5 " +
  "[&_a]:text-accent [&_a]:underline [&_a]:break-words [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 " +
  "[&_pre]:overflow-x-auto " +
  "[&_blockquote]:border-l-2 [&_blockquote]:border-line [&_blockquote]:pl-3 [&_hr]:my-3 [&_hr]:border-line";

/**
 * User-entered text with markdown formatting, rendered on the server through lib/content/markdown (markdown-it with
 * raw HTML off, then an allow-list sanitizer): the only place such text becomes HTML.
 */
export function Markdown({ source, className = "", lang }: { source: string; className?: string; lang?: string }) {
  return (
    <div
      className={`${styles} ${className}`.trim()}
      lang={lang}
      /* biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown allows no raw HTML and sanitizes
         its output */
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
    />
  );
}
