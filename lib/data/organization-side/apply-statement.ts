import "server-only";
import type { Tx } from "../db";
import { DuplicateRecordError, StaleVersionError } from "../../shared/errors";
import { toStoredDate } from "../../shared/dates";
import { domainSuffixes, emailDomain } from "../../shared/email-domains";
import { seenOnDate } from "../../shared/fact-sources";
import { pickName } from "../../shared/names";
import type { MembershipSnapshot } from "../../shared/types/change-requests";
import { recordAudit } from "../audit";
import { createCitedSource, type ApplyContext, type Applied } from "../change-requests/apply";
import { membershipSnapshotSelect, snapshotOf } from "../change-requests/diff";
import { refreshOrganizationDerived } from "../organizations/derived";

// Applying an organization's statement of one member (a secretariat's approved proposal, propose-member.ts and
// propose-member-change.ts), inside the approval's transaction. It writes the organization's side of the
// membership (Membership.organization*) and never the university's own statement of an existing one: the two sides
// are kept apart so that their agreement means something (lib/shared/membership-sides.ts).

/**
 * Whether the proposer's address is at one of the member's own email domains (a secretariat hosted by a member
 * university, UASR's at xjtu.edu.cn): then the organization's side does not corroborate that member's own
 * statement, so one university can never make both sides.
 */
async function statedByMember(tx: Tx, proposerId: string, institutionId: string): Promise<boolean> {
  const [proposer, institution] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: proposerId }, select: { email: true } }),
    tx.institution.findUniqueOrThrow({ where: { id: institutionId }, select: { emailDomains: true } }),
  ]);
  const domain = emailDomain(proposer.email);
  if (!domain) return false;
  const own = new Set(institution.emailDomains.map((d) => d.toLowerCase()));
  return domainSuffixes(domain).some((d) => own.has(d));
}

/** The organization's side as Membership's organization* columns hold it. */
function organizationSideData(values: MembershipSnapshot, sourceId: string, proposerId: string, byMember: boolean) {
  const joined = values.joined ? toStoredDate(values.joined) : null;
  const ended = values.ended ? toStoredDate(values.ended) : null;
  return {
    // A source that lists the member without a role states none.
    organizationRole: values.role === "NOT_STATED" ? null : values.role,
    organizationStatus: values.status,
    organizationJoinedOn: joined?.date ?? null,
    organizationJoinedPrecision: joined?.precision ?? null,
    organizationEndedOn: ended?.date ?? null,
    organizationEndedPrecision: ended?.precision ?? null,
    organizationConfirmedAt: new Date(),
    organizationSourceId: sourceId,
    organizationQuote: values.sourceQuote,
    organizationStatedById: proposerId,
    organizationStatedByMember: byMember,
  };
}

type OrganizationSide = ReturnType<typeof organizationSideData>;
/** The approval's context: the publisher of what a secretariat cites is its organization, read here. */
type Context = Omit<ApplyContext, "publisher">;

/** The organization's side of a membership, as its statements are compared and applied (and proposed). */
export const organizationSideSelect = {
  organizationConfirmedAt: true,
  organizationRole: true,
  organizationStatus: true,
  organizationJoinedOn: true,
  organizationJoinedPrecision: true,
  organizationEndedOn: true,
  organizationEndedPrecision: true,
  organizationQuote: true,
  organizationStatedByMember: true,
  organizationSource: { select: { url: true, title: true, seenOn: true } },
} as const;

/** The organization's side as the audit row keeps it (the labels of membership snapshots, audit-fields.ts). */
async function organizationSideOf(tx: Tx, membershipId: string) {
  const m = await tx.membership.findUnique({ where: { id: membershipId }, select: organizationSideSelect });
  if (!m) return null;
  const at = (d: Date | null, p: string | null) =>
    d && p ? d.toISOString().slice(0, p === "YEAR" ? 4 : p === "MONTH" ? 7 : 10) : null;
  return {
    organizationConfirmedAt: m.organizationConfirmedAt?.toISOString() ?? null,
    role: m.organizationRole,
    status: m.organizationStatus,
    joined: at(m.organizationJoinedOn, m.organizationJoinedPrecision),
    ended: at(m.organizationEndedOn, m.organizationEndedPrecision),
    sourceUrl: m.organizationSource?.url ?? null,
    sourceTitle: m.organizationSource?.title ?? null,
    sourceQuote: m.organizationQuote,
    sourceSeenOn: m.organizationSource?.seenOn.toISOString().slice(0, 10) ?? null,
  };
}

