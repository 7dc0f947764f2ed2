import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "./db";
import { AUDIT_EVENTS, type AuditEventName } from "../shared/audit-events";

export { AUDIT_EVENTS, type AuditEventName };

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
