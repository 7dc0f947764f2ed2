import "server-only";
import type { Tx } from "../db";
import type { ChangeKind } from "../../generated/prisma/enums";
import { fromStoredDate, isBeforeAtCoarser, type PartialDate } from "../../shared/dates";
import type { DateWarning } from "../../shared/types/change-requests";

/** A joined date before the organization's founding, compared at the coarser of the two precisions. */
export function joinedBeforeFounding(joined: PartialDate | null, founded: PartialDate | null): DateWarning[] {
  if (!joined || !founded || !isBeforeAtCoarser(joined, founded)) return [];
  return [{ code: "joinedBeforeFounding", joined, founded }];
}

/**
 * What a request's reviewer (and its proposer) should check, without refusing it: a proposed joined date before
 * the organization's founding — the founding date stored now, or the one proposed with a new organization.
 */
export async function dateWarnings(
  client: Tx,
  request: { kind: ChangeKind; organizationId: string | null; proposed: unknown },
): Promise<DateWarning[]> {
  const proposed = (request.proposed ?? {}) as { joined?: PartialDate | null; founded?: PartialDate | null };
  if (request.kind === "ORGANIZATION_CREATE")
    return joinedBeforeFounding(proposed.joined ?? null, proposed.founded ?? null);
  if (!request.kind.startsWith("MEMBERSHIP") || !request.organizationId || !proposed.joined) return [];
  const organization = await client.organization.findUnique({
    where: { id: request.organizationId },
    select: { foundedOn: true, foundedPrecision: true },
  });
  return joinedBeforeFounding(
    proposed.joined,
    fromStoredDate(organization?.foundedOn ?? null, organization?.foundedPrecision ?? null),
  );
}
