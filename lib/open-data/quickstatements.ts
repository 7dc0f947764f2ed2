import type { PartialDate } from "../shared/dates";

/**
 * Wikidata QuickStatements (v1, one command per line, fields separated by "|") for approved memberships:
 * `institution|P463|organization` (member of) with qualifiers P580 (start time) and P582 (end time) at the
 * stored precision — 11 day, 10 month, 9 year — and P2868 (subject has role) where the role maps to an item.
 */
export type QsMembership = {
  institutionQid: string | null;
  organizationQid: string | null;
  role: string;
  /** The current (latest) period. */
  joined: PartialDate | null;
  ended: PartialDate | null;
  /** The addresses of the sources stating the current period (the university's, the organization's own). */
  references?: readonly (string | null)[];
  /** Earlier periods (left, then rejoined), earliest first, each with the addresses of its sources. */
  formerPeriods?: readonly QsPeriod[];
};

export type QsPeriod = {
  joined: PartialDate | null;
  ended: PartialDate | null;
  references?: readonly (string | null)[];
};

const PRECISION = { DAY: 11, MONTH: 10, YEAR: 9 } as const;

/**
 * Roles mapped to Wikidata items for P2868. Empty on purpose: no item for "founding member", "co-sponsor"
 * and the other roles could be confirmed when this was written, and a wrong qualifier is worse than none.
 * Add an entry (role → QID) once verified on wikidata.org; the export and its tests pick it up.
 */
export const ROLE_ITEMS: Readonly<Partial<Record<string, string>>> = {};

const QID = /^Q[1-9][0-9]{0,9}$/;

/** `+2019-11-11T00:00:00Z/11`, `+2018-05-00T00:00:00Z/10`, `+2016-00-00T00:00:00Z/9`. */
export function qsTime(date: PartialDate): string {
  const [y, m, d] = date.iso.split("-");
  const month = date.precision === "YEAR" ? "00" : m!;
  const day = date.precision === "DAY" ? d! : "00";
  return `+${y}-${month}-${day}T00:00:00Z/${PRECISION[date.precision]}`;
}

/** One line per membership where both sides have a QID; others are left out. */
export function quickStatementLine(
  m: QsMembership,
  roleItems: Readonly<Partial<Record<string, string>>> = ROLE_ITEMS,
): string | null {
  if (!m.institutionQid || !m.organizationQid || !QID.test(m.institutionQid) || !QID.test(m.organizationQid))
    return null;
  const parts = [m.institutionQid, "P463", m.organizationQid];
  if (m.joined) parts.push("P580", qsTime(m.joined));
  if (m.ended) parts.push("P582", qsTime(m.ended));
  const role = roleItems[m.role];
  if (role && QID.test(role)) parts.push("P2868", role);
  return parts.join("|");
}

/** A source address as a QuickStatements string: S854 (reference URL) takes it quoted, and a quote would end it. */
const QS_URL = /^https?:\/\/[^\s"|]+$/;

/**
 * The lines of one membership: one statement per period, earliest first, each written once per reference
 * (QuickStatements v1 puts one reference on a line: the same statement on the next line gains the next one).
 * Sources without an address are not written: a reference a Wikidata editor cannot open is none.
 *
 * QuickStatements adds a line's qualifiers to an existing statement with the same value, so the lines of a second
 * period would be merged into the first period's statement (two start times on one statement). A membership with
 * several periods is marked on each of its lines ("period 2 of 2", in the edit summary) and written after the
 * others (toQuickStatements): the /data page tells editors what to check.
 */
export function quickStatementLines(
  m: QsMembership,
  roleItems: Readonly<Partial<Record<string, string>>> = ROLE_ITEMS,
): string[] {
  const periods: QsPeriod[] = [
    ...(m.formerPeriods ?? []),
    { joined: m.joined, ended: m.ended, references: m.references ?? [] },
  ];
  return periods.flatMap((p, i) => {
    const statement = quickStatementLine({ ...m, joined: p.joined, ended: p.ended }, roleItems);
    if (!statement) return [];
    const urls = [...new Set((p.references ?? []).filter((u): u is string => Boolean(u && QS_URL.test(u))))];
    const summary = periods.length > 1 ? ` /* Alliance Atlas: period ${i + 1} of ${periods.length} */` : "";
    return (urls.length ? urls.map((u) => `${statement}|S854|"${u}"`) : [statement]).map((l) => `${l}${summary}`);
  });
}

export const hasFormerPeriods = (m: QsMembership) => (m.formerPeriods?.length ?? 0) > 0;

/**
 * The order of a file's lines: memberships of one period first (they can be run as they are), then those of several,
 * to be checked; each group in the order given. A streamed file reads the memberships once per group.
 */
export const PERIOD_GROUPS = [{ formerPeriods: false }, { formerPeriods: true }] as const;

/** The lines of memberships of one group, each ending in a line feed (a file is its groups' lines in turn). */
export function quickStatementsOf(
  memberships: readonly QsMembership[],
  group: (typeof PERIOD_GROUPS)[number],
  roleItems?: Readonly<Partial<Record<string, string>>>,
): string {
  return memberships
    .filter((m) => hasFormerPeriods(m) === group.formerPeriods)
    .flatMap((m) => quickStatementLines(m, roleItems))
    .map((line) => `${line}\n`)
    .join("");
}

export function toQuickStatements(
  memberships: QsMembership[],
  roleItems?: Readonly<Partial<Record<string, string>>>,
): string {
  return PERIOD_GROUPS.map((group) => quickStatementsOf(memberships, group, roleItems)).join("");
}
