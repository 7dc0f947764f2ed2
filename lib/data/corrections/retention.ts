import "server-only";
import { db } from "../db";

/**
 * A suggester's email is kept only while it is needed to tell them what became of their suggestion: until this
 * many days after it was closed or its change request was decided (README "Suggest a correction"). Then it is
 * erased (emailErasedAt records when); the correction itself stays, as the record of what was said.
 */
export const CORRECTION_EMAIL_DAYS = 30;

/**
 * Erase the emails whose time is over. Run with every new correction and every decision (as rate limits purge
 * theirs), so no scheduler is needed; `now` is for tests that move time.
 */
export async function purgeExpiredCorrectionEmails(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - CORRECTION_EMAIL_DAYS * 86_400_000);
  const { count } = await db().correction.updateMany({
    where: {
      email: { not: null },
      OR: [
        { status: "CLOSED", decidedAt: { lte: cutoff } },
        // A change request is decided when approved, rejected or withdrawn: decidedAt is set for each.
        { status: "IN_REVIEW", changeRequest: { decidedAt: { lte: cutoff } } },
      ],
    },
    data: { email: null, emailErasedAt: now },
  });
  return count;
}
