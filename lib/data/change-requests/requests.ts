import "server-only";
import { db } from "../db";
import { tags } from "../../cache/read-cache";
import type { Actor } from "../../shared/actor";
import { requireAdmin, requireStaff } from "../guards";
import { Prisma } from "../../generated/prisma/client";
import type { ChangeKind, ChangeStatus, MembershipRole, MembershipStatus } from "../../generated/prisma/enums";
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "../../shared/errors";
import { fromStoredDate, toStoredDate, type PartialDate } from "../../shared/dates";
import { pickName } from "../../shared/names";
import type { MembershipValues } from "../../validation/memberships";
import { deliverQueuedMail, queueMail } from "../../mail/transport";
import { applyInstitutionProfile, applyMembership, applyOrganizationCreate, type Applied, type Tx } from "./apply";
import type { InstitutionProfileValues } from "../../validation/institutions";
import type { OrganizationProposal } from "../../validation/organizations";

/**
 * Tell the proposer by mail too (the in-app notification is written with the decision). Queued in the
 * decision's transaction, so a mail that cannot be queued undoes the decision; delivered after the commit.
 */
async function queueProposerMail(tx: Tx, userId: string, subject: string, text: string): Promise<string | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, disabledAt: true } });
  return user && !user.disabledAt ? queueMail(tx, { to: user.email, subject, text }) : null;
}

/** A membership's editable values as stored in a change request (JSON-safe). */
export type MembershipSnapshot = {
  role: MembershipRole;
  status: MembershipStatus;
  joined: PartialDate | null;
  ended: PartialDate | null;
  notes: string | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
  sourceQuote: string | null;
};

export const DIFF_FIELDS = [
  "role",
  "status",
  "joined",
  "ended",
  "notes",
  "sourceUrl",
  "sourceTitle",
  "sourceQuote",
] as const;
export type FieldDiff = { field: string; before: unknown; after: unknown; changed: boolean };

/** Field by field over any two value objects (an institution's profile, a proposed organization). */
export function diffValues(before: Record<string, unknown> | null, after: Record<string, unknown>): FieldDiff[] {
  return Object.keys(after).map((field) => {
    const b = before ? (before[field] ?? null) : null;
    const a = after[field] ?? null;
    return { field, before: b, after: a, changed: JSON.stringify(b) !== JSON.stringify(a) };
  });
}

const membershipSnapshotSelect = {
  id: true,
  version: true,
  institutionId: true,
  organizationId: true,
  role: true,
  status: true,
  notes: true,
  quote: true,
  joinedOn: true,
  joinedPrecision: true,
  endedOn: true,
  endedPrecision: true,
  source: { select: { url: true, title: true } },
} satisfies Prisma.MembershipSelect;

function snapshotOf(m: Prisma.MembershipGetPayload<{ select: typeof membershipSnapshotSelect }>): MembershipSnapshot {
  return {
    role: m.role,
    status: m.status,
    notes: m.notes,
    joined: fromStoredDate(m.joinedOn, m.joinedPrecision),
    ended: fromStoredDate(m.endedOn, m.endedPrecision),
    sourceUrl: m.source.url,
    sourceTitle: m.source.title,
    sourceQuote: m.quote,
  };
}

function snapshotFromValues(v: MembershipValues): MembershipSnapshot {
  return {
    role: v.role,
    status: v.status,
    joined: v.joined,
    ended: v.ended,
    notes: v.notes,
    sourceUrl: v.sourceUrl,
    sourceTitle: v.sourceTitle,
    sourceQuote: v.sourceQuote,
  };
}

/** Field by field, what a change request would change. */
export function diffSnapshots(before: MembershipSnapshot | null, after: MembershipSnapshot): FieldDiff[] {
  return DIFF_FIELDS.map((field) => {
    const b = before ? before[field] : null;
    const a = after[field];
    return { field, before: b, after: a, changed: JSON.stringify(b) !== JSON.stringify(a) };
  });
}

async function assertNoPending(client: Tx, where: Prisma.ChangeRequestWhereInput) {
  const pending = await client.changeRequest.findFirst({
    where: { ...where, status: "PENDING" },
    select: { id: true },
  });
  if (pending)
    throw new ConflictError(
      "A change to this entry is already waiting for review: withdraw it or wait for the decision.",
    );
}

