// The OpenAPI document's descriptions are CommonMark, where `x` is code. The API page shows them as text with
// those spans as <code>; the rest of markdown (links, emphasis) does not occur in them, so a full renderer and
// raw HTML would be more than they need.

export type TextPiece = { code: boolean; text: string };

/** "Send `ETag` back" → text "Send ", code "ETag", text " back". An unpaired backtick stays as text. */
export function splitCodeSpans(source: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let rest = source;
  for (let match = /`([^`]+)`/.exec(rest); match; match = /`([^`]+)`/.exec(rest)) {
    if (match.index > 0) pieces.push({ code: false, text: rest.slice(0, match.index) });
    pieces.push({ code: true, text: match[1] ?? "" });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) pieces.push({ code: false, text: rest });
  return pieces;
}
