import "server-only";
import type { Tx } from "../db";
import type { ChangeKind, ChangeStatus } from "../../generated/prisma/enums";
import type { FieldDiff, ReviewedFieldDiff } from "../../shared/types/change-requests";
import { institutionProfileSelect, profileOf } from "../institutions/editable-profile";
import { membershipSnapshotSelect, snapshotOf } from "./diff";
import { organizationProfileOf, organizationSideProfileSelect } from "../organization-side/profile-values";
import { currentOrganizationSide } from "../organization-side/propose-member-change";

// The review page's "now" column: the record as it is when the page renders, which differs from the values
// kept "when proposed" if someone changed the record since. Such a field is a conflict the reviewer must see.

type Subject = {
  kind: ChangeKind;
  /** An organization's statement is compared with what the organization states now, never the university's. */
  side?: "INSTITUTION" | "ORGANIZATION";
  /** Null for a proposed new institution until it is approved, and for an organization's own profile. */
  institutionId: string | null;
  organizationId: string | null;
  membershipId: string | null;
};

/** The record's current values, field by field; null when there is no record (yet). */
export async function currentValues(tx: Tx, r: Subject): Promise<Record<string, unknown> | null> {
  if (r.kind === "ORGANIZATION_UPDATE") {
    const o = r.organizationId
      ? await tx.organization.findUnique({ where: { id: r.organizationId }, select: organizationSideProfileSelect })
      : null;
    return o ? organizationProfileOf(o) : null;
  }
  if (!r.institutionId) return null;
  if (r.kind === "INSTITUTION_UPDATE") {
    const i = await tx.institution.findUnique({ where: { id: r.institutionId }, select: institutionProfileSelect });
    return i ? profileOf(i) : null;
  }
  if (r.kind === "ORGANIZATION_CREATE") return null;
  if (r.side === "ORGANIZATION" && r.membershipId) return currentOrganizationSide(tx, r.membershipId);
  // A proposed new membership has no record unless one was made meanwhile, which is then its "now".
  const m = r.membershipId
    ? await tx.membership.findUnique({ where: { id: r.membershipId }, select: membershipSnapshotSelect })
    : r.organizationId
      ? await tx.membership.findUnique({
          where: { institutionId_organizationId: { institutionId: r.institutionId, organizationId: r.organizationId } },
          select: membershipSnapshotSelect,
        })
      : null;
  return m ? snapshotOf(m) : null;
}

/** A value as text with its keys sorted: PostgreSQL's jsonb does not keep the order they were written in. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * Each field with its current value; `drifted` when, on a pending request, it is no longer the value the
 * request was based on. Changed fields come first (the page shows the rest on demand), in their order.
 */
export function withCurrent(
  diff: FieldDiff[],
  current: Record<string, unknown> | null,
  status: ChangeStatus,
): ReviewedFieldDiff[] {
  const rows = diff.map((d) => {
    const now = current ? (current[d.field] ?? null) : null;
    return { ...d, now, drifted: status === "PENDING" && !same(now, d.before) };
  });
  return [...rows.filter((d) => d.changed), ...rows.filter((d) => !d.changed)];
}
