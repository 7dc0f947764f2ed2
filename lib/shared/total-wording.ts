import type { Counting } from "./types/organizations";

/**
 * The wording a list's total takes, as a message key's suffix: "12 organizations" (""), "About 12,000 …" ("About",
 * counted in a sample) or "At least 2,000 …" ("AtLeast", close spellings cut at a limit).
 */
export type TotalWording = "" | "About" | "AtLeast";

export function totalWording(c: Counting): TotalWording {
  return c.atLeast ? "AtLeast" : c.total ? "About" : "";
}
