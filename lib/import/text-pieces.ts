// The pieces the page reader works on — paragraphs, sentences, quoted and bracketed names — each cut in one
// pass that never goes back over what it has passed, with what it reads added to the meter. The patterns of
// read-page.ts then only run on these pieces.
import type { Steps, WorkMeter } from "./work-meter";

/** A "sentence" longer than this is cut at spaces: one piece of prose is read in bounded work. */
export const MAX_SENTENCE = 1_000;
/** Long loops report to the meter (and may pause) every this many characters. */
const SLICE = 16_384;

/** JavaScript's \s: the pieces must agree with the patterns that run on them. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Paragraphs: a run of white space holding two line breaks or more separates two; any other run becomes one
 * space; each is trimmed and empty ones dropped (what split(/\n\s*\n/) and collapsing \s+ gave, in one pass).
 */
export function* paragraphSteps(text: string, meter: WorkMeter): Steps<string[]> {
  const found: string[] = [];
  let words: string[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    let breaks = 0;
    for (let c = text.charCodeAt(i); i < text.length && isSpace(c); c = text.charCodeAt(++i)) if (c === 10) breaks++;
    if (breaks >= 2 && words.length) {
      found.push(words.join(" "));
      words = [];
    }
    const word = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    if (i > word) words.push(text.slice(word, i));
    meter.add(i - start);
    if (meter.due) yield* meter.pause();
  }
  if (words.length) found.push(words.join(" "));
  meter.add(text.length); // the joins
  return found;
}

const TERMINAL = new Set([".", "!", "?", "。", "！", "？"].map((c) => c.charCodeAt(0)));
const opensSentence = (c: number) =>
  (c >= 65 && c <= 90) || c === 0x201c || c === 34 || c === 40 || (c >= 0x4e00 && c <= 0x9fff);

/**
 * Sentences of a paragraph: cut at white space that follows . ! ? 。 ！ ？ and precedes a capital, an opening
 * quote or bracket, or a Chinese character; pieces longer than MAX_SENTENCE are cut again at spaces.
 */
export function* sentenceSteps(p: string, meter: WorkMeter): Steps<string[]> {
  const found: string[] = [];
  const keep = (s: string) => {
    let rest = s.trim();
    while (rest.length > MAX_SENTENCE) {
      const space = rest.lastIndexOf(" ", MAX_SENTENCE);
      const at = space > 0 ? space : MAX_SENTENCE;
      found.push(rest.slice(0, at).trim());
      rest = rest.slice(at).trim();
      meter.add(MAX_SENTENCE);
    }
    if (rest) found.push(rest);
  };
  let from = 0;
  let counted = 0;
  let i = 0;
  while (i < p.length) {
    if (i - counted >= SLICE) {
      meter.add(i - counted);
      counted = i;
      if (meter.due) yield* meter.pause();
    }
    if (!isSpace(p.charCodeAt(i))) {
      i++;
      continue;
    }
    const run = i;
    while (i < p.length && isSpace(p.charCodeAt(i))) i++;
    if (run > 0 && TERMINAL.has(p.charCodeAt(run - 1)) && i < p.length && opensSentence(p.charCodeAt(i))) {
      keep(p.slice(from, run));
      from = i;
    }
  }
  keep(p.slice(from));
  meter.add(p.length - counted + p.length); // the rest, and the trims and slices
  return found;
}

export type Enclosed = { start: number; end: number; inner: string };

/**
 * What a global scan with /[open]([^stop]{min,max})[close]/g finds (close ⊆ stop): an opening character whose
 * first stop character after it is a closing one, min to max characters on. The position of that first stop
 * character only moves forward, so the text is read at most twice.
 */
export function* enclosedSteps(
  text: string,
  chars: { open: string; stop: string; close: string },
  min: number,
  max: number,
  meter: WorkMeter,
): Steps<Enclosed[]> {
  const found: Enclosed[] = [];
  let stop = -1;
  let counted = 0;
  let read = 0;
  for (let i = 0; i < text.length; i++) {
    if (i - counted + read >= SLICE) {
      meter.add(i - counted + read);
      counted = i;
      read = 0;
      if (meter.due) yield* meter.pause();
    }
    if (!chars.open.includes(text[i]!)) continue;
    if (stop <= i) {
      stop = i + 1;
      while (stop < text.length && !chars.stop.includes(text[stop]!)) stop++;
      read += stop - i;
    }
    const length = stop - i - 1;
    if (stop < text.length && chars.close.includes(text[stop]!) && length >= min && length <= max) {
      found.push({ start: i, end: stop + 1, inner: text.slice(i + 1, stop) });
      i = stop;
    }
  }
  meter.add(text.length - counted + read);
  return found;
}

export const QUOTES = { open: '“"«', stop: '”"»', close: '”"»' };
export const PROSE_QUOTES = { open: '“"', stop: '”"', close: '”"' };
export const BRACKETS = { open: "(", stop: "()", close: ")" };
