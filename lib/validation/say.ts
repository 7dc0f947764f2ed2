// The schemas' own messages, written once in messages/en.json (validation.custom) so that the one mapping
// (lib/validation/issue-messages.ts) finds each by its English text and gives it in the form's language.
import en from "../../messages/en.json";

export type CustomMessage = keyof typeof en.validation.custom;

/** A hand-written validation message in English, as a schema gives it to zod. */
export function say(key: CustomMessage): string {
  return en.validation.custom[key];
}
