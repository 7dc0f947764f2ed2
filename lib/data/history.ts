import "server-only";
import type { Locale } from "@/i18n/routing";
import { db, recordDb } from "./db";
import { cached, tags } from "../cache/read-cache";
import type { Prisma } from "../generated/prisma/client";
import type { Actor } from "../shared/actor";
import { pickName } from "../shared/names";
import { requireAdmin } from "./guards";
import { diffSnapshots } from "./change-requests/diff";
import type { FieldDiff, MembershipSnapshot } from "../shared/types/change-requests";
import type { HistoryValues, PublicHistoryEntry } from "../shared/types/history";
import { isAuditEntityType, isAuditEvent, type AuditEntityType, type AuditEventName } from "../shared/audit-events";

const VALUE_EVENTS = new Set(["membership.create", "membership.update", "membership.end"]);

/** One side of an audited membership change, as the public history shows it: the facts and their source. */
function historyValues(action: string, raw: unknown): HistoryValues | null {
  if (!VALUE_EVENTS.has(action) || !raw || typeof raw !== "object") return null;
  const v = raw as MembershipSnapshot;
  return {
    role: v.role,
    status: v.status,
    joined: v.joined ?? null,
    ended: v.ended ?? null,
    formerPeriods: v.formerPeriods ?? [],
    source: {
      title: v.sourceTitle ?? null,
      url: v.sourceUrl ?? null,
      quote: v.sourceQuote ?? null,
      seenOn: v.sourceSeenOn ?? null,
    },
  };
}

const names = { select: { locale: true, name: true, kind: true } } as const;
const orgNames = { select: { locale: true, name: true, kind: true, validUntil: true } } as const;

/** Approved changes to the memberships of an institution or an organization: when, and what (no names of people). */
async function loadPublicHistory(
  scope: { institution?: string; organization?: string },
  locale: Locale,
): Promise<PublicHistoryEntry[]> {
  const memberships = await recordDb().membership.findMany({
    where: scope.institution
      ? { institution: { slug: scope.institution } }
      : { organization: { slug: scope.organization } },
    select: {
      id: true,
      institution: { select: { slug: true, names } },
      organization: { select: { slug: true, names: orgNames } },
    },
  });
  if (!memberships.length) return [];
  const byId = new Map(memberships.map((m) => [m.id, m]));
  // The ids as one array value: an IN list would be a statement of its own for each number of memberships, and this
  // client keeps every statement it prepares (recordDb).
  const events = await recordDb().$queryRaw<
    { at: Date; action: string; entityId: string; before: Prisma.JsonValue; after: Prisma.JsonValue }[]
  >`SELECT at, action, "entityId", before, after FROM "AuditEvent"
    WHERE "entityType" = 'Membership' AND "entityId" = ANY(${[...byId.keys()]}::text[])
    ORDER BY at DESC LIMIT 50`;
  // Only the events the portal writes: a row of another kind would have no name to show.
  return events.flatMap((e) => {
    const m = byId.get(e.entityId)!;
    const action = e.action;
    if (!isAuditEvent(action)) return [];
    return {
      at: e.at.toISOString(),
      action,
      institution: { slug: m.institution.slug, name: pickName(m.institution.names, locale).name },
      organization: { slug: m.organization.slug, name: pickName(m.organization.names, locale).name },
      before: historyValues(e.action, e.before),
      after: historyValues(e.action, e.after),
    };
  });
}

// Entries name the other side of each membership: a renamed organization or institution reaches them through
// tags.pages, like every other page that names another record.
export const getPublicHistory = cached("getPublicHistory", loadPublicHistory, (scope) =>
  scope.institution
    ? [tags.pages, tags.institution(scope.institution)]
    : [tags.pages, tags.organization(scope.organization ?? "")],
);

export type AdminHistoryEntry = {
  id: string;
  at: string;
  /** Null for a stored code the portal does not write (the page then shows the code as it is). */
  event: AuditEventName | null;
  action: string;
  entityType: string;
  entity: AuditEntityType | null;
  entityId: string;
  changeRequestId: string | null;
  actor: string | null;
  proposer: string | null;
  diff: FieldDiff[] | null;
  /** The stored values of any other event (a confirmation, a new institution, an invitation…), by field. */
  details: Record<string, unknown> | null;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Admins: the full audit trail, newest first — who proposed, who approved, and the diff. */
export async function getAdminHistory(
  actor: Actor | null,
  filter: { institution?: string },
  take = 100,
): Promise<AdminHistoryEntry[]> {
  requireAdmin(actor, "Only admins see who changed what.");
  const membershipIds = filter.institution
    ? (
        await db().membership.findMany({ where: { institution: { slug: filter.institution } }, select: { id: true } })
      ).map((m) => m.id)
    : null;
  const events = await db().auditEvent.findMany({
    where: membershipIds ? { entityType: "Membership", entityId: { in: membershipIds } } : {},
    orderBy: { at: "desc" },
    take,
  });
  const people = new Map(
    (
      await db().user.findMany({
        where: { id: { in: events.flatMap((e) => [e.actorId, e.proposerId]).filter((x): x is string => Boolean(x)) } },
        select: { id: true, name: true, email: true },
      })
    ).map((u) => [u.id, `${u.name} <${u.email}>`]),
  );
  return events.map((e) => ({
    id: String(e.id),
    at: e.at.toISOString(),
    event: isAuditEvent(e.action) ? e.action : null,
    action: e.action,
    entityType: e.entityType,
    entity: isAuditEntityType(e.entityType) ? e.entityType : null,
    entityId: e.entityId,
    changeRequestId: e.changeRequestId,
    actor: e.actorId ? (people.get(e.actorId) ?? e.actorId) : null,
    proposer: e.proposerId ? (people.get(e.proposerId) ?? e.proposerId) : null,
    // A membership's values as a diff; a confirmation or a re-read stores only its date, shown as details.
    diff:
      VALUE_EVENTS.has(e.action) && e.after
        ? diffSnapshots((e.before as MembershipSnapshot | null) ?? null, e.after as MembershipSnapshot)
        : null,
    details: !VALUE_EVENTS.has(e.action) && isRecord(e.after) ? e.after : null,
  }));
}
