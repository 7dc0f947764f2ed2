import "server-only";
import type { Tx } from "../db";
import { toStoredDate } from "../../shared/dates";
import { samePeriod, type FormerPeriod } from "../../shared/membership-periods";
import { formerPeriodsOf } from "../change-requests/diff";

/**
 * Store a membership's earlier periods as an approved change states them, inside its transaction (after the
 * version-guarded update of the membership, so two approvals never interleave here). A period that was already
 * stored keeps its row and the source it rests on; a new one rests on the change's source and passage; one the
 * change leaves out is removed (the audit row keeps it in "before").
 */
export async function storeFormerPeriods(
  tx: Tx,
  membershipId: string,
  periods: readonly FormerPeriod[],
  cited: { sourceId: string; quote: string | null },
) {
  const stored = await tx.membershipPeriod.findMany({
    where: { membershipId },
    select: { id: true, joinedOn: true, joinedPrecision: true, endedOn: true, endedPrecision: true },
  });
  const storedPeriods = formerPeriodsOf(stored);
  const gone = stored.filter((_, i) => !periods.some((p) => samePeriod(p, storedPeriods[i]!)));
  const added = periods.filter((p) => !storedPeriods.some((s) => samePeriod(p, s)));
  if (gone.length) await tx.membershipPeriod.deleteMany({ where: { id: { in: gone.map((g) => g.id) } } });
  if (added.length)
    await tx.membershipPeriod.createMany({
      data: added.map((p) => {
        const joined = p.joined ? toStoredDate(p.joined) : null;
        const ended = toStoredDate(p.ended);
        return {
          membershipId,
          joinedOn: joined?.date ?? null,
          joinedPrecision: joined?.precision ?? null,
          endedOn: ended.date,
          endedPrecision: ended.precision,
          sourceId: cited.sourceId,
          quote: cited.quote,
        };
      }),
    });
}