/**
 * Staff: propose new values for one of their own institution's memberships. `client` is a transaction's when
 * the request is one of several sent together (an import).
 */
export async function proposeMembershipUpdate(
  actor: Actor | null,
  input: { membershipId: string; baseVersion: number; reason: string | null; values: MembershipValues },
  client: Tx = db(),
) {
  const staff = requireStaff(actor);
  // Scoped by the actor's institution: another university's membership is simply not found.
  const membership = await client.membership.findFirst({
    where: { id: input.membershipId, institutionId: staff.institutionId },
    select: membershipSnapshotSelect,
  });
  if (!membership) throw new NotFoundError("No such membership of your institution.");
  if (membership.version !== input.baseVersion)
    throw new ConflictError(
      "This entry changed since you opened it. Reload the page to see the current values, then propose again.",
    );
  const before = snapshotOf(membership);
  const after = snapshotFromValues(input.values);
  if (!diffSnapshots(before, after).some((d) => d.changed))
    throw new ValidationError("Nothing changed: edit at least one field.");
  await assertNoPending(client, { membershipId: membership.id });
  const kind: ChangeKind =
    after.status === "WITHDRAWN" && before.status !== "WITHDRAWN" ? "MEMBERSHIP_END" : "MEMBERSHIP_UPDATE";
  return client.changeRequest.create({
    data: {
      kind,
      institutionId: staff.institutionId,
      organizationId: membership.organizationId,
      membershipId: membership.id,
      baseVersion: membership.version,
      before,
      proposed: after,
      reason: input.reason,
      proposedById: staff.id,
    },
    select: { id: true, kind: true, status: true },
  });
}

/** Staff: propose that their institution is a member of an organization it is not listed in yet (`client`: as above).
 * */
export async function proposeMembershipCreate(
  actor: Actor | null,
  input: { organizationSlug: string; reason: string | null; values: MembershipValues },
  client: Tx = db(),
) {
  const staff = requireStaff(actor);
  const organization = await client.organization.findUnique({
    where: { slug: input.organizationSlug },
    select: { id: true },
  });
  if (!organization)
    throw new ValidationError("Choose an organization from the list.", { organizationSlug: ["Unknown organization."] });
  const existing = await client.membership.findUnique({
    where: { institutionId_organizationId: { institutionId: staff.institutionId, organizationId: organization.id } },
    select: { id: true },
  });
  if (existing)
    throw new ConflictError("Your institution is already listed in this organization: edit that entry instead.");
  await assertNoPending(client, {
    institutionId: staff.institutionId,
    organizationId: organization.id,
    kind: "MEMBERSHIP_CREATE",
  });
  return client.changeRequest.create({
    data: {
      kind: "MEMBERSHIP_CREATE",
      institutionId: staff.institutionId,
      organizationId: organization.id,
      proposed: snapshotFromValues(input.values),
      reason: input.reason,
      proposedById: staff.id,
    },
    select: { id: true, kind: true, status: true },
  });
}

const institutionProfileSelect = {
  version: true,
  city: true,
  website: true,
  rorId: true,
  wikidataId: true,
  names: { where: { kind: "OFFICIAL" }, select: { locale: true, name: true } },
} satisfies Prisma.InstitutionSelect;

function profileOf(
  i: Prisma.InstitutionGetPayload<{ select: typeof institutionProfileSelect }>,
): InstitutionProfileValues {
  return {
    nameEn: i.names.find((n) => n.locale === "en")?.name ?? "",
    nameZh: i.names.find((n) => n.locale === "zh")?.name ?? null,
    city: i.city,
    website: i.website,
    rorId: i.rorId,
    wikidataId: i.wikidataId,
  };
}

/** The current profile of an institution, for its edit form. Staff: their own; admins: any. */
export async function getInstitutionProfile(actor: Actor | null, slug: string | null) {
  if (!actor) throw new UnauthorizedError();
  const where = actor.role === "ADMIN" && slug ? { slug } : actor.institutionId ? { id: actor.institutionId } : null;
  if (!where) throw new ForbiddenError();
  const i = await db().institution.findUnique({
    where,
    select: {
      slug: true,
      ...institutionProfileSelect,
      changeRequests: { where: { status: "PENDING", kind: "INSTITUTION_UPDATE" }, select: { id: true } },
    },
  });
  if (!i) throw new NotFoundError("No such institution.");
  return { slug: i.slug, version: i.version, values: profileOf(i), pendingId: i.changeRequests[0]?.id ?? null };
}

