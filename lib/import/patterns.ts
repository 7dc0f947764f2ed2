// The patterns the page reader runs, and the metered ways it runs them. Every quantifier in them is bounded
// ({m,n}, ?): one attempt reads a few dozen characters at most, so a scan costs a constant per character
// (WorkMeter.scan charges exactly that), and they run only on the pieces text-pieces.ts cuts.
import { parsePartialDate, type PartialDate } from "../shared/dates";
import type { MembershipRole } from "../shared/enums";
import type { WorkMeter } from "./work-meter";

const MONTH = `(?:${[
  "Jan(?:uary)?",
  "Feb(?:ruary)?",
  "Mar(?:ch)?",
  "Apr(?:il)?",
  "May",
  "June?",
  "July?",
  "Aug(?:ust)?",
  "Sep(?:t(?:ember)?)?",
  "Oct(?:ober)?",
  "Nov(?:ember)?",
  "Dec(?:ember)?",
].join("|")})\\.?`;
// The pieces these run on have their white space collapsed to single spaces, so \s and \s? say what \s+ and
// \s* would, with a bounded reach.
// One date in the forms sources use: "Nov 11, 2019", "11 Nov 2019", "May 2018", "2016年5月", "2018-05", a year.
const DATE = `(?:${[
  `${MONTH}\\s\\d{1,2}(?:st|nd|rd|th)?,?\\s\\d{4}`,
  `\\d{1,2}\\s${MONTH},?\\s\\d{4}`,
  `${MONTH},?\\s\\d{4}`,
  `\\d{4}\\s?年(?:\\s?\\d{1,2}\\s?月(?:\\s?\\d{1,2}\\s?日)?)?`,
  `\\d{4}-\\d{2}(?:-\\d{2})?`,
  `(?<![\\d-])(?:19|20)\\d{2}(?![\\d-])`,
].join("|")})`;
export const DATE_IN_TEXT = new RegExp(DATE, "i");
const ROLE_WORDS: [RegExp, MembershipRole][] = [
  [/founding member|创始成员|发起成员/i, "FOUNDING_MEMBER"],
  [/co-?sponsor/i, "CO_SPONSOR"],
  [/\binitiat(?:or|ed)\b|发起/i, "INITIATOR"],
  [/\bpresident\b|主席单位/i, "PRESIDENT"],
  [/\bsign(?:ed|atory)\b|签署/i, "SIGNATORY"],
  [/\borgani[sz](?:ed|er|es)\b|承办|主办/i, "ORGANIZER"],
  [/\bpartner\b/i, "PARTNER"],
  [/\bjoin(?:ed|s)?\b|\bmember\b|加入|成员/i, "MEMBER"],
];
const ORG_WORD_LIST = [
  "alliance|association|network|consortium|federation|union|uninet|league|council|society",
  "partnership|programme|program|agreement|memorandum|mou|organi[sz]ation|forum|platform",
].join("|");
export const ORG_WORDS = new RegExp(`\\b(${ORG_WORD_LIST})\\b|联盟|协会|联合会|网络|组织`, "i");
// A line of the NMU kind of table: "Nov 11, 2019, Founding Member".
export const DATE_ROLE_LINE = new RegExp(
  `^(${DATE})\\s?[,，;；]\\s?([A-Za-z][A-Za-z -]{1,40}|[\\u4e00-\\u9fff]{2,8})$`,
);

export function test(pattern: RegExp, text: string, meter: WorkMeter): boolean {
  meter.scan(pattern, text);
  return pattern.test(text);
}

export function exec(pattern: RegExp, text: string, meter: WorkMeter): RegExpExecArray | null {
  meter.scan(pattern, text);
  return pattern.exec(text);
}

/** A date as lib/shared/dates reads it; the text is a pattern's match or a short cell, so its cost stays small. */
export function parseDate(text: string, meter: WorkMeter): PartialDate | null {
  meter.opaque(text);
  try {
    return parsePartialDate(text.replace(/\.(?=\s)/, ""));
  } catch {
    return null;
  }
}

export function roleIn(text: string, meter: WorkMeter): MembershipRole | null {
  return ROLE_WORDS.find(([re]) => test(re, text, meter))?.[1] ?? null;
}
