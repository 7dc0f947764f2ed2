// Earlier periods of a membership as a form sends them: one period a line, its start and end ("2005 – 2012",
// "May 2005 – Jun 2012", "– 2012" when the start is unknown). No JavaScript needed, and a pasted list works.
import { z } from "zod";
import { checkPartialDate, formatPartialDate, type PartialDate } from "../shared/dates";
import { fillAnswer as fill, MAX_PERIODS, PERIOD_ANSWERS, type FormerPeriod } from "../shared/membership-periods";

/** Between a period's two dates: a dash with spaces around it (a bare "-" is ISO's "2019-11"), "–", "—", "to", "至". */
const BETWEEN = /\s+-\s+|\s*[–—~至]\s*|\s+to\s+|^-\s*/i;

function readLine(line: string, n: number): { ok: true; period: FormerPeriod } | { ok: false; message: string } {
  const parts = line.split(BETWEEN);
  const unreadable = { ok: false as const, message: fill(PERIOD_ANSWERS.periodUnreadable, { n }) };
  if (parts.length !== 2) return unreadable;
  const dates: (PartialDate | null)[] = [];
  for (const part of parts) {
    const checked = checkPartialDate(part);
    if (!checked.ok && checked.issue.dateIssue === "future")
      return {
        ok: false,
        message: fill(PERIOD_ANSWERS.periodInFuture, { n, date: formatPartialDate(checked.issue.date, "en") ?? "" }),
      };
    if (!checked.ok) return unreadable;
    dates.push(checked.date);
  }
  const [joined = null, ended = null] = dates;
  return ended ? { ok: true, period: { joined, ended } } : unreadable;
}

export const formerPeriodsText = z
  .string()
  .max(2000)
  .transform((text, ctx): FormerPeriod[] => {
    const lines = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const periods: FormerPeriod[] = [];
    lines.forEach((line, i) => {
      const read = readLine(line, i + 1);
      if (read.ok) periods.push(read.period);
      else ctx.addIssue({ code: "custom", message: read.message });
    });
    if (periods.length > MAX_PERIODS) ctx.addIssue({ code: "custom", message: PERIOD_ANSWERS.periodTooMany });
    return periods;
  });

/** Periods as the form shows them again, one a line (ISO dates at their precision, which the form reads back). */
export function formerPeriodsAsText(periods: readonly FormerPeriod[] | undefined): string {
  return (periods ?? []).map((p) => `${p.joined?.iso ?? ""} – ${p.ended.iso}`.trim()).join("\n");
}
