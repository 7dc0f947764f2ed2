import "server-only";
import { db } from "../db";

// The approved public changes after a cursor, in the order they happened: the audit events of public records
// (memberships, institutions, organizations), never of accounts or requests. Same shape as the items of
// /api/v1/changes, so the webhooks can take that loader (lib/data/open/changes.ts) when it lands.

/** The events that change what the public pages and the open data show. */
export const PUBLIC_CHANGE_EVENTS = [
  "membership.create",
  "membership.update",
  "membership.end",
  "institution.create",
  "institution.update",
  "organization.create",
  "organization.update",
] as const;

export type ChangeRecord =
  | { type: "organization"; slug: string | null }
  | { type: "institution"; slug: string | null }
  /** A membership is named by its id, and by its two sides' slugs. */
  | { type: "membership"; slug: string; organization: string | null; institution: string | null };

export type ChangeItem = {
  /** The audit event's id, as text (it is a 64-bit integer): the cursor. */
  id: string;
  at: string;
  record: ChangeRecord;
  /** What happened: create, update or end. */
  action: string;
};

/** The ids behind an item, for choosing what a webhook receives (never sent). */
export type ChangeItemWithIds = ChangeItem & { organizationId: string | null; institutionId: string | null };

export async function listPublicChanges({
  after,
  limit,
}: {
  after: bigint | string;
  limit: number;
}): Promise<ChangeItemWithIds[]> {
  const events = await db().auditEvent.findMany({
    where: { id: { gt: BigInt(after) }, action: { in: [...PUBLIC_CHANGE_EVENTS] } },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, at: true, action: true, entityType: true, entityId: true },
  });
  const idsOf = (type: string) => [...new Set(events.filter((e) => e.entityType === type).map((e) => e.entityId))];
  const memberships = await db().membership.findMany({
    where: { id: { in: idsOf("Membership") } },
    select: { id: true, organizationId: true, institutionId: true },
  });
  const organizationIds = [...idsOf("Organization"), ...memberships.map((m) => m.organizationId)];
  const institutionIds = [...idsOf("Institution"), ...memberships.map((m) => m.institutionId)];
  const [organizations, institutions] = await Promise.all([
    db().organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, slug: true } }),
    db().institution.findMany({ where: { id: { in: institutionIds } }, select: { id: true, slug: true } }),
  ]);
  const orgSlug = new Map(organizations.map((o) => [o.id, o.slug]));
  const instSlug = new Map(institutions.map((i) => [i.id, i.slug]));
  const membership = new Map(memberships.map((m) => [m.id, m]));
  return events.map((e) => {
    const base = { id: e.id.toString(), at: e.at.toISOString(), action: e.action.split(".")[1] ?? e.action };
    if (e.entityType === "Membership") {
      const m = membership.get(e.entityId);
      const organizationId = m?.organizationId ?? null;
      const institutionId = m?.institutionId ?? null;
      const record = {
        type: "membership" as const,
        slug: e.entityId,
        organization: organizationId ? (orgSlug.get(organizationId) ?? null) : null,
        institution: institutionId ? (instSlug.get(institutionId) ?? null) : null,
      };
      return { ...base, record, organizationId, institutionId };
    }
    if (e.entityType === "Organization")
      return {
        ...base,
        record: { type: "organization" as const, slug: orgSlug.get(e.entityId) ?? null },
        organizationId: e.entityId,
        institutionId: null,
      };
    return {
      ...base,
      record: { type: "institution" as const, slug: instSlug.get(e.entityId) ?? null },
      organizationId: null,
      institutionId: e.entityId,
    };
  });
}

/** The newest public change's id (a new webhook starts after it: it receives what is approved from now on). */
export async function latestPublicChangeId(): Promise<bigint> {
  const last = await db().auditEvent.findFirst({
    where: { action: { in: [...PUBLIC_CHANGE_EVENTS] } },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return last?.id ?? 0n;
}
