// Which source a changed fact rests on (schema.prisma, Source / Membership / Institution): the rules the
// proposal, the approval and the forms share. Client-safe.
import type { PartialDate } from "./dates";

/** What a change cites: the source (address or title) and the passage that states the new value. */
export type Citation = { sourceUrl: string | null; sourceTitle: string | null; sourceQuote: string | null };

/** A membership's facts: a change to any of them must cite a source for the new values (the notes are not one). */
export const MEMBERSHIP_FACTS = ["role", "status", "joined", "ended", "formerPeriods"] as const;

/** An institution's profile facts, each credited to its own source. */
export const PROFILE_FACTS = ["nameEn", "nameZh", "city", "website", "rorId", "wikidataId"] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const squash = (v: string | null) => (v ?? "").trim().replace(/\s+/g, " ").toLowerCase();

/** The facts (of `fields`) whose value differs between the two. */
export function changedFacts<F extends string>(fields: readonly F[], before: object | null, after: object): F[] {
  const read = (o: object | null, f: F) => (o as Record<string, unknown> | null)?.[f];
  return fields.filter((f) => !same(read(before, f), read(after, f)));
}

/** Whether a change cites anything at all (blank fields leave the current source as it is). */
export const citesAnything = (c: Citation) => Boolean(c.sourceUrl || c.sourceTitle || c.sourceQuote);

/** The same source and the same passage (case and spacing aside): nothing new to rest a new value on. */
export function isSameCitation(a: Citation, b: Citation): boolean {
  return (
    squash(a.sourceUrl) === squash(b.sourceUrl) &&
    squash(a.sourceTitle) === squash(b.sourceTitle) &&
    squash(a.sourceQuote) === squash(b.sourceQuote)
  );
}

/** The data layer's answers (messages/en.json validation.answers), by the field they are shown beside. */
export const CITATION_ANSWERS = {
  citeNewSource: "You changed a fact: cite the source of the new value (its address or its title).",
  quoteNewSource: "Quote the passage of the source that states the new value.",
  sameSourceAsNow:
    "This is the source and passage the current value rests on: cite where the new value comes from, with its passage.",
} as const;

/**
 * Why a change's citation cannot carry its changed facts, as field errors (empty when it can): a changed fact
 * needs a source (address or title) and a quoted passage, and not the very source and passage any of the
 * current values rests on.
 */
export function citationErrors(changed: boolean, cited: Citation, current: readonly Citation[]) {
  const errors: Record<string, string[]> = {};
  if (!changed) return errors;
  if (!cited.sourceUrl && !cited.sourceTitle) errors.sourceUrl = [CITATION_ANSWERS.citeNewSource];
  if (!cited.sourceQuote) errors.sourceQuote = [CITATION_ANSWERS.quoteNewSource];
  else if (current.some((c) => isSameCitation(c, cited))) errors.sourceQuote = [CITATION_ANSWERS.sameSourceAsNow];
  return errors;
}

/** The day a source was read, as stored: the proposer's date (a day, month or year: its first day), else `fallback`. */
export function seenOnDate(readOn: PartialDate | string | null | undefined, fallback: Date): Date {
  const iso = typeof readOn === "string" ? readOn : readOn?.iso;
  if (!iso) return new Date(`${fallback.toISOString().slice(0, 10)}T00:00:00.000Z`);
  const [y, m = "01", d = "01"] = iso.split("-");
  return new Date(`${y}-${m}-${d}T00:00:00.000Z`);
}

/** Today (UTC) as the "read on" field's default: never in the future by the server's rule (dates.ts). */
export const todayIso = (now: Date = new Date()) => now.toISOString().slice(0, 10);
