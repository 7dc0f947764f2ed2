import { ValidationError } from "../../shared/errors";
import { SUGGEST_MAX_QUERY } from "../../shared/types/suggest";
import type { ReconcileParams } from "./http";
import { foldText } from "./score";

// The suggest services' parameters as OpenRefine sends them: `prefix`, and `cursor`, an offset into the list.

/** How many suggestions one answer lists. */
export const SUGGEST_PAGE = 10;

export function suggestParams(params: ReconcileParams): { prefix: string; cursor: number } {
  const prefix = (params.get("prefix") ?? "").trim();
  if (prefix.length > SUGGEST_MAX_QUERY) {
    throw new ValidationError(`prefix is longer than ${SUGGEST_MAX_QUERY} characters.`, { prefix: ["Too long."] });
  }
  const raw = params.get("cursor");
  if (raw !== null && !/^\d{1,3}$/.test(raw)) {
    throw new ValidationError("cursor must be a whole number.", { cursor: ["Not a number."] });
  }
  return { prefix, cursor: raw === null ? 0 : Number(raw) };
}

/** A fixed list (types, properties) filtered by a prefix found anywhere in its names or ids. */
export function filterByPrefix<T extends { id: string; name: string }>(all: readonly T[], prefix: string): T[] {
  const f = foldText(prefix);
  return all.filter((t) => !f || foldText(t.name).includes(f) || foldText(t.id).includes(f));
}
