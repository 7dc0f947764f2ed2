import { Fragment } from "react";
import { splitCodeSpans } from "@/lib/content/code-spans";

/** A description from the OpenAPI document: its `backtick` spans as <code>, the rest as text. */
export function CodeSpans({ text }: { text: string }) {
  return (
    <>
      {splitCodeSpans(text).map((piece, n) =>
        // The pieces never move or change: their position is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed split of a constant text
        piece.code ? <code key={n}>{piece.text}</code> : <Fragment key={n}>{piece.text}</Fragment>,
      )}
    </>
  );
}
