import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import { recordAudit } from "../audit";
import { deliverQueuedMail, queueMail } from "../outbox";
import { requireActor, requireSecretariat, requireStaff } from "../guards";
import type { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../../shared/actor";
import { ForbiddenError, NotFoundError } from "../../shared/errors";
import type { CorrectionTriageRow } from "../../shared/types/corrections";
import { localeOf, mailTranslator } from "../accounts/mail-texts";
import { correctionRecordSelect, recordOf } from "./records";
import { purgeExpiredCorrectionEmails } from "./retention";

// Who triages a suggested correction: the managers of the institution it is about, or of the secretariat of the
// organization it is about, and the admins (all of them). Editors, other institutions' and organizations' people and
// visitors see none and can do nothing with one: the permission is the query's `where`.

export const TRIAGE_REFUSAL = "Only the institution's managers and the admins handle suggested corrections.";

/**
 * The corrections `actor` may see: all for an admin, their own institution's for a manager; refused otherwise.
 * Reading ("read": the queue, its count) stays open to a manager whose yearly address confirmation is overdue, as
 * their other pages do; acting on one (the default) is refused to them until they confirm.
 */
export function triageScope(actor: Actor | null, access: "write" | "read" = "write"): Prisma.CorrectionWhereInput {
  const signedIn = requireActor(actor);
  if (signedIn.role === "ADMIN") return {};
  if (signedIn.organizationId) {
    const secretariat = requireSecretariat(signedIn, TRIAGE_REFUSAL, access);
    if (secretariat.staffRole !== "MANAGER") throw new ForbiddenError(TRIAGE_REFUSAL);
    return { organizationId: secretariat.organizationId };
  }
  const staff = requireStaff(signedIn, TRIAGE_REFUSAL, access);
  if (staff.staffRole !== "MANAGER") throw new ForbiddenError(TRIAGE_REFUSAL);
  return { institutionId: staff.institutionId };
}

/** Whether `actor` triages corrections at all (for a page's link and count): never throws. */
export function canTriageCorrections(actor: Actor | null): boolean {
  return (
    actor?.role === "ADMIN" ||
    (actor?.role === "STAFF" && actor.staffRole === "MANAGER" && !!(actor.institutionId || actor.organizationId))
  );
}

/** The open corrections `actor` triages, oldest first (the longest waiting on top). */
export async function listOpenCorrections(actor: Actor | null, locale: Locale): Promise<CorrectionTriageRow[]> {
  const rows = await db().correction.findMany({
    where: { ...triageScope(actor, "read"), status: "OPEN" },
    select: { id: true, what: true, sourceUrl: true, email: true, createdAt: true, ...correctionRecordSelect },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id,
    record: recordOf(r, locale),
    what: r.what,
    sourceUrl: r.sourceUrl,
    hasEmail: r.email !== null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** How many open corrections wait for `actor` (0 for those who triage none). */
export async function countOpenCorrections(actor: Actor | null): Promise<number> {
  if (!canTriageCorrections(actor)) return 0;
  return db().correction.count({ where: { ...triageScope(actor, "read"), status: "OPEN" } });
}

/** One open correction `actor` triages, for a proposal form that answers it; null when not theirs or not open. */
export async function getOpenCorrection(actor: Actor | null, correctionId: string, locale: Locale) {
  if (!canTriageCorrections(actor) || !correctionId) return null;
  const row = await db().correction.findFirst({
    where: { ...triageScope(actor), id: correctionId, status: "OPEN" },
    select: { id: true, what: true, sourceUrl: true, ...correctionRecordSelect },
  });
  return row ? { id: row.id, what: row.what, sourceUrl: row.sourceUrl, record: recordOf(row, locale) } : null;
}

/**
 * Close an open correction with a reason, which the suggester reads on their status page and, when they left an
 * address, in a mail. Another's correction, or one already handled, is not found and nothing changes.
 */
export async function closeCorrection(actor: Actor | null, input: { correctionId: string; reason: string }) {
  const scope = triageScope(actor);
  const decider = requireActor(actor);
  const mailId = await db().$transaction(async (tx) => {
    const decidedAt = new Date();
    const { count } = await tx.correction.updateMany({
      where: { ...scope, id: input.correctionId, status: "OPEN" },
      data: { status: "CLOSED", closedReason: input.reason, decidedById: decider.id, decidedAt },
    });
    if (count === 0) throw new NotFoundError("No open suggestion of yours has this id: it may have been handled.");
    const row = await tx.correction.findUniqueOrThrow({
      where: { id: input.correctionId },
      select: { email: true, locale: true },
    });
    await recordAudit(tx, {
      event: "correction.close",
      entityId: input.correctionId,
      actorId: decider.id,
      after: { reason: input.reason },
    });
    if (!row.email) return null;
    const t = mailTranslator(localeOf(row.locale));
    return queueMail(tx, {
      to: row.email,
      subject: t("correctionClosedSubject"),
      text: t("correctionClosedText", { reason: input.reason }),
    });
  });
  if (mailId) await deliverQueuedMail(mailId);
  await purgeExpiredCorrectionEmails();
}
