/**
 * Opaque keyset cursors for the read API: the sort key of the last item returned, as base64url JSON
 * under a version tag. Clients pass them back unchanged; anything else is rejected with a clear message.
 */
import { CONTROL_CHARACTER } from "../validation/input";

const VERSION = 1;

export type CursorKey = [string, string];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify({ v: VERSION, k: key }), "utf8").toString("base64url");
}

/** The key in a cursor, or null when the text is not a cursor this API issued. */
export function decodeCursor(cursor: string): CursorKey | null {
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(cursor)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { v, k } = parsed as { v?: unknown; k?: unknown };
  if (v !== VERSION || !Array.isArray(k) || k.length !== 2) return null;
  // A key part is compared with stored text in SQL: a control character (NUL above all) is not a key we issued.
  if (
    !k.every(
      (part) => typeof part === "string" && part.length > 0 && part.length <= 200 && !CONTROL_CHARACTER.test(part),
    )
  )
    return null;
  return [k[0] as string, k[1] as string];
}
