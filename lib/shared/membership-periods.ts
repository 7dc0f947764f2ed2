// A membership's periods (left, then rejoined): the earlier ones, each ended, and the current one, which is the
// membership's own dates. Client-safe: the form, the pages, the API and the data layer share these rules.
import { formatPartialDate, isBeforeAtCoarser, isFutureDate, type PartialDate } from "./dates";

/** An earlier period as a change request keeps it: it has ended; its start may be unknown (the first one's only). */
export type FormerPeriod = { joined: PartialDate | null; ended: PartialDate };

/** Any period for display and export: the current one may have no end (still a member). */
export type Period = { joined: PartialDate | null; ended: PartialDate | null };

/**
 * The data layer's answers about periods (messages/en.json validation.answers, translated by their English
 * text): {n} is the period's number as the proposer counts them, first = earliest.
 */
export const PERIOD_ANSWERS = {
  periodStartUnknown: "Period {n}: only the earliest period may have an unknown start.",
  periodEndsBeforeStart: "Period {n}: it ends before it begins.",
  periodOutOfOrder: "Period {n}: list the periods from the earliest to the latest.",
  periodOverlaps: "Period {n}: it begins before the period above it ended.",
  periodInFuture: "Period {n}: {date} is in the future: give the date it happened.",
  periodAfterCurrent: "Period {n}: an earlier period must end before the current one began.",
  periodUnreadable: "Line {n}: write a period as its start and end, such as 2005 – 2012 or May 2005 – Jun 2012.",
  periodTooMany: "At most 20 earlier periods.",
} as const;

export const MAX_PERIODS = 20;

/** An answer with its placeholders filled in (the translation finds it by the same pattern). */
export const fillAnswer = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

/** A before b, compared at the coarser precision ("2012" is not before "May 2012"). */
const before = (a: PartialDate, b: PartialDate) => isBeforeAtCoarser(a, b);

/**
 * What is wrong with earlier periods against the current one, in English (one message a problem, the first
 * first). Dates are compared at the coarser of two precisions, so "2012" and "Nov 2012" neither overlap nor
 * come out of order: a source's year is never read as a day.
 */
export function periodErrors(
  former: readonly FormerPeriod[],
  current: { joined: PartialDate | null },
  now: Date = new Date(),
): string[] {
  const errors: string[] = [];
  former.forEach((p, i) => {
    const n = i + 1;
    const previous = i > 0 ? former[i - 1] : undefined;
    for (const date of [p.joined, p.ended])
      if (date && isFutureDate(date, now))
        errors.push(fillAnswer(PERIOD_ANSWERS.periodInFuture, { n, date: formatPartialDate(date, "en") ?? date.iso }));
    if (!p.joined && i > 0) errors.push(fillAnswer(PERIOD_ANSWERS.periodStartUnknown, { n }));
    if (p.joined && before(p.ended, p.joined)) errors.push(fillAnswer(PERIOD_ANSWERS.periodEndsBeforeStart, { n }));
    if (previous && p.joined) {
      if (previous.joined && before(p.joined, previous.joined))
        errors.push(fillAnswer(PERIOD_ANSWERS.periodOutOfOrder, { n }));
      else if (before(p.joined, previous.ended)) errors.push(fillAnswer(PERIOD_ANSWERS.periodOverlaps, { n }));
    }
  });
  const last = former.at(-1);
  if (last && current.joined && before(current.joined, last.ended))
    errors.push(fillAnswer(PERIOD_ANSWERS.periodAfterCurrent, { n: former.length }));
  return errors;
}

/** Whether two periods are the same (its dates at their precision). */
export function samePeriod(a: Period, b: Period): boolean {
  return JSON.stringify([a.joined, a.ended]) === JSON.stringify([b.joined, b.ended]);
}

/** Every period, earliest first: the earlier ones, then the current one (the membership's own dates). */
export function allPeriods(former: readonly FormerPeriod[], current: Period): Period[] {
  return [...former, current];
}

/** How a page words periods, from its messages (en: "{joined}–{ended}", "since {joined}", "until {ended}", ", "). */
export type PeriodWords = {
  range: (joined: string, ended: string) => string;
  since: (joined: string) => string;
  until: (ended: string) => string;
  separator: string;
};

/** One period in words: "2005–2012", "since 2019", "until 2012", or "" when no date is known. */
export function formatPeriod(p: Period, locale: string, words: PeriodWords): string {
  const joined = formatPartialDate(p.joined, locale);
  const ended = formatPartialDate(p.ended, locale);
  if (joined && ended) return words.range(joined, ended);
  if (joined) return words.since(joined);
  return ended ? words.until(ended) : "";
}

/** Every period in words, earliest first: "2005–2012, since 2019". */
export function formatPeriods(periods: readonly Period[], locale: string, words: PeriodWords): string {
  return periods
    .map((p) => formatPeriod(p, locale, words))
    .filter(Boolean)
    .join(words.separator);
}

/**
 * Left, then rejoined: a membership that had ended, proposed with a new joined date after that end, keeps the
 * ended period as an earlier one rather than overwriting it (what the proposer means: "we are members again").
 * A joined date in the same year as the end (at the coarser precision) is read as a correction of the dates, as
 * before. Returns the earlier periods the proposal should carry, the kept one last (it is the latest).
 */
export function keepEndedPeriod(
  before: { joined: PartialDate | null; ended: PartialDate | null },
  after: { joined: PartialDate | null; formerPeriods?: FormerPeriod[] },
): FormerPeriod[] {
  const former = after.formerPeriods ?? [];
  if (!before.ended || !after.joined || !isBeforeAtCoarser(before.ended, after.joined)) return former;
  const kept: FormerPeriod = { joined: before.joined, ended: before.ended };
  if (former.some((p) => samePeriod(p, kept))) return former;
  return [...former, kept];
}

/**
 * The period in force on `day` ("2008-05-01"), of the earlier ones and the current one, or null: a member that left
 * in 2012 and rejoined in 2019 was a member in 2008 and in 2020, not in 2015 (`inForce`: the rule for one period).
 */
export function periodInForce<P extends Period>(
  periods: readonly P[],
  day: string,
  inForce: (p: P, day: string) => boolean,
): P | null {
  return periods.find((p) => inForce(p, day)) ?? null;
}
