import "server-only";
import { db, type Tx } from "../db";
import { membershipConfirmedTags } from "../../cache/tag-rules";
import type { Actor } from "../../shared/actor";
import { NotFoundError } from "../../shared/errors";
import { pickName } from "../../shared/names";
import { requireAdmin, requireStaff } from "../guards";
import { createCitedSource } from "../change-requests/apply";
import type { OrganizationConfirmationValues } from "../../validation/confirmations";
import { recordAudit } from "../audit";

const touched = (m: { organization: { slug: string }; institution: { slug: string } }) =>
  membershipConfirmedTags({ organization: m.organization.slug, institution: m.institution.slug });

const confirmSelect = {
  id: true,
  confirmedAt: true,
  sourceId: true,
  source: { select: { seenOn: true } },
  organization: { select: { slug: true } },
  institution: { select: { slug: true } },
} as const;

type Confirmable = { id: string; confirmedAt: Date | null; sourceId: string; source: { seenOn: Date } };

/** Marks one entry confirmed now and writes its audit row, in the caller's transaction. */
async function markConfirmed(tx: Tx, staffId: string, m: Confirmable, confirmedAt: Date) {
  // Not a change of the entry's values: the version stays, so pending requests based on it stay valid.
  await tx.membership.update({ where: { id: m.id }, data: { confirmedAt, confirmedById: staffId } });
  await recordAudit(tx, {
    event: "membership.confirm",
    entityId: m.id,
    actorId: staffId,
    proposerId: staffId,
    before: { confirmedAt: m.confirmedAt?.toISOString() ?? null },
    after: { confirmedAt: confirmedAt.toISOString() },
  });
}

/**
 * "I read the source again": the only thing that moves a source's seen date once it is stored (an approval never
 * does). The source is a page or document, so its date moves for every fact resting on it. Audited.
 */
async function markSourceRead(tx: Tx, staffId: string, m: Confirmable, readOn: Date) {
  const seenOn = new Date(`${readOn.toISOString().slice(0, 10)}T00:00:00.000Z`);
  await tx.source.update({ where: { id: m.sourceId }, data: { seenOn } });
  await recordAudit(tx, {
    event: "membership.reread",
    entityId: m.id,
    actorId: staffId,
    proposerId: staffId,
    before: { sourceSeenOn: m.source.seenOn.toISOString().slice(0, 10) },
    after: { sourceSeenOn: seenOn.toISOString().slice(0, 10) },
  });
}

/**
 * "Still accurate": a staff member confirms one of their own institution's entries as it stands, without a
 * change request, and with `sourceReadAgain` says they read its source again today. Audited; the public page
 * shows the dates.
 */
export async function confirmMembership(
  actor: Actor | null,
  membershipId: string,
  options: { sourceReadAgain?: boolean } = {},
) {
  const staff = requireStaff(actor);
  return db().$transaction(async (tx) => {
    const m = await tx.membership.findFirst({
      where: { id: membershipId, institutionId: staff.institutionId },
      select: confirmSelect,
    });
    if (!m) throw new NotFoundError("No such membership of your institution.");
    const now = new Date();
    await markConfirmed(tx, staff.id, m, now);
    if (options.sourceReadAgain) await markSourceRead(tx, staff.id, m, now);
    // Other pages citing the same source show its new date at their next hourly refresh.
    return { tags: touched(m) };
  });
}

/**
 * "Still accurate" for several entries at once: all or nothing, each audited as a single confirmation is.
 * An id that is not one of the staff member's own institution's memberships refuses the whole list.
 */
export async function confirmMemberships(actor: Actor | null, membershipIds: readonly string[]) {
  const staff = requireStaff(actor);
  const ids = [...new Set(membershipIds)];
  return db().$transaction(async (tx) => {
    const found = await tx.membership.findMany({
      where: { id: { in: ids }, institutionId: staff.institutionId },
      select: confirmSelect,
      orderBy: { id: "asc" },
    });
    if (found.length !== ids.length || !ids.length) throw new NotFoundError("No such membership of your institution.");
    const confirmedAt = new Date();
    for (const m of found) await markConfirmed(tx, staff.id, m, confirmedAt);
    return { count: found.length, tags: [...new Set(found.flatMap(touched))] };
  });
}

/**
 * Admins record the organization's own confirmation of a membership (its member list, charter or letter), so a
 * membership both sides state shows as corroborated. Audited.
 */
export async function recordOrganizationConfirmation(actor: Actor | null, input: OrganizationConfirmationValues) {
  const admin = requireAdmin(actor, "Only admins record an organization's confirmation.");
  return db().$transaction(async (tx) => {
    const m = await tx.membership.findUnique({
      where: { id: input.membershipId },
      select: {
        id: true,
        organizationId: true,
        organizationConfirmedAt: true,
        organizationQuote: true,
        organizationSource: { select: { url: true, title: true } },
        organization: {
          select: { slug: true, names: { select: { locale: true, name: true, kind: true, validUntil: true } } },
        },
        institution: { select: { slug: true } },
      },
    });
    if (!m) throw new NotFoundError("No such membership.");
    const source = await createCitedSource(
      tx,
      `organization-${crypto.randomUUID()}`,
      pickName(m.organization.names, "en").name,
      input,
      // The admin reads the organization's source as they record it.
      new Date(),
      { organizationId: m.organizationId },
    );
    const at = new Date();
    await tx.membership.update({
      where: { id: m.id },
      data: {
        organizationConfirmedAt: at,
        organizationSourceId: source.id,
        organizationQuote: input.sourceQuote,
        // The organization confirms the entry as listed: facts a secretariat stated before are replaced by it.
        organizationRole: null,
        organizationStatus: null,
        organizationJoinedOn: null,
        organizationJoinedPrecision: null,
        organizationEndedOn: null,
        organizationEndedPrecision: null,
        organizationStatedById: null,
        organizationStatedByMember: false,
      },
    });
    await recordAudit(tx, {
      event: "membership.corroborate",
      entityId: m.id,
      actorId: admin.id,
      before: {
        organizationConfirmedAt: m.organizationConfirmedAt?.toISOString() ?? null,
        sourceUrl: m.organizationSource?.url ?? null,
        sourceTitle: m.organizationSource?.title ?? null,
        sourceQuote: m.organizationQuote,
      },
      after: {
        organizationConfirmedAt: at.toISOString(),
        sourceUrl: input.sourceUrl,
        sourceTitle: input.sourceTitle,
        sourceQuote: input.sourceQuote,
      },
    });
    return { tags: touched(m) };
  });
}
