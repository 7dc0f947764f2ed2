// Client-safe. Cutting a text to a length without splitting a word: a teaser under "Read more" and the
// description search engines read from JSON-LD.

import { CJK } from "./text-language";

const ELLIPSIS = "…";

/** True when `text` fits in `max` characters and needs no cutting. */
export function fitsWhole(text: string, max: number): boolean {
  return text.trim().length <= max;
}

/**
 * `text` cut to at most `max` characters (the ellipsis included) at the last word boundary, or at a character
 * where the text there is CJK; unchanged when it fits. A single word longer than `max` is cut inside it.
 */
export function cutAtWord(text: string, max: number): string {
  const whole = text.trim().replace(/\s+/g, " ");
  if (whole.length <= max) return whole;
  const room = Math.max(1, max - ELLIPSIS.length);
  const head = whole.slice(0, room);
  const next = whole.charAt(room);
  const last = head.charAt(head.length - 1);
  // The cut already falls between words (a space next) or beside a CJK character: keep every character.
  if (next === " " || CJK.test(next) || CJK.test(last)) return `${head.trimEnd()}${ELLIPSIS}`;
  const space = head.lastIndexOf(" ");
  let cjkAt = -1;
  for (let i = head.length - 1; i > space; i--) {
    if (CJK.test(head.charAt(i))) {
      cjkAt = i;
      break;
    }
  }
  const end = Math.max(cjkAt + 1, space);
  const cut = end > 0 ? head.slice(0, end) : head;
  return `${cut.trimEnd().replace(/[,;:.\-–—(]+$/, "")}${ELLIPSIS}`;
}
