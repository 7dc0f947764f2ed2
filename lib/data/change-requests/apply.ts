import "server-only";
// Applying an approved change, one function per kind. Each runs inside the approval's transaction, is
// guarded by the version the request was based on where there is one, and writes its audit rows.
import type { Tx } from "../db";
import { changeAppliedTags } from "../../cache/tag-rules";
import { DuplicateRecordError, StaleVersionError } from "../../shared/errors";
import { toStoredDate } from "../../shared/dates";
import { slugify } from "../../shared/slug";
import { buildSearchText } from "../../shared/search-text";
import { recordAudit } from "../audit";
import { findFreeSlug } from "../record-names";
import { isSameCitation, seenOnDate } from "../../shared/fact-sources";
import type { MembershipSnapshot } from "../../shared/types/change-requests";
import { membershipSnapshotSelect, snapshotOf } from "./diff";
import type { OrganizationProfileValues, OrganizationProposal } from "../../validation/organizations";
import { refreshOrganizationDerived } from "../organizations/derived";
import { storeFormerPeriods } from "../memberships/periods";

export type ApplyContext = {
  tx: Tx;
  request: {
    id: string;
    kind: string;
    institutionId: string;
    organizationId: string | null;
    membershipId: string | null;
    baseVersion: number | null;
    before: unknown;
    proposedById: string;
    /** When the proposer sent it: the reading date of a source they cited without saying when they read it. */
    createdAt: Date;
  };
  publisher: string;
  actorId: string;
};

/** The outcome: which organization (if any) the change touched, for revalidation. */
export type Applied = { organizationId: string | null };

/**
 * The source a change cites, stored once per change (key) so every fact it touches points at it. `seenOn` is
 * the day someone read it (the proposer's "read on"), never the day the change is approved.
 */
export async function createCitedSource(
  tx: Tx,
  key: string,
  publisher: string | null,
  v: { sourceUrl: string | null; sourceTitle: string | null },
  seenOn: Date,
  owner: { institutionId?: string; organizationId?: string } = {},
) {
  return tx.source.create({
    data: {
      key,
      kind: v.sourceUrl ? "WEB_PAGE" : "DOCUMENT",
      title: v.sourceTitle ?? v.sourceUrl ?? "Source cited by the institution",
      url: v.sourceUrl,
      publisher,
      seenOn,
      language: "en",
      ...owner,
    },
    select: { id: true },
  });
}

// What an institution's staff cite is the institution's own statement about itself.
const citedSource = (
  ctx: ApplyContext,
  v: { sourceUrl: string | null; sourceTitle: string | null; sourceSeenOn?: unknown },
) =>
  createCitedSource(
    ctx.tx,
    `change-${ctx.request.id}`,
    ctx.publisher,
    v,
    seenOnDate(typeof v.sourceSeenOn === "string" ? v.sourceSeenOn : null, ctx.request.createdAt),
    { institutionId: ctx.request.institutionId },
  );

/**
 * The source the applied values rest on: the current one when the change cites the very same source and passage
 * (a change of the notes alone: no new Source, its seen date untouched), else a new one for the new values. The
 * old source row is left as it is; the audit row keeps which values rested on it.
 */
async function sourceForValues(ctx: ApplyContext, values: MembershipSnapshot): Promise<string> {
  const { tx, request: r } = ctx;
  if (r.membershipId) {
    const current = await tx.membership.findUnique({ where: { id: r.membershipId }, select: membershipSnapshotSelect });
    if (current && isSameCitation(snapshotOf(current), values)) return current.sourceId;
  }
  return (await citedSource(ctx, values)).id;
}

/** A membership's values with the source they rest on, as the audit row and the history keep them. */
async function storedSnapshot(tx: Tx, membershipId: string): Promise<MembershipSnapshot | null> {
  const m = await tx.membership.findUnique({ where: { id: membershipId }, select: membershipSnapshotSelect });
  return m ? snapshotOf(m) : null;
}

export function membershipData(
  v: {
    role: MembershipSnapshot["role"];
    joined: MembershipSnapshot["joined"];
    ended?: MembershipSnapshot["ended"];
    status?: MembershipSnapshot["status"];
    notes?: string | null;
    sourceQuote: string | null;
  },
  sourceId: string,
  proposerId: string,
) {
  const joined = v.joined ? toStoredDate(v.joined) : null;
  const ended = v.ended ? toStoredDate(v.ended) : null;
  return {
    role: v.role,
    status: v.status ?? "ACTIVE",
    notes: v.notes ?? null,
    quote: v.sourceQuote,
    sourceId,
    // An approved change from the institution's staff is the institution confirming the entry.
    confirmedAt: new Date(),
    confirmedById: proposerId,
    joinedOn: joined?.date ?? null,
    joinedPrecision: joined?.precision ?? null,
    endedOn: ended?.date ?? null,
    endedPrecision: ended?.precision ?? null,
  };
}

