/**
 * Dates as sources give them: "Nov 11, 2019" (a day), "May 2018" (a month), "2016" (a year). Stored as
 * the first day of the period plus its precision, and never shown more precisely than the source gave.
 */
export type DatePrecision = "YEAR" | "MONTH" | "DAY";

/** A date at its precision, serializable: `iso` is "2019", "2019-11" or "2019-11-11". */
export type PartialDate = { iso: string; precision: DatePrecision };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthIndex(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const i = MONTHS.findIndex(
    (m) =>
      w.startsWith(m) &&
      (w === m ||
        "january february march april may june july august september october november december"
          .split(" ")
          .some((full) => full.startsWith(w))),
  );
  return i === -1 ? null : i + 1;
}

function pad(n: number) {
  return String(n).padStart(2, "0");
}

function build(year: number, month?: number, day?: number): PartialDate | null {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return null;
  if (month === undefined) return { iso: String(year), precision: "YEAR" };
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (day === undefined) return { iso: `${year}-${pad(month)}`, precision: "MONTH" };
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { iso: `${year}-${pad(month)}-${pad(day)}`, precision: "DAY" };
}

const numbers = (m: RegExpExecArray) =>
  build(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);

/** The forms a source writes a date in, tried in order: each pattern with how its match becomes a date. */
const DATE_FORMS: [RegExp, (m: RegExpExecArray) => PartialDate | null][] = [
  [/^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/, numbers],
  [/^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$/, numbers],
  [
    /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/,
    (m) => {
      const month = monthIndex(m[1]!);
      return month ? build(Number(m[3]), month, Number(m[2])) : null;
    },
  ],
  [
    /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?),?\s+(\d{4})$/,
    (m) => {
      const month = monthIndex(m[2]!);
      return month ? build(Number(m[3]), month, Number(m[1])) : null;
    },
  ],
  [
    /^([A-Za-z]+\.?),?\s+(\d{4})$/,
    (m) => {
      const month = monthIndex(m[1]!);
      return month ? build(Number(m[2]), month) : null;
    },
  ],
];

/**
 * Parse what a person or a source writes: ISO forms ("2019", "2019-11", "2019-11-11"), English forms
 * ("Nov 11, 2019", "11 November 2019", "May 2018", "October 2009") and Chinese forms ("2019年11月11日",
 * "2018年5月", "2016年"). Blank gives null; anything else throws a RangeError saying what was wrong.
 */
export function parsePartialDate(input: string | null | undefined): PartialDate | null {
  const text = (input ?? "").trim().replace(/\s+/g, " ");
  if (!text) return null;
  const result = DATE_FORMS.reduce<PartialDate | null>((found, [pattern, read]) => {
    if (found) return found;
    const m = pattern.exec(text);
    return m ? read(m) : null;
  }, null);
  if (!result)
    throw new RangeError(`"${text}" is not a date: write a year (2016), a month (May 2018) or a day (Nov 11, 2019).`);
  return result;
}

/** The stored form: the first day of the period, as a UTC Date, with the precision. */
export function toStoredDate(date: PartialDate): { date: Date; precision: DatePrecision } {
  const [y, mo = "01", d = "01"] = date.iso.split("-");
  return {
    date: new Date(`${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}T00:00:00.000Z`),
    precision: date.precision,
  };
}

/** Back from the database: the Date cut to its precision. */
export function fromStoredDate(date: Date | null, precision: DatePrecision | null): PartialDate | null {
  if (!date || !precision) return null;
  const iso = date.toISOString().slice(0, 10);
  return { iso: precision === "YEAR" ? iso.slice(0, 4) : precision === "MONTH" ? iso.slice(0, 7) : iso, precision };
}

const PRECISION_OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  DAY: { year: "numeric", month: "short", day: "numeric" },
  MONTH: { year: "numeric", month: "long" },
  YEAR: { year: "numeric" },
};

// Made once per language and precision: building an Intl.DateTimeFormat costs far more than formatting with one,
// and a page with a long table formats hundreds of dates (this was 5 % of a first visit's server time).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, precision: DatePrecision): Intl.DateTimeFormat {
  const tag = locale === "zh" ? "zh-CN" : "en-US";
  const key = `${tag} ${precision}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(tag, { ...PRECISION_OPTIONS[precision], timeZone: "UTC" });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "Nov 11, 2019" / "May 2018" / "2016" in English; "2019年11月11日" / "2018年5月" / "2016年" in Chinese. */
export function formatPartialDate(date: PartialDate | null, locale: string): string | null {
  if (!date) return null;
  return formatterFor(locale, date.precision).format(toStoredDate(date).date);
}

/** Year of a partial date, for facets and timelines. */
export function yearOf(date: PartialDate | null): number | null {
  return date ? Number(date.iso.slice(0, 4)) : null;
}

/**
 * Today's date as the earliest time zone on Earth (UTC+14) has it: a date that is today anywhere is not in the
 * future, so staff in Beijing entering today's date just after midnight are not refused by a server on UTC.
 */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Whether a date lies after today, compared at its own precision: a period that has begun is not in the future
 * ("2026" all through 2026, "Nov 2026" all through November), one that has not begun is ("Dec 2026" in November).
 */
export function isFutureDate(date: PartialDate, now: Date = new Date()): boolean {
  return date.iso > latestToday(now).slice(0, date.iso.length);
}

/**
 * Whether `joined` lies before `founded`, compared at the coarser of the two precisions: a membership of
 * "2018" is not before an organization founded "May 2018", nor "May 2018" before "May 12, 2018".
 */
export function isBeforeAtCoarser(joined: PartialDate, founded: PartialDate): boolean {
  const length = Math.min(joined.iso.length, founded.iso.length);
  return joined.iso.slice(0, length) < founded.iso.slice(0, length);
}

/** Why a typed date was refused, carried on the validation issue so the form's language words the message. */
export type DateIssue = { dateIssue: "future"; date: PartialDate } | { dateIssue: "unreadable"; text: string };

export function isDateIssue(value: unknown): value is DateIssue {
  return typeof value === "object" && value !== null && "dateIssue" in value;
}

/** A typed date read as the server reads it, refused when unreadable or in the future (a DateIssue), or null. */
export function checkPartialDate(
  input: string,
  now: Date = new Date(),
): { ok: true; date: PartialDate | null } | { ok: false; issue: DateIssue; message: string } {
  let date: PartialDate | null;
  try {
    date = parsePartialDate(input);
  } catch (e) {
    const text = input.trim().replace(/\s+/g, " ");
    return { ok: false, issue: { dateIssue: "unreadable", text }, message: e instanceof Error ? e.message : text };
  }
  if (date && isFutureDate(date, now))
    return {
      ok: false,
      issue: { dateIssue: "future", date },
      message: `${formatPartialDate(date, "en")} is in the future: give the date it happened.`,
    };
  return { ok: true, date };
}
