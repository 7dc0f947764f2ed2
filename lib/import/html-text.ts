// A pasted page's HTML as plain text, through htmlparser2's tokenizer: one pass over the markup (a state
// machine that never goes back more than an entity's length), fed in slices so the reader can pause between
// them. Only the tokens are needed (no tree): text, where blocks start and end, line breaks, and what is hidden.
import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import { isSpace } from "./text-pieces";
import type { Steps, WorkMeter } from "./work-meter";

/** Elements that start a new paragraph, before and after them (a blank line in the text). */
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "legend",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "title",
  "tr",
  "ul",
]);
/** Raw-text elements whose content a browser does not show: the tokenizer hands it over whole, up to the end tag. */
const HIDDEN_RAW = new Set(["script", "style", "iframe", "noembed", "noframes"]);
/** Longest element name the reader cares about: longer names are no element it knows, whatever their case. */
const LONGEST_NAME = 10;
const SLICE = 16_384;

/** Whether the text holds a tag (<x, </x followed by a space, > or /); otherwise it is read as plain text. */
export function looksLikeHtml(text: string, meter: WorkMeter): boolean {
  const letter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;
  const alnum = (c: number) => letter(c) || (c >= 48 && c <= 57);
  let i = text.indexOf("<");
  while (i >= 0) {
    let j = i + 1;
    if (text.charCodeAt(j) === 47) j++;
    if (letter(text.charCodeAt(j))) {
      while (alnum(text.charCodeAt(j))) j++;
      const c = text.charCodeAt(j);
      if (j < text.length && (isSpace(c) || c === 62 || c === 47)) {
        meter.add(j);
        return true;
      }
    }
    // Nothing between i and j is a "<": the search goes on from j, so no character is read twice.
    i = text.indexOf("<", j);
  }
  meter.add(text.length);
  return false;
}

/**
 * HTML to text with a blank line around each block and a line break for each <br>; scripts, styles, templates,
 * noscript fallbacks and comments dropped; entities decoded. Markup that is never closed is treated as a
 * browser does: a tag cut off by the end of the text is no tag, an unclosed comment or script runs to the end.
 * Text that holds no tag is returned as it is, with its line ends made "\n". White space inside text is kept
 * as written: blank lines in pasted text still separate paragraphs.
 */
export function* plainTextSteps(input: string, meter: WorkMeter): Steps<string> {
  if (!looksLikeHtml(input, meter)) return newlines(input, meter);
  const parts: string[] = [];
  const reading = { ending: false };
  const tokenizer = new Tokenizer({ decodeEntities: true }, textCallbacks(input, meter, parts, reading));
  for (let at = 0; at < input.length; at += SLICE) {
    const slice = input.slice(at, at + SLICE);
    meter.add(slice.length);
    tokenizer.write(slice);
    if (meter.due) yield* meter.pause();
  }
  reading.ending = true;
  tokenizer.end();
  yield* meter.pause();
  const text = parts.join("");
  meter.add(text.length);
  return newlines(text, meter);
}

/** Which text a browser would show: none inside scripts, styles, templates and noscript; breaks for blocks. */
function visibility(parts: string[]) {
  let hiddenRaw: string | null = null;
  let templates = 0;
  let noscript = false;
  const shown = () => hiddenRaw === null && templates === 0 && !noscript;
  const opened = (tag: string) => {
    if (tag === "template") templates++;
    else if (tag === "noscript") noscript = true;
    else if (HIDDEN_RAW.has(tag)) hiddenRaw = tag;
    if (!shown()) return;
    if (tag === "br") parts.push("\n");
    else if (BLOCKS.has(tag)) parts.push("\n\n");
  };
  const closed = (name: string) => {
    if (name === hiddenRaw) hiddenRaw = null;
    else if (name === "noscript") noscript = false;
    else if (name === "template") templates = Math.max(0, templates - 1);
    else if (!shown()) return;
    else if (name === "br") parts.push("\n");
    else if (BLOCKS.has(name)) parts.push("\n\n");
  };
  return { shown, opened, closed };
}

/** The tokenizer's callbacks: shown text into `parts`, every token charged to the meter. */
function textCallbacks(
  input: string,
  meter: WorkMeter,
  parts: string[],
  reading: { ending: boolean },
): TokenizerCallbacks {
  const { shown, opened, closed } = visibility(parts);
  let tag = "";
  const nameAt = (start: number, end: number) => {
    meter.add(end - start + 1);
    return end - start > LONGEST_NAME ? "" : input.slice(start, end).toLowerCase();
  };
  const count = () => meter.add(1);
  return {
    ontext(start, end) {
      meter.add(end - start + 1);
      // What the tokenizer hands over at the end of the text from inside a tag cut off there ("</b foo",
      // "<scr"): a browser drops such a tag whole.
      if (reading.ending && (start < 0 || input.charCodeAt(start - 1) === 60)) return;
      if (shown()) parts.push(input.slice(start, end));
    },
    ontextentity(codePoint) {
      count();
      // A no-break space is a space to the reader, as it was before.
      if (shown()) parts.push(codePoint === 0xa0 ? " " : String.fromCodePoint(codePoint));
    },
    onopentagname(start, end) {
      tag = nameAt(start, end);
    },
    // A tag counts once its ">" is read: one cut off by the end of the text is dropped, as browsers do.
    onopentagend: () => opened(tag),
    onselfclosingtag: () => opened(tag),
    onclosetag(start, end) {
      closed(nameAt(start, end));
    },
    onattribname: count,
    onattribdata: count,
    onattribentity: count,
    onattribend: count,
    oncdata: count,
    oncomment: count,
    ondeclaration: count,
    onprocessinginstruction: count,
    onend() {},
  };
}

const LINE_END = /\r\n?/g;

function newlines(text: string, meter: WorkMeter): string {
  meter.scan(LINE_END, text);
  return text.replace(LINE_END, "\n");
}
