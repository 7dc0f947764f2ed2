import "server-only";
import { ownInstitution } from "./sides";
// A proposed new organization that the registry already has (a duplicate): an admin records it as the proposing
// institution's membership of the existing organization instead. No organization is created.
import { db, type Tx } from "../db";
import type { Actor } from "../../shared/actor";
import { requireAdmin } from "../guards";
import type { MergeOutcome } from "../../generated/prisma/enums";
import { AlreadyDecidedError, NotFoundError, StaleVersionError, ValidationError } from "../../shared/errors";
import type { PartialDate } from "../../shared/dates";
import type { MembershipSnapshot } from "../../shared/types/change-requests";
import { pickName } from "../../shared/names";
import type { OrganizationProposal } from "../../validation/organizations";
import { recordAudit } from "../audit";
import { deliverQueuedMail, queueMail } from "../outbox";
import { notifyUser } from "../accounts/notifications";
import { refreshOrganizationDerived } from "../organizations/derived";
import { seenOnDate } from "../../shared/fact-sources";
import { createCitedSource, membershipData, tagsTouchedBy } from "./apply";
import { membershipSnapshotSelect, snapshotOf } from "./diff";
import { mergeNotice } from "./merge-notice";

const NOT_A_PROPOSAL = "Only a proposed new organization can be recorded as a membership of an existing one.";

/** The pending ORGANIZATION_CREATE request, claimed as approved by `adminId` in this transaction. */
async function claimProposal(tx: Tx, changeRequestId: string, adminId: string, comment: string | null) {
  const r = await tx.changeRequest.findUnique({
    where: { id: changeRequestId },
    select: {
      id: true,
      kind: true,
      status: true,
      institutionId: true,
      proposedById: true,
      proposed: true,
      createdAt: true,
    },
  });
  if (!r) throw new NotFoundError("No such request.");
  if (r.kind !== "ORGANIZATION_CREATE") throw new ValidationError(NOT_A_PROPOSAL);
  const claimed = await tx.changeRequest.updateMany({
    where: { id: changeRequestId, status: "PENDING" },
    data: { status: "APPROVED", decidedById: adminId, decidedAt: new Date(), decisionComment: comment, conflict: null },
  });
  if (claimed.count === 0) throw new AlreadyDecidedError("This request is not pending any more.");
  return { ...r, institutionId: ownInstitution(r.institutionId, r.id), proposed: r.proposed as OrganizationProposal };
}

const sameDate = (a: PartialDate | null, b: PartialDate | null) => a?.iso === b?.iso && a?.precision === b?.precision;

/** What the proposal states otherwise than the existing membership: its role, and its joined date if given. */
function differingFacts(before: MembershipSnapshot, p: OrganizationProposal) {
  return {
    ...(p.role !== before.role ? { role: p.role } : {}),
    ...(p.joined && !sameDate(p.joined, before.joined) ? { joined: p.joined } : {}),
  };
}

type Merged = { outcome: MergeOutcome; membershipId: string };

/**
 * The proposal's membership values applied to the institution's membership of `organizationId`: a new one, or
 * the existing one's differing facts (version-guarded, with the proposal's source), or nothing when none differ.
 */
