import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "./db";

/**
 * Every audit event the portal writes, with the kind of record it is about. The names are stored as they are
 * and read back by the history pages and the tests: add names, never rename one.
 */
export const AUDIT_EVENTS = {
  "membership.create": "Membership",
  "membership.update": "Membership",
  "membership.end": "Membership",
  "membership.confirm": "Membership",
  "membership.corroborate": "Membership",
  "membership.reread": "Membership",
  "institution.create": "Institution",
  "institution.update": "Institution",
  "organization.create": "Organization",
  "organization.update": "Organization",
  "change.reject": "ChangeRequest",
  /** A proposed organization recorded as a membership of an existing one (merge.ts). */
  "change.merge": "ChangeRequest",
  "discrepancy.dismiss": "DiscrepancyDismissal",
  "discrepancy.restore": "DiscrepancyDismissal",
  "user.invite": "User",
  "user.access": "User",
  "user.password": "User",
  "user.admin-from-shell": "User",
  "user.disable-from-shell": "User",
} as const;

export type AuditEventName = keyof typeof AUDIT_EVENTS;

export type AuditEntry = {
  event: AuditEventName;
  entityId: string;
  /** Null or absent for work done from the server's shell, where the operator is the actor. */
  actorId?: string | null;
  proposerId?: string | null;
  changeRequestId?: string | null;
  /** JSON values; null is stored as JSON null, absent as no value. */
  before?: unknown;
  after?: unknown;
};

const json = (v: unknown) =>
  v === undefined ? undefined : v === null ? Prisma.JsonNull : (v as Prisma.InputJsonValue);

/**
 * Write an audit row in the caller's transaction (or in a batch given to $transaction: the row is returned
 * unsent), so the change and its record commit or roll back together.
 */
export function recordAudit(client: Tx, entry: AuditEntry) {
  return client.auditEvent.create({
    data: {
      action: entry.event,
      entityType: AUDIT_EVENTS[entry.event],
      entityId: entry.entityId,
      actorId: entry.actorId,
      proposerId: entry.proposerId,
      changeRequestId: entry.changeRequestId,
      before: json(entry.before),
      after: json(entry.after),
    },
    select: { id: true },
  });
}
