// The copy-paste code for a university's own site: the widget's <iframe> and, after it, a few lines of
// script that let the frame take its content's height. Client-safe: the staff page builds it on the server
// and tests build the same text to paste into a page of their own.

/** What the widget (components/embed/resize-reporter.tsx) posts to its parent whenever its height changes. */
export const RESIZE_MESSAGE = "alliance-atlas:resize";

export type EmbedSnippetOptions = {
  siteUrl: string;
  slug: string;
  lang: "en" | "zh";
  title: string;
  mode?: "compact" | "full";
  theme?: "light" | "dark";
};

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The widget's address with every option spelled out, so a reader of the snippet sees what to change. */
export function embedSource({ siteUrl, slug, lang, mode = "compact", theme = "light" }: EmbedSnippetOptions): string {
  return `${siteUrl.replace(/\/$/, "")}/embed/institutions/${slug}?lang=${lang}&mode=${mode}&theme=${theme}`;
}

/**
 * The iframe and its resizer. The script listens only to messages from the portal's origin and from its own
 * frame (document.currentScript's previous sibling, so two widgets on one page each follow their own), and
 * accepts only a plausible height: another frame or site cannot resize it.
 */
export function embedSnippet(options: EmbedSnippetOptions): string {
  const origin = new URL(options.siteUrl).origin;
  const iframe =
    `<iframe src="${embedSource(options)}" title="${escapeAttribute(options.title)}" ` +
    `width="100%" height="480" style="border:0" loading="lazy"></iframe>`;
  const script =
    "<script>(function(){var f=document.currentScript.previousElementSibling;" +
    'window.addEventListener("message",function(e){' +
    `if(e.origin!==${JSON.stringify(origin)}||e.source!==f.contentWindow||!e.data||` +
    `e.data.type!==${JSON.stringify(RESIZE_MESSAGE)})return;` +
    'var h=Math.ceil(Number(e.data.height));if(h>0&&h<20000)f.style.height=h+"px";});})();</script>';
  return `${iframe}\n${script}`;
}