/** Staff: propose changes to their own institution's profile. */
export async function proposeInstitutionUpdate(
  actor: Actor | null,
  input: { baseVersion: number; reason: string | null; values: InstitutionProfileValues },
) {
  const staff = requireStaff(actor);
  const current = await db().institution.findUniqueOrThrow({
    where: { id: staff.institutionId },
    select: institutionProfileSelect,
  });
  if (current.version !== input.baseVersion)
    throw new ConflictError(
      "Your institution's profile changed since you opened it. Reload the page, then propose again.",
    );
  const before = profileOf(current);
  if (!diffValues(before, input.values).some((d) => d.changed))
    throw new ValidationError("Nothing changed: edit at least one field.");
  await assertNoPending(db(), { institutionId: staff.institutionId, kind: "INSTITUTION_UPDATE" });
  return db().changeRequest.create({
    data: {
      kind: "INSTITUTION_UPDATE",
      institutionId: staff.institutionId,
      baseVersion: current.version,
      before,
      proposed: input.values,
      reason: input.reason,
      proposedById: staff.id,
    },
    select: { id: true, kind: true, status: true },
  });
}

/** Staff: propose an organization the registry does not have yet, with their institution as a member. */
export async function proposeOrganizationCreate(
  actor: Actor | null,
  input: { reason: string | null; values: OrganizationProposal },
) {
  const staff = requireStaff(actor);
  const clash = await db().organizationName.findFirst({
    where: { name: { equals: input.values.nameEn, mode: "insensitive" } },
    select: { organization: { select: { slug: true } } },
  });
  if (clash)
    throw new ValidationError("This organization is already in the registry: add a membership to it instead.", {
      "values.nameEn": [`Already listed as /organizations/${clash.organization.slug}.`],
    });
  return db().changeRequest.create({
    data: {
      kind: "ORGANIZATION_CREATE",
      institutionId: staff.institutionId,
      proposed: input.values,
      reason: input.reason,
      proposedById: staff.id,
    },
    select: { id: true, kind: true, status: true },
  });
}

/** Admins: set an institution's profile directly (audited, version-guarded). Returns the tags to expire. */
export async function adminUpdateInstitution(
  actor: Actor | null,
  input: { institutionSlug: string; baseVersion: number; values: InstitutionProfileValues },
) {
  const admin = requireAdmin(actor, "Only admins review changes.");
  const current = await db().institution.findUnique({
    where: { slug: input.institutionSlug },
    select: { id: true, ...institutionProfileSelect },
  });
  if (!current) throw new NotFoundError("No such institution.");
  return db().$transaction(async (tx) => {
    await applyInstitutionProfile(tx, current.id, input.baseVersion, input.values, {
      actorId: admin.id,
      before: profileOf(current),
    });
    return touchedTags(tx, current.id, null);
  });
}

/** Staff: take back a pending request of their institution. */
export async function withdrawChangeRequest(actor: Actor | null, changeRequestId: string) {
  const staff = requireStaff(actor);
  const { count } = await db().changeRequest.updateMany({
    where: { id: changeRequestId, institutionId: staff.institutionId, status: "PENDING" },
    data: { status: "WITHDRAWN", decidedAt: new Date() },
  });
  if (count === 0) throw new NotFoundError("No pending request of your institution with that id.");
}

/** Comment on a request: admins on any, staff on their institution's. */
export async function commentOnChangeRequest(actor: Actor | null, changeRequestId: string, body: string) {
  if (!actor) throw new UnauthorizedError();
  const request = await db().changeRequest.findFirst({
    where: { id: changeRequestId, ...scopeFor(actor) },
    select: { id: true, proposedById: true },
  });
  if (!request) throw new NotFoundError("No such request.");
  await db().changeComment.create({ data: { changeRequestId, authorId: actor.id, body } });
  return request;
}

function scopeFor(actor: Actor): Prisma.ChangeRequestWhereInput {
  if (actor.role === "ADMIN") return {};
  if (!actor.institutionId) return { id: "__none__" };
  return { institutionId: actor.institutionId };
}

export type ReviewFilters = {
  institution?: string;
  organization?: string;
  kind?: ChangeKind;
  status?: ChangeStatus;
  olderThanDays?: number;
};

