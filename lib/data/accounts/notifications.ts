import "server-only";
import { db, type Tx } from "../db";
import type { Actor } from "../../shared/actor";
import { requireActor } from "../guards";
import type { Locale } from "@/i18n/routing";
import { localeOf } from "./mail-texts";

/** Tell a person about a decision on their change request, in the decision's transaction. */
export async function notifyUser(tx: Tx, note: { userId: string; changeRequestId: string; message: string }) {
  await tx.notification.create({ data: note });
}

/**
 * Tell every active admin (but `exceptUserId`, who did it) about a change request, each in their own language:
 * `message` words it for a locale. Written in the caller's transaction, with what it reports.
 */
export async function notifyAdmins(
  tx: Tx,
  note: { changeRequestId: string; exceptUserId: string; message: (locale: Locale) => string },
) {
  const admins = await tx.user.findMany({
    where: { role: "ADMIN", disabledAt: null, id: { not: note.exceptUserId } },
    select: { id: true, locale: true },
  });
  if (!admins.length) return;
  await tx.notification.createMany({
    data: admins.map((a) => ({
      userId: a.id,
      changeRequestId: note.changeRequestId,
      message: note.message(localeOf(a.locale)),
    })),
  });
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
