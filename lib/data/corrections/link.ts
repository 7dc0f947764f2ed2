import "server-only";
import type { Tx } from "../db";
import { recordAudit } from "../audit";
import { queueMail } from "../outbox";
import { ForbiddenError, NotFoundError } from "../../shared/errors";
import { localeOf, mailTranslator } from "../accounts/mail-texts";
import { TRIAGE_REFUSAL } from "./triage";

/**
 * "Turn into a change request": in the transaction that creates the proposal (admin-notices.ts
 * createRequestTellingAdmins), the open correction it answers becomes IN_REVIEW, linked to the request, and the
 * suggester's mail is queued. Only a manager of the correction's institution may: anyone else's proposal carrying
 * the id is refused whole (the transaction rolls back). Returns the queued mail's id, to deliver after the commit.
 */
export async function linkCorrectionToRequest(
  tx: Tx,
  link: { correctionId: string; changeRequestId: string; proposerId: string; institutionId: string },
): Promise<string | null> {
  const proposer = await tx.user.findFirst({
    where: { id: link.proposerId, institutionId: link.institutionId, role: "STAFF", staffRole: "MANAGER" },
    select: { id: true },
  });
  if (!proposer) throw new ForbiddenError(TRIAGE_REFUSAL);
  const decidedAt = new Date();
  const { count } = await tx.correction.updateMany({
    where: { id: link.correctionId, institutionId: link.institutionId, status: "OPEN" },
    data: { status: "IN_REVIEW", changeRequestId: link.changeRequestId, decidedById: proposer.id, decidedAt },
  });
  if (count === 0) throw new NotFoundError("No open suggestion of yours has this id: it may have been handled.");
  await recordAudit(tx, {
    event: "correction.in-review",
    entityId: link.correctionId,
    actorId: proposer.id,
    changeRequestId: link.changeRequestId,
  });
  const row = await tx.correction.findUniqueOrThrow({
    where: { id: link.correctionId },
    select: { email: true, locale: true },
  });
  if (!row.email) return null;
  const t = mailTranslator(localeOf(row.locale));
  return queueMail(tx, { to: row.email, subject: t("correctionInReviewSubject"), text: t("correctionInReviewText") });
}
