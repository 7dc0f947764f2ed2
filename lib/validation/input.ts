// Checks every submission gets before its own schema (lib/actions/action.ts): text that PostgreSQL cannot store
// (NUL, half of a surrogate pair) or that no one types (other C0 control characters) is refused with a message
// on its field.
import { say } from "./say";

/** C0 controls except tab, line feed and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Field errors for every string in a (nested) submission that holds a control character; empty when clean. */
export function controlCharacterErrors(
  raw: unknown,
  path: string[] = [],
  out: Record<string, string[]> = {},
): Record<string, string[]> {
  if (typeof raw === "string") {
    if (CONTROL_CHARACTER.test(raw)) out[path.join(".") || "_form"] = [say("controlCharacters")];
    // Half of a surrogate pair (an emoji cut in two) is no text at all: PostgreSQL cannot store it.
    else if (!raw.isWellFormed()) out[path.join(".") || "_form"] = [say("brokenCharacters")];
  } else if (raw && typeof raw === "object" && path.length < 8) {
    for (const [key, value] of Object.entries(raw)) controlCharacterErrors(value, [...path, key], out);
  }
  return out;
}

/** The shape of a record id in a URL (cuid): anything else is a 404 before it reaches a query. */
export function isRecordId(id: string): boolean {
  return /^[a-z0-9]{1,40}$/i.test(id);
}
