import "server-only";
import type { Tx } from "../db";
import type { InstitutionKind } from "../../generated/prisma/enums";
import { DuplicateRecordError } from "../../shared/errors";
import { toStoredDate } from "../../shared/dates";
import { pickName } from "../../shared/names";
import { slugify } from "../../shared/slug";
import { buildSearchText } from "../../shared/search-text";
import { seenOnDate } from "../../shared/fact-sources";
import type { MembershipSnapshot } from "../../shared/types/change-requests";
import type { ProposedInstitution } from "../../shared/types/member-list";
import { recordAudit } from "../audit";
import { findFreeSlug } from "../record-names";
import { ownOrganization } from "../change-requests/sides";
import { createCitedSource } from "../change-requests/apply";
import { refreshOrganizationDerived } from "../organizations/derived";

// Approving an INSTITUTION_CREATE request: a secretariat's member list named a university the registry does not
// know (member-list-send.ts), so the organization proposed it as a new institution with its membership. Approved,
// the institution is made from what the organization gave, and the membership is the organization's statement
// alone: its facts are the organization's, cited to the organization's list, and the university has confirmed
// nothing (confirmedAt null) until its own side speaks.

export type InstitutionCreateProposal = ProposedInstitution & {
  kind?: InstitutionKind;
  membership: MembershipSnapshot;
};

type Request = {
  id: string;
  organizationId: string | null;
  proposed: unknown;
  proposedById: string;
  createdAt: Date;
};

/** An institution of this name (any of its names, folded) in this country, made since the request was. */
async function assertNotMadeMeanwhile(tx: Tx, p: InstitutionCreateProposal) {
  const names = [p.nameEn, ...(p.nameZh ? [p.nameZh] : [])];
  const [found] = await tx.$queryRaw<{ slug: string }[]>`
    SELECT i.slug FROM "InstitutionName" n JOIN "Institution" i ON i.id = n."institutionId"
    WHERE i.country = ${p.country} AND atlas_fold(n.name) = ANY(SELECT atlas_fold(x) FROM unnest(${names}::text[]) x)
    LIMIT 1`;
  if (found)
    throw new DuplicateRecordError(
      "An institution of this name in this country is in the registry now: the request is out of date.",
    );
}

/**
 * The membership as the organization states it, and only it: its facts are the organization's, cited to its list,
 * and the university has said nothing yet (confirmedAt null).
 */
function organizationStatement(m: MembershipSnapshot, sourceId: string, proposerId: string) {
  const joined = m.joined ? toStoredDate(m.joined) : null;
  const ended = m.ended ? toStoredDate(m.ended) : null;
  const facts = {
    role: m.role,
    status: m.status,
    joinedOn: joined?.date ?? null,
    joinedPrecision: joined?.precision ?? null,
    endedOn: ended?.date ?? null,
    endedPrecision: ended?.precision ?? null,
  };
  return {
    ...facts,
    notes: m.notes,
    quote: m.sourceQuote,
    sourceId,
    confirmedAt: null,
    organizationConfirmedAt: new Date(),
    organizationSourceId: sourceId,
    organizationQuote: m.sourceQuote,
    organizationRole: facts.role,
    organizationStatus: facts.status,
    organizationJoinedOn: facts.joinedOn,
    organizationJoinedPrecision: facts.joinedPrecision,
    organizationEndedOn: facts.endedOn,
    organizationEndedPrecision: facts.endedPrecision,
    organizationStatedById: proposerId,
    organizationStatedByMember: false,
  };
}

/** The new institution and the organization's membership of it, both audited. Runs in the approval's transaction. */
export async function applyInstitutionCreate(tx: Tx, r: Request, adminId: string) {
  const p = r.proposed as InstitutionCreateProposal;
  const organization = ownOrganization(
    await tx.organization.findUnique({
      where: { id: r.organizationId ?? "" },
      select: { id: true, names: { select: { locale: true, name: true, kind: true, validUntil: true } } },
    }),
    r.id,
  );
  await assertNotMadeMeanwhile(tx, p);
  const m = p.membership;
  const source = await createCitedSource(
    tx,
    `change-${r.id}`,
    pickName(organization.names, "en").name,
    m,
    seenOnDate(m.sourceSeenOn ?? null, r.createdAt),
    { organizationId: organization.id },
  );
  const slug = await findFreeSlug(tx, "institution", slugify(p.nameEn) || "institution");
  const institution = await tx.institution.create({
    data: {
      slug,
      kind: p.kind ?? "UNIVERSITY",
      country: p.country,
      website: p.website,
      websiteSourceId: p.website ? source.id : null,
      sourceId: source.id,
      searchText: buildSearchText([p.nameEn, p.nameZh]),
      names: {
        create: [
          { locale: "en", name: p.nameEn, sourceId: source.id },
          ...(p.nameZh ? [{ locale: "zh", name: p.nameZh, sourceId: source.id }] : []),
        ],
      },
    },
    select: { id: true },
  });
  const membership = await tx.membership.create({
    data: {
      ...organizationStatement(m, source.id, r.proposedById),
      institutionId: institution.id,
      organizationId: organization.id,
    },
    select: { id: true },
  });
  await tx.changeRequest.update({
    where: { id: r.id },
    data: { institutionId: institution.id, membershipId: membership.id },
  });
  const audit = { actorId: adminId, proposerId: r.proposedById, changeRequestId: r.id };
  const { nameEn, nameZh, country, website } = p;
  const made = { nameEn, nameZh, kind: p.kind ?? "UNIVERSITY", country, website };
  await recordAudit(tx, { event: "institution.create", entityId: institution.id, ...audit, after: made });
  await recordAudit(tx, { event: "membership.create", entityId: membership.id, ...audit, after: m });
  await refreshOrganizationDerived(tx, [organization.id]);
  return { organizationId: organization.id, institutionId: institution.id, proposerId: r.proposedById };
}