/**
 * A new membership the organization states (MEMBERSHIP_CREATE): its only statement, so its facts are the row's
 * facts too, resting on the organization's source; confirmedAt stays null (the university has not said so).
 */
async function createStatedMembership(ctx: Context, values: MembershipSnapshot, side: OrganizationSide) {
  const { tx, request: r } = ctx;
  const organizationId = r.organizationId!;
  const exists = await tx.membership.findUnique({
    where: { institutionId_organizationId: { institutionId: r.institutionId, organizationId } },
    select: { id: true },
  });
  if (exists)
    throw new DuplicateRecordError(
      "The institution is already listed in this organization: the request is out of date.",
    );
  const stored = (d: MembershipSnapshot["joined"]) => (d ? toStoredDate(d) : null);
  const membership = await tx.membership.create({
    data: {
      institutionId: r.institutionId,
      organizationId,
      role: values.role,
      status: values.status,
      notes: values.notes,
      quote: values.sourceQuote,
      sourceId: side.organizationSourceId,
      confirmedAt: null,
      joinedOn: stored(values.joined)?.date ?? null,
      joinedPrecision: stored(values.joined)?.precision ?? null,
      endedOn: stored(values.ended)?.date ?? null,
      endedPrecision: stored(values.ended)?.precision ?? null,
      ...side,
    },
    select: membershipSnapshotSelect,
  });
  await tx.changeRequest.update({ where: { id: r.id }, data: { membershipId: membership.id } });
  await recordAudit(tx, {
    event: "membership.create",
    entityId: membership.id,
    actorId: ctx.actorId,
    proposerId: r.proposedById,
    changeRequestId: r.id,
    before: null,
    after: snapshotOf(membership),
  });
  return membership.id;
}

/**
 * The organization's side of an existing membership (MEMBERSHIP_UPDATE, MEMBERSHIP_END): guarded by the version the
 * proposal saw, like the university's side; the version is not bumped, as the university's statement (what its own
 * pending requests rest on) is untouched.
 */
async function stateExistingMembership(ctx: Context, side: OrganizationSide) {
  const { tx, request: r } = ctx;
  const membershipId = r.membershipId!;
  const before = await organizationSideOf(tx, membershipId);
  const updated = await tx.membership.updateMany({ where: { id: membershipId, version: r.baseVersion! }, data: side });
  if (updated.count === 0)
    throw new StaleVersionError(
      "The membership changed after this request was made: it cannot be applied as it is. " +
        "Ask for a new request based on the current values.",
    );
  await recordAudit(tx, {
    event: "membership.corroborate",
    entityId: membershipId,
    actorId: ctx.actorId,
    proposerId: r.proposedById,
    changeRequestId: r.id,
    before,
    after: await organizationSideOf(tx, membershipId),
  });
  return membershipId;
}

/** Apply an approved organization-side statement of one member. Audited; the caller's transaction. */
export async function applyOrganizationStatement(
  ctx: Context,
  values: MembershipSnapshot,
): Promise<Applied & { membershipId: string }> {
  const { tx, request: r } = ctx;
  const organizationId = r.organizationId!;
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { names: { select: { locale: true, name: true, kind: true, validUntil: true } } },
  });
  // The organization publishes what its secretariat cites: the source is the organization's, not the member's.
  const source = await createCitedSource(
    tx,
    `change-${r.id}`,
    pickName(organization.names, "en").name,
    values,
    seenOnDate(values.sourceSeenOn ?? null, r.createdAt),
    { organizationId },
  );
  const side = organizationSideData(
    values,
    source.id,
    r.proposedById,
    await statedByMember(tx, r.proposedById, r.institutionId),
  );
  const membershipId =
    r.kind === "MEMBERSHIP_CREATE"
      ? await createStatedMembership(ctx, values, side)
      : await stateExistingMembership(ctx, side);
  await refreshOrganizationDerived(tx, [organizationId]);
  return { organizationId, membershipId };
}
