import "server-only";
import { ownInstitution } from "./sides";
import { db, type Tx } from "../db";
import type { Actor } from "../../shared/actor";
import { requireAdmin, requireSecretariat, requireStaff } from "../guards";
import { AlreadyDecidedError, DuplicateRecordError, NotFoundError, StaleVersionError } from "../../shared/errors";
import { pickName } from "../../shared/names";
import type { InstitutionProfileValues } from "../../validation/institutions";
import type { OrganizationProposal } from "../../validation/organizations";
import { recordAudit } from "../audit";
import { deliverQueuedMail, queueMail } from "../outbox";
import { notifyUser } from "../accounts/notifications";
import { applyInstitutionProfile } from "./apply-profile";
import { seenOnDate } from "../../shared/fact-sources";
import { applyMembership, applyOrganizationCreate, tagsTouchedBy, type Applied } from "./apply";
import type { MembershipSnapshot } from "../../shared/types/change-requests";
import { decisionNotice, type DecisionNotice } from "./decision-notice";
import { applyInstitutionCreate } from "../organization-side/institution-create";
import { applyOrganizationProfileRequest } from "../organization-side/profile-apply";
import { applyOrganizationStatement } from "../organization-side/apply-statement";
import { sidesNow, tellSidesIfChanged } from "../organization-side/sides-notices";

const MEMBERSHIP_KINDS = new Set(["MEMBERSHIP_CREATE", "MEMBERSHIP_UPDATE", "MEMBERSHIP_END"]);

/**
 * Apply a membership request of either side; when it makes the two sides disagree, or agree again, both are told
 * (organization-side/sides-notices.ts). Returns what was applied and the mails to deliver after the commit.
 */
async function applyMembershipOfEitherSide(
  ctx: Parameters<typeof applyMembership>[0],
  side: "INSTITUTION" | "ORGANIZATION",
  values: MembershipSnapshot,
) {
  const before = await sidesNow(ctx.tx, ctx.request.membershipId);
  const applied =
    side === "ORGANIZATION" ? await applyOrganizationStatement(ctx, values) : await applyMembership(ctx, values);
  const membershipId = (
    await ctx.tx.changeRequest.findUniqueOrThrow({ where: { id: ctx.request.id }, select: { membershipId: true } })
  ).membershipId;
  return { ...applied, sideMailIds: await tellSidesIfChanged(ctx.tx, membershipId, before) };
}

/**
 * Tell the proposer in the app and by mail, in their language (decision-notice.ts). Both are written in the
 * decision's transaction, so a mail that cannot be queued undoes the decision; the mail is delivered after the
 * commit (its id is returned for that).
 */
async function tellProposer(tx: Tx, notice: DecisionNotice): Promise<string | null> {
  await notifyUser(tx, { userId: notice.userId, changeRequestId: notice.changeRequestId, message: notice.message });
  return notice.email ? queueMail(tx, { to: notice.email, subject: notice.subject, text: notice.text }) : null;
}

/** Staff: take back a pending request of their institution. */
export async function withdrawChangeRequest(actor: Actor | null, changeRequestId: string) {
  // Each side withdraws its own statements only: a secretariat its organization's, staff their institution's.
  if (actor?.organizationId) {
    const secretariat = requireSecretariat(actor);
    const { count } = await db().changeRequest.updateMany({
      where: {
        id: changeRequestId,
        organizationId: secretariat.organizationId,
        side: "ORGANIZATION",
        status: "PENDING",
      },
      data: { status: "WITHDRAWN", decidedAt: new Date() },
    });
    if (count === 0) throw new NotFoundError("No pending request of your organization with that id.");
    return;
  }
  const staff = requireStaff(actor);
  const { count } = await db().changeRequest.updateMany({
    where: { id: changeRequestId, institutionId: staff.institutionId, side: "INSTITUTION", status: "PENDING" },
    data: { status: "WITHDRAWN", decidedAt: new Date() },
  });
  if (count === 0) throw new NotFoundError("No pending request of your institution with that id.");
}

/** Mark a pending request approved by `adminId`; one that is not pending any more is a conflict. */
async function claimForApproval(tx: Tx, changeRequestId: string, adminId: string, comment: string | null) {
  const claimed = await tx.changeRequest.updateMany({
    where: { id: changeRequestId, status: "PENDING" },
    data: { status: "APPROVED", decidedById: adminId, decidedAt: new Date(), decisionComment: comment, conflict: null },
  });
  if (claimed.count > 0) return;
  const exists = await tx.changeRequest.findUnique({ where: { id: changeRequestId }, select: { status: true } });
  if (!exists) throw new NotFoundError("No such request.");
  throw new AlreadyDecidedError(`This request was already ${exists.status.toLowerCase()}.`);
}

