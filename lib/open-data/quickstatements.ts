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
  joined: PartialDate | null;
  ended: PartialDate | null;
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

export function toQuickStatements(
  memberships: QsMembership[],
  roleItems?: Readonly<Partial<Record<string, string>>>,
): string {
  const lines = memberships.map((m) => quickStatementLine(m, roleItems)).filter((l): l is string => l !== null);
  return lines.length ? `${lines.join("\n")}\n` : "";
}
