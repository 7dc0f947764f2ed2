import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import type { CorrectionStatusView } from "../../shared/types/corrections";
import { correctionRecordSelect, recordOf } from "./records";
import { hashCorrectionToken } from "./submit";

/**
 * The suggester's view of their correction, found by the private link's token (its hash is what is stored).
 * Whoever holds the link sees it, as it is the suggester's only key; an unknown token is null, with no hint.
 * The email is never part of it.
 */
export async function getCorrectionByToken(token: string, locale: Locale): Promise<CorrectionStatusView | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const row = await db().correction.findUnique({
    where: { statusTokenHash: hashCorrectionToken(token) },
    select: {
      what: true,
      sourceUrl: true,
      status: true,
      closedReason: true,
      createdAt: true,
      decidedAt: true,
      changeRequest: { select: { status: true } },
      ...correctionRecordSelect,
    },
  });
  if (!row) return null;
  return {
    record: recordOf(row, locale),
    what: row.what,
    sourceUrl: row.sourceUrl,
    status: row.status,
    closedReason: row.closedReason,
    changeRequestStatus: row.changeRequest?.status ?? null,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}