/** Apply a claimed request's proposed values, by its kind; the appliers write the audit rows. */
async function applyRequest(tx: Tx, changeRequestId: string, adminId: string) {
  const r = await tx.changeRequest.findUniqueOrThrow({
    where: { id: changeRequestId },
    select: {
      id: true,
      kind: true,
      side: true,
      institutionId: true,
      organizationId: true,
      membershipId: true,
      baseVersion: true,
      proposed: true,
      before: true,
      proposedById: true,
      createdAt: true,
      institution: { select: { names: { select: { locale: true, name: true, kind: true } } } },
    },
  });
  // A new institution an organization's member list named has no institution yet: its own file makes both.
  if (r.kind === "INSTITUTION_CREATE") return applyInstitutionCreate(tx, r, adminId);
  // The organization's side of its own profile names no institution (organization-side/profile-apply.ts).
  if (r.kind === "ORGANIZATION_UPDATE")
    return {
      ...(await applyOrganizationProfileRequest(tx, r, adminId)),
      institutionId: null,
      proposerId: r.proposedById,
    };
  const request = { ...r, institutionId: ownInstitution(r.institutionId, r.id) };
  const institution = ownInstitution(r.institution, r.id);
  const ctx = { tx, request, publisher: pickName(institution.names, "en").name, actorId: adminId };
  let applied: Applied & { sideMailIds?: string[] };
  if (r.kind === "INSTITUTION_UPDATE") {
    const {
      sourceUrl = null,
      sourceTitle = null,
      sourceQuote = null,
      sourceSeenOn = null,
      ...values
    } = r.proposed as InstitutionProfileValues &
      Partial<Record<`source${"Url" | "Title" | "Quote" | "SeenOn"}`, string | null>>;
    const cited = {
      key: `change-${r.id}`,
      publisher: ctx.publisher,
      sourceUrl,
      sourceTitle,
      sourceQuote,
      seenOn: seenOnDate(sourceSeenOn, r.createdAt),
      institutionId: request.institutionId,
    };
    await applyInstitutionProfile(tx, request.institutionId, r.baseVersion!, values, cited, {
      actorId: adminId,
      proposerId: r.proposedById,
      changeRequestId: r.id,
      before: r.before,
    });
    applied = { organizationId: null };
  } else if (r.kind === "ORGANIZATION_CREATE") {
    applied = await applyOrganizationCreate(ctx, r.proposed as OrganizationProposal);
  } else if (MEMBERSHIP_KINDS.has(r.kind)) {
    applied = await applyMembershipOfEitherSide(ctx, r.side, r.proposed as MembershipSnapshot);
  } else {
    applied = await applyMembership(ctx, r.proposed as MembershipSnapshot);
  }
  return { ...applied, institutionId: request.institutionId, proposerId: r.proposedById };
}

/** A request that no longer fits the record (changed since, or already there): the queue shows why. */
const isOutOfDate = (error: unknown): error is StaleVersionError | DuplicateRecordError =>
  error instanceof StaleVersionError || error instanceof DuplicateRecordError;

/**
 * Admins: apply a pending request and write its audit row in one transaction, guarded by the version the
 * request was based on. Returns the cache tags to expire. A record changed since gives a ConflictError and
 * the request records the conflict; a request decided meanwhile (another admin) gives a ConflictError too.
 */
export async function approveChangeRequest(actor: Actor | null, changeRequestId: string, comment: string | null) {
  const admin = requireAdmin(actor, "Only admins review changes.");
  let decided: { tags: string[]; proposerId: string; mailId: string | null; sideMailIds: string[] };
  try {
    decided = await db().$transaction(async (tx) => {
      await claimForApproval(tx, changeRequestId, admin.id, comment);
      const applied = await applyRequest(tx, changeRequestId, admin.id);
      const mailId = await tellProposer(tx, await decisionNotice(tx, changeRequestId, { approved: true, comment }));
      const tags = await tagsTouchedBy(tx, applied.institutionId, applied.organizationId);
      const sideMailIds = "sideMailIds" in applied ? (applied.sideMailIds ?? []) : [];
      return { tags, proposerId: applied.proposerId, mailId, sideMailIds };
    });
  } catch (error) {
    if (isOutOfDate(error)) {
      await db().changeRequest.updateMany({
        where: { id: changeRequestId, status: "PENDING" },
        data: { conflict: error.message },
      });
    }
    throw error;
  }
  // Committed: nothing below may turn into an error, or the admin would be told nothing changed.
  if (decided.mailId) await deliverQueuedMail(decided.mailId);
  for (const id of decided.sideMailIds) await deliverQueuedMail(id);
  return { tags: decided.tags, proposerId: decided.proposerId };
}

/** Admins: reject a pending request with a reason. Nothing public changes. */
export async function rejectChangeRequest(actor: Actor | null, changeRequestId: string, reason: string) {
  const admin = requireAdmin(actor, "Only admins review changes.");
  const decided = await db().$transaction(async (tx) => {
    const { count } = await tx.changeRequest.updateMany({
      where: { id: changeRequestId, status: "PENDING" },
      data: { status: "REJECTED", decidedById: admin.id, decidedAt: new Date(), decisionComment: reason },
    });
    if (count === 0) throw new AlreadyDecidedError("This request is not pending any more.");
    const r = await tx.changeRequest.findUniqueOrThrow({
      where: { id: changeRequestId },
      select: { proposedById: true },
    });
    await recordAudit(tx, {
      event: "change.reject",
      entityId: changeRequestId,
      actorId: admin.id,
      proposerId: r.proposedById,
      changeRequestId,
      after: { reason },
    });
    const mailId = await tellProposer(tx, await decisionNotice(tx, changeRequestId, { approved: false, reason }));
    return { proposerId: r.proposedById, mailId };
  });
  // Committed: as for an approval, the mail's outcome is kept on its outbox row, never thrown.
  if (decided.mailId) await deliverQueuedMail(decided.mailId);
  return { proposerId: decided.proposerId };
}