async function applyToMembership(
  tx: Tx,
  r: Awaited<ReturnType<typeof claimProposal>>,
  organizationId: string,
  audit: { actorId: string; publisher: string },
): Promise<Merged> {
  const p = r.proposed;
  const existing = await tx.membership.findUnique({
    where: { institutionId_organizationId: { institutionId: r.institutionId, organizationId } },
    select: membershipSnapshotSelect,
  });
  const trail = { actorId: audit.actorId, proposerId: r.proposedById, changeRequestId: r.id };
  // A proposed organization's source was read when it was proposed (never the day of the merge), as an
  // approval of the same proposal would store it.
  const seenOn = seenOnDate(null, r.createdAt);
  if (existing) {
    const before = snapshotOf(existing);
    const changed = differingFacts(before, p);
    if (!Object.keys(changed).length) return { outcome: "NOTHING_TO_CHANGE", membershipId: existing.id };
    const source = await createCitedSource(tx, `change-${r.id}`, audit.publisher, p, seenOn, {
      institutionId: r.institutionId,
    });
    const data = membershipData(
      { role: p.role, joined: changed.joined ?? before.joined, sourceQuote: p.sourceQuote },
      source.id,
      r.proposedById,
    );
    // Only the facts the proposal states: the existing entry's status, end and notes stay as they are.
    const { status: _s, notes: _n, endedOn: _e, endedPrecision: _ep, ...facts } = data;
    const updated = await tx.membership.updateMany({
      where: { id: existing.id, version: existing.version },
      data: { ...facts, version: { increment: 1 } },
    });
    if (updated.count === 0)
      throw new StaleVersionError("The membership changed while this was recorded: reload the request and try again.");
    // Whole snapshots, as an approved update records them (the history shows them as a diff).
    const { sourceUrl, sourceTitle, sourceQuote } = p;
    const after: MembershipSnapshot = { ...before, ...changed, sourceUrl, sourceTitle, sourceQuote };
    await recordAudit(tx, { event: "membership.update", entityId: existing.id, ...trail, before, after });
    return { outcome: "MEMBERSHIP_UPDATED", membershipId: existing.id };
  }
  const source = await createCitedSource(tx, `change-${r.id}`, audit.publisher, p, seenOn, {
    institutionId: r.institutionId,
  });
  const created = await tx.membership.create({
    data: { ...membershipData(p, source.id, r.proposedById), institutionId: r.institutionId, organizationId },
    select: { id: true },
  });
  await recordAudit(tx, { event: "membership.create", entityId: created.id, ...trail, before: null, after: p });
  return { outcome: "MEMBERSHIP_CREATED", membershipId: created.id };
}

/**
 * Admins: record a pending proposed organization as the proposing institution's membership of an existing
 * organization (by slug) instead, in one transaction: the membership created, updated or left as it is (the
 * request says which), the request approved pointing at the existing records, audited, the proposer told in
 * their language. Returns what happened and the cache tags to expire.
 */
export async function mergeOrganizationProposal(
  actor: Actor | null,
  input: { changeRequestId: string; organizationSlug: string; comment: string | null },
) {
  const admin = requireAdmin(actor, "Only admins review changes.");
  const decided = await db().$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({
      where: { slug: input.organizationSlug },
      select: { id: true, slug: true, names: { select: { locale: true, name: true, kind: true, validUntil: true } } },
    });
    const r = await claimProposal(tx, input.changeRequestId, admin.id, input.comment);
    if (!organization)
      throw new ValidationError("Choose an organization from the list.", {
        organizationSlug: ["Unknown organization."],
      });
    const institution = await tx.institution.findUniqueOrThrow({
      where: { id: r.institutionId },
      select: { names: { select: { locale: true, name: true, kind: true } } },
    });
    const merged = await applyToMembership(tx, r, organization.id, {
      actorId: admin.id,
      publisher: pickName(institution.names, "en").name,
    });
    await tx.changeRequest.update({
      where: { id: r.id },
      data: { organizationId: organization.id, membershipId: merged.membershipId, mergeOutcome: merged.outcome },
    });
    await recordAudit(tx, {
      event: "change.merge",
      entityId: r.id,
      actorId: admin.id,
      proposerId: r.proposedById,
      changeRequestId: r.id,
      after: { organization: organization.slug, membershipId: merged.membershipId, outcome: merged.outcome },
    });
    if (merged.outcome !== "NOTHING_TO_CHANGE") await refreshOrganizationDerived(tx, [organization.id]);
    const notice = await mergeNotice(tx, r.id, input.comment);
    await notifyUser(tx, { userId: notice.userId, changeRequestId: r.id, message: notice.message });
    const mailId = notice.email
      ? await queueMail(tx, { to: notice.email, subject: notice.subject, text: notice.text })
      : null;
    const tags = await tagsTouchedBy(tx, r.institutionId, organization.id);
    return { ...merged, tags, mailId, organization: pickName(organization.names, "en").name };
  });
  // Committed: the mail's outcome is kept on its outbox row, never thrown (as for an approval).
  if (decided.mailId) await deliverQueuedMail(decided.mailId);
  return {
    outcome: decided.outcome,
    membershipId: decided.membershipId,
    tags: decided.tags,
    organization: decided.organization,
  };
}