const listSelect = {
  id: true,
  kind: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  conflict: true,
  institution: { select: { slug: true, names: { select: { locale: true, name: true, kind: true } } } },
  organization: {
    select: { slug: true, names: { select: { locale: true, name: true, kind: true, validUntil: true } } },
  },
  proposedBy: { select: { name: true } },
  proposed: true,
} satisfies Prisma.ChangeRequestSelect;

function listRow(r: Prisma.ChangeRequestGetPayload<{ select: typeof listSelect }>, locale: string) {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    conflict: r.conflict,
    institution: { slug: r.institution.slug, name: pickName(r.institution.names, locale).name },
    // What the request is about: its organization, the proposed new organization, or the institution itself.
    organization: r.organization
      ? { slug: r.organization.slug as string | null, name: pickName(r.organization.names, locale).name }
      : { slug: null, name: (r.proposed as { nameEn?: string }).nameEn ?? pickName(r.institution.names, locale).name },
    proposedBy: r.proposedBy.name,
  };
}

/** Admins: the review queue, oldest first, with filters. */
export async function listReviewQueue(actor: Actor | null, filters: ReviewFilters, locale: string) {
  requireAdmin(actor, "Only admins review changes.");
  const rows = await db().changeRequest.findMany({
    where: {
      status: filters.status ?? "PENDING",
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...(filters.institution ? { institution: { slug: filters.institution } } : {}),
      ...(filters.organization ? { organization: { slug: filters.organization } } : {}),
      ...(filters.olderThanDays
        ? { createdAt: { lt: new Date(Date.now() - filters.olderThanDays * 86_400_000) } }
        : {}),
    },
    select: listSelect,
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  return rows.map((r) => listRow(r, locale));
}

export async function countPendingReviews(actor: Actor | null) {
  if (actor?.role !== "ADMIN") return 0;
  return db().changeRequest.count({ where: { status: "PENDING" } });
}

/** Staff: their institution's requests, newest first. */
export async function listMyInstitutionRequests(actor: Actor | null, locale: string) {
  const staff = requireStaff(actor);
  const rows = await db().changeRequest.findMany({
    where: { institutionId: staff.institutionId },
    select: { ...listSelect, decisionComment: true, membershipId: true },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map((r) => ({ ...listRow(r, locale), decisionComment: r.decisionComment, membershipId: r.membershipId }));
}

/** One request with its field-level diff and comments: admins see any, staff their institution's. */
export async function getChangeRequest(actor: Actor | null, changeRequestId: string, locale: string) {
  if (!actor) throw new UnauthorizedError();
  const r = await db().changeRequest.findFirst({
    where: { id: changeRequestId, ...scopeFor(actor) },
    select: {
      ...listSelect,
      proposed: true,
      before: true,
      reason: true,
      baseVersion: true,
      decisionComment: true,
      membershipId: true,
      decidedBy: { select: { name: true } },
      comments: {
        select: { id: true, body: true, createdAt: true, author: { select: { name: true, role: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!r) throw new NotFoundError("No such request.");
  const isMembership = r.kind.startsWith("MEMBERSHIP");
  return {
    ...listRow(r, locale),
    reason: r.reason,
    baseVersion: r.baseVersion,
    decisionComment: r.decisionComment,
    decidedBy: r.decidedBy?.name ?? null,
    diff: isMembership
      ? diffSnapshots((r.before as MembershipSnapshot | null) ?? null, r.proposed as MembershipSnapshot)
      : diffValues((r.before as Record<string, unknown> | null) ?? null, r.proposed as Record<string, unknown>),
    comments: r.comments.map((c) => ({
      id: c.id,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
      author: c.author.name,
      authorRole: c.author.role,
    })),
  };
}

/** Tags of the public pages a change touches, read in its transaction (nothing is left to read after the commit). */
async function touchedTags(tx: Tx, institutionId: string, organizationId: string | null) {
  const [i, o] = await Promise.all([
    tx.institution.findUnique({ where: { id: institutionId }, select: { slug: true } }),
    organizationId ? tx.organization.findUnique({ where: { id: organizationId }, select: { slug: true } }) : null,
  ]);
  return [
    tags.registry,
    tags.organizations,
    tags.institutions,
    tags.pages,
    ...(i ? [tags.institution(i.slug)] : []),
    ...(o ? [tags.organization(o.slug)] : []),
  ];
}

/**
 * Admins: apply a pending request and write its audit row in one transaction, guarded by the version the
 * request was based on. Returns the cache tags to expire. A record changed since gives a ConflictError and
 * the request records the conflict; a request decided meanwhile (another admin) gives a ConflictError too.
 */
export async function approveChangeRequest(actor: Actor | null, changeRequestId: string, comment: string | null) {
  const admin = requireAdmin(actor, "Only admins review changes.");
  let decided: { tags: string[]; proposerId: string; mailId: string | null };
  try {
    decided = await db().$transaction(async (tx) => {
      const claimed = await tx.changeRequest.updateMany({
        where: { id: changeRequestId, status: "PENDING" },
        data: {
          status: "APPROVED",
          decidedById: admin.id,
          decidedAt: new Date(),
          decisionComment: comment,
          conflict: null,
        },
      });
      if (claimed.count === 0) {
        const exists = await tx.changeRequest.findUnique({ where: { id: changeRequestId }, select: { status: true } });
        if (!exists) throw new NotFoundError("No such request.");
        throw new ConflictError(`This request was already ${exists.status.toLowerCase()}.`);
      }
      const r = await tx.changeRequest.findUniqueOrThrow({
        where: { id: changeRequestId },
        select: {
          id: true,
          kind: true,
          institutionId: true,
          organizationId: true,
          membershipId: true,
          baseVersion: true,
          proposed: true,
          before: true,
          proposedById: true,
          institution: { select: { names: { select: { locale: true, name: true, kind: true } } } },
        },
      });
      const ctx = { tx, request: r, publisher: pickName(r.institution.names, "en").name, actorId: admin.id };
      let applied: Applied;
      if (r.kind === "INSTITUTION_UPDATE") {
        await applyInstitutionProfile(tx, r.institutionId, r.baseVersion!, r.proposed as InstitutionProfileValues, {
          actorId: admin.id,
          proposerId: r.proposedById,
          changeRequestId: r.id,
          before: r.before,
        });
        applied = { organizationId: null };
      } else if (r.kind === "ORGANIZATION_CREATE") {
        applied = await applyOrganizationCreate(ctx, r.proposed as OrganizationProposal);
      } else {
        applied = await applyMembership(ctx, r.proposed as MembershipSnapshot);
      }
      await tx.notification.create({
        data: {
          userId: r.proposedById,
          changeRequestId: r.id,
          message: `Your change was approved${comment ? `: ${comment}` : "."}`,
        },
      });
      const mailId = await queueProposerMail(
        tx,
        r.proposedById,
        "Your change was approved",
        `Your change request ${r.id} was approved${comment ? `: ${comment}` : "."} It is now public.`,
      );
      return {
        tags: await touchedTags(tx, r.institutionId, applied.organizationId),
        proposerId: r.proposedById,
        mailId,
      };
    });
  } catch (error) {
    if (error instanceof ConflictError && /changed after|already listed|already belongs/.test(error.message)) {
      await db().changeRequest.updateMany({
        where: { id: changeRequestId, status: "PENDING" },
        data: { conflict: error.message },
      });
    }
    throw error;
  }
  // Committed: nothing below may turn into an error, or the admin would be told nothing changed.
  if (decided.mailId) await deliverQueuedMail(decided.mailId);
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
    if (count === 0) throw new ConflictError("This request is not pending any more.");
    const r = await tx.changeRequest.findUniqueOrThrow({
      where: { id: changeRequestId },
      select: { proposedById: true },
    });
    await tx.auditEvent.create({
      data: {
        action: "change.reject",
        entityType: "ChangeRequest",
        entityId: changeRequestId,
        actorId: admin.id,
        proposerId: r.proposedById,
        changeRequestId,
        after: { reason },
      },
    });
    await tx.notification.create({
      data: { userId: r.proposedById, changeRequestId, message: `Your change was rejected: ${reason}` },
    });
    const mailId = await queueProposerMail(
      tx,
      r.proposedById,
      "Your change was rejected",
      `Your change request ${changeRequestId} was rejected: ${reason}`,
    );
    return { proposerId: r.proposedById, mailId };
  });
  // Committed: as for an approval, the mail's outcome is kept on its outbox row, never thrown.
  if (decided.mailId) await deliverQueuedMail(decided.mailId);
  return { proposerId: decided.proposerId };
}
