import "server-only";
import { db } from "../db";
import { listPublicChanges } from "../open/changes";
import type { PublicChange } from "../../shared/types/changes";

// What a webhook is sent: the approved public changes after its position, as /api/v1/changes gives them (the same
// items, in the same commit-safe order: lib/data/open/changes.ts), and which of them a webhook that chose some
// records receives.

/** A webhook's position in the stream: the writing transaction's id and the event's id (see ChangePosition). */
export type WebhookPosition = { cursorTx: bigint; cursor: bigint };

/** The next changes after a webhook's position, at most `limit`. */
export async function changesAfter(position: WebhookPosition, limit: number): Promise<PublicChange[]> {
  const page = await listPublicChanges({
    after: { tx: position.cursorTx.toString(), id: position.cursor.toString() },
    limit,
  });
  return page.items;
}

export const positionOf = (change: PublicChange): WebhookPosition => ({
  cursorTx: BigInt(change.position.tx),
  cursor: BigInt(change.position.id),
});

/**
 * Where a new webhook starts: after every change of the transactions that ended before now (those older than the
 * oldest still running, the stream's horizon), so it receives what is approved from now on and nothing before.
 */
export async function startingPosition(): Promise<WebhookPosition> {
  const [row] = await db().$queryRaw<{ tx: string }[]>`
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS tx`;
  return { cursorTx: BigInt(row!.tx), cursor: 0n };
}

/** The slugs of the records a webhook chose (none: it receives every change), read now, as the items name them. */
export async function chosenSlugs(webhook: { organizationIds: string[]; institutionIds: string[] }) {
  if (!webhook.organizationIds.length && !webhook.institutionIds.length) return null;
  const [organizations, institutions] = await Promise.all([
    db().organization.findMany({ where: { id: { in: webhook.organizationIds } }, select: { slug: true } }),
    db().institution.findMany({ where: { id: { in: webhook.institutionIds } }, select: { slug: true } }),
  ]);
  return {
    organizations: new Set(organizations.map((o) => o.slug)),
    institutions: new Set(institutions.map((i) => i.slug)),
  };
}

/** Whether a webhook that chose these records receives a change: a membership when either of its sides is chosen. */
export function receives(chosen: Awaited<ReturnType<typeof chosenSlugs>>, change: PublicChange): boolean {
  if (!chosen) return true;
  const r = change.record;
  if (r.type === "organization") return chosen.organizations.has(r.slug);
  if (r.type === "institution") return chosen.institutions.has(r.slug);
  return chosen.organizations.has(r.organization.slug) || chosen.institutions.has(r.institution.slug);
}
