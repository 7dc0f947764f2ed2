import "server-only";
import { db } from "../db";
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

/**
 * "Still accurate": a staff member confirms one of their own institution's entries as it stands, without a
 * change request. Audited; the public page shows the date.
 */
export async function confirmMembership(actor: Actor | null, membershipId: string) {
  const staff = requireStaff(actor);
  return db().$transaction(async (tx) => {
    const m = await tx.membership.findFirst({
      where: { id: membershipId, institutionId: staff.institutionId },
      select: {
        id: true,
        confirmedAt: true,
        organization: { select: { slug: true } },
        institution: { select: { slug: true } },
      },
    });
    if (!m) throw new NotFoundError("No such membership of your institution.");
    const confirmedAt = new Date();
    // Not a change of the entry's values: the version stays, so pending requests based on it stay valid.
    await tx.membership.update({ where: { id: m.id }, data: { confirmedAt, confirmedById: staff.id } });
    await recordAudit(tx, {
      event: "membership.confirm",
      entityId: m.id,
      actorId: staff.id,
      proposerId: staff.id,
      before: { confirmedAt: m.confirmedAt?.toISOString() ?? null },
      after: { confirmedAt: confirmedAt.toISOString() },
    });
    return { tags: touched(m) };
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
      { organizationId: m.organizationId },
    );
    const at = new Date();
    await tx.membership.update({
      where: { id: m.id },
      data: { organizationConfirmedAt: at, organizationSourceId: source.id, organizationQuote: input.sourceQuote },
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
