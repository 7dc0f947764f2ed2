import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { FieldDiff, MembershipSnapshot } from "../../shared/types/change-requests";
import { fromStoredDate, type DatePrecision } from "../../shared/dates";
import type { FormerPeriod } from "../../shared/membership-periods";
import type { MembershipValues } from "../../validation/memberships";

export const DIFF_FIELDS = [
  "role",
  "status",
  "joined",
  "ended",
  "formerPeriods",
  "notes",
  "sourceUrl",
  "sourceTitle",
  "sourceQuote",
  "sourceSeenOn",
] as const;

/** A change is a change when any of these differs: a new "read on" date alone is not one (see "read again"). */
const CHANGE_FIELDS = DIFF_FIELDS.filter((f) => f !== "sourceSeenOn");

/** Whether `after` changes anything of `before` worth a request. */
export function changesAnything(before: MembershipSnapshot, after: MembershipSnapshot): boolean {
  return CHANGE_FIELDS.some((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null));
}

/** Field by field over any two value objects (an institution's profile, a proposed organization). */
export function diffValues(before: Record<string, unknown> | null, after: Record<string, unknown>): FieldDiff[] {
  return Object.keys(after).map((field) => {
    const b = before ? (before[field] ?? null) : null;
    const a = after[field] ?? null;
    return { field, before: b, after: a, changed: JSON.stringify(b) !== JSON.stringify(a) };
  });
}

/** Field by field, what a change request would change. */
export function diffSnapshots(before: MembershipSnapshot | null, after: MembershipSnapshot): FieldDiff[] {
  return DIFF_FIELDS.map((field) => {
    const b = before ? (before[field] ?? null) : null;
    const a = after[field] ?? null;
    return { field, before: b, after: a, changed: JSON.stringify(b) !== JSON.stringify(a) };
  });
}

export const membershipSnapshotSelect = {
  id: true,
  version: true,
  institutionId: true,
  organizationId: true,
  role: true,
  status: true,
  notes: true,
  quote: true,
  joinedOn: true,
  joinedPrecision: true,
  endedOn: true,
  endedPrecision: true,
  sourceId: true,
  source: { select: { url: true, title: true, seenOn: true } },
  periods: {
    select: { joinedOn: true, joinedPrecision: true, endedOn: true, endedPrecision: true },
    orderBy: [{ endedOn: "asc" }, { joinedOn: "asc" }],
  },
} satisfies Prisma.MembershipSelect;

/** Earlier periods as a snapshot keeps them: absent when there are none, so "none" compares equal however kept. */
export function withFormerPeriods(periods: FormerPeriod[] | undefined): { formerPeriods?: FormerPeriod[] } {
  return periods?.length ? { formerPeriods: periods } : {};
}

export function formerPeriodsOf(
  periods: {
    joinedOn: Date | null;
    joinedPrecision: DatePrecision | null;
    endedOn: Date;
    endedPrecision: DatePrecision;
  }[],
): FormerPeriod[] {
  return periods.map((p) => ({
    joined: fromStoredDate(p.joinedOn, p.joinedPrecision),
    ended: fromStoredDate(p.endedOn, p.endedPrecision)!,
  }));
}

/** A stored membership's values as a change request keeps them. */
export function snapshotOf(
  m: Pick<
    Prisma.MembershipGetPayload<{ select: typeof membershipSnapshotSelect }>,
    "role" | "status" | "notes" | "quote" | "joinedOn" | "joinedPrecision" | "endedOn" | "endedPrecision" | "source"
  > & { periods?: Parameters<typeof formerPeriodsOf>[0] },
): MembershipSnapshot {
  return {
    role: m.role,
    status: m.status,
    notes: m.notes,
    joined: fromStoredDate(m.joinedOn, m.joinedPrecision),
    ended: fromStoredDate(m.endedOn, m.endedPrecision),
    sourceUrl: m.source.url,
    sourceTitle: m.source.title,
    sourceQuote: m.quote,
    sourceSeenOn: m.source.seenOn.toISOString().slice(0, 10),
    ...withFormerPeriods(formerPeriodsOf(m.periods ?? [])),
  };
}

/** A form's values as a change request keeps them. */
export function snapshotFromValues(v: MembershipValues): MembershipSnapshot {
  return {
    role: v.role,
    status: v.status,
    joined: v.joined,
    ended: v.ended,
    notes: v.notes,
    sourceUrl: v.sourceUrl,
    sourceTitle: v.sourceTitle,
    sourceQuote: v.sourceQuote,
    sourceSeenOn: v.sourceSeenOn?.iso ?? null,
    ...withFormerPeriods(v.formerPeriods),
  };
}
