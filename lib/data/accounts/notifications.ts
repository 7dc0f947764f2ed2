import "server-only";
import { db, type Tx } from "../db";
import type { Actor } from "../../shared/actor";
import { requireActor } from "../guards";

/** Tell a person about a decision on their change request, in the decision's transaction. */
export async function notifyUser(tx: Tx, note: { userId: string; changeRequestId: string; message: string }) {
  await tx.notification.create({ data: note });
}

/** The signed-in person's latest notifications; a visitor has none. */
export async function listNotifications(actor: Actor | null) {
  if (!actor) return [];
  return db().notification.findMany({
    where: { userId: actor.id },
    select: { id: true, message: true, changeRequestId: true, readAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
}

export async function markNotificationsRead(actor: Actor | null) {
  const reader = requireActor(actor);
  await db().notification.updateMany({ where: { userId: reader.id, readAt: null }, data: { readAt: new Date() } });
}