export async function applyMembership(ctx: ApplyContext, values: MembershipSnapshot): Promise<Applied> {
  const { tx, request: r } = ctx;
  const before = r.membershipId ? await storedSnapshot(tx, r.membershipId) : null;
  const data = membershipData(values, await sourceForValues(ctx, values), r.proposedById);
  let membershipId = r.membershipId;
  if (r.kind === "MEMBERSHIP_CREATE") {
    const exists = await tx.membership.findUnique({
      where: { institutionId_organizationId: { institutionId: r.institutionId, organizationId: r.organizationId! } },
      select: { id: true },
    });
    if (exists)
      throw new DuplicateRecordError(
        "The institution is already listed in this organization: the request is out of date.",
      );
    membershipId = (
      await tx.membership.create({
        data: { ...data, institutionId: r.institutionId, organizationId: r.organizationId! },
        select: { id: true },
      })
    ).id;
    await tx.changeRequest.update({ where: { id: r.id }, data: { membershipId } });
  } else {
    const updated = await tx.membership.updateMany({
      where: { id: r.membershipId!, version: r.baseVersion! },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0)
      throw new StaleVersionError(
        "The membership changed after this request was made: it cannot be applied as it is. " +
          "Ask for a new request based on the current values.",
      );
  }
  await storeFormerPeriods(tx, membershipId!, values.formerPeriods ?? [], {
    sourceId: data.sourceId,
    quote: data.quote,
  });
  await recordAudit(tx, {
    event:
      r.kind === "MEMBERSHIP_CREATE"
        ? "membership.create"
        : r.kind === "MEMBERSHIP_END"
          ? "membership.end"
          : "membership.update",
    entityId: membershipId!,
    actorId: ctx.actorId,
    proposerId: r.proposedById,
    changeRequestId: r.id,
    // As stored before and after, each side with the source, passage and seen date its values rest on.
    before: before ?? r.before ?? null,
    after: (await storedSnapshot(tx, membershipId!)) ?? values,
  });
  await refreshOrganizationDerived(tx, [r.organizationId!]);
  return { organizationId: r.organizationId };
}

/** A new organization with its official names, its founding date and introduction citing `sourceId`. */
export async function createOrganizationRecord(tx: Tx, values: OrganizationProfileValues, sourceId: string) {
  const slug = await findFreeSlug(tx, "organization", slugify(values.nameEn) || "organization");
  const founded = values.founded ? toStoredDate(values.founded) : null;
  return tx.organization.create({
    data: {
      slug,
      kind: values.kind,
      acronym: values.acronym,
      website: values.website,
      fields: [],
      foundedOn: founded?.date ?? null,
      foundedPrecision: founded?.precision ?? null,
      foundedSourceId: founded ? sourceId : null,
      introduction: values.introduction,
      introductionLocale: values.introduction ? "en" : null,
      introductionSourceId: values.introduction ? sourceId : null,
      searchText: buildSearchText([values.nameEn, values.nameZh, values.acronym, values.introduction]),
      names: {
        create: [
          { locale: "en", name: values.nameEn, acronym: values.acronym, sourceId },
          ...(values.nameZh ? [{ locale: "zh", name: values.nameZh, sourceId }] : []),
        ],
      },
    },
    select: { id: true, slug: true },
  });
}

/** A new organization, its names, and the proposing institution's membership in it. */
export async function applyOrganizationCreate(ctx: ApplyContext, values: OrganizationProposal): Promise<Applied> {
  const { tx, request: r } = ctx;
  const source = await citedSource(ctx, values);
  const organization = await createOrganizationRecord(tx, values, source.id);
  const membership = await tx.membership.create({
    data: {
      ...membershipData(values, source.id, r.proposedById),
      institutionId: r.institutionId,
      organizationId: organization.id,
    },
    select: { id: true },
  });
  await tx.changeRequest.update({
    where: { id: r.id },
    data: { organizationId: organization.id, membershipId: membership.id },
  });
  const audit = { actorId: ctx.actorId, proposerId: r.proposedById, changeRequestId: r.id, after: values };
  await recordAudit(tx, { event: "organization.create", entityId: organization.id, ...audit });
  await recordAudit(tx, { event: "membership.create", entityId: membership.id, ...audit });
  await refreshOrganizationDerived(tx, [organization.id]);
  return { organizationId: organization.id };
}

/** Tags of the public pages a change touches, read in its transaction (nothing is left to read after the commit). */
export async function tagsTouchedBy(tx: Tx, institutionId: string | null, organizationId: string | null) {
  const [i, o] = await Promise.all([
    institutionId ? tx.institution.findUnique({ where: { id: institutionId }, select: { slug: true } }) : null,
    organizationId ? tx.organization.findUnique({ where: { id: organizationId }, select: { slug: true } }) : null,
  ]);
  return changeAppliedTags({ institution: i?.slug ?? null, organization: o?.slug ?? null });
}
