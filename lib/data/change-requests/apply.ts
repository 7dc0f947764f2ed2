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
import { findFreeSlug, replaceOfficialNames } from "../record-names";
import type { MembershipSnapshot } from "../../shared/types/change-requests";
import type { InstitutionProfileValues } from "../../validation/institutions";
import type { OrganizationProfileValues, OrganizationProposal } from "../../validation/organizations";
import { refreshOrganizationDerived } from "../organizations/derived";

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
  };
  publisher: string;
  actorId: string;
};

/** The outcome: which organization (if any) the change touched, for revalidation. */
export type Applied = { organizationId: string | null };

/** The source a change cites, stored once per change (key) so every fact it touches points at it. */
export async function createCitedSource(
  tx: Tx,
  key: string,
  publisher: string,
  v: { sourceUrl: string | null; sourceTitle: string | null },
  owner: { institutionId?: string; organizationId?: string } = {},
) {
  return tx.source.create({
    data: {
      key,
      kind: v.sourceUrl ? "WEB_PAGE" : "DOCUMENT",
      title: v.sourceTitle ?? v.sourceUrl ?? "Source cited by the institution",
      url: v.sourceUrl,
      publisher,
      seenOn: new Date(),
      language: "en",
      ...owner,
    },
    select: { id: true },
  });
}

// What an institution's staff cite is the institution's own statement about itself.
const citedSource = (ctx: ApplyContext, v: { sourceUrl: string | null; sourceTitle: string | null }) =>
  createCitedSource(ctx.tx, `change-${ctx.request.id}`, ctx.publisher, v, {
    institutionId: ctx.request.institutionId,
  });

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
  const source = await citedSource(ctx, values);
  const data = membershipData(values, source.id, r.proposedById);
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
    before: r.before ?? null,
    after: values,
  });
  await refreshOrganizationDerived(tx, [r.organizationId!]);
  return { organizationId: r.organizationId };
}

/** An institution's profile (names, city, website, ROR, Wikidata), version-guarded. Also used by admins directly. */
export async function applyInstitutionProfile(
  tx: Tx,
  institutionId: string,
  baseVersion: number,
  values: InstitutionProfileValues,
  audit: { actorId: string; proposerId?: string; changeRequestId?: string; before: unknown },
) {
  const taken = await tx.institution.findFirst({
    where: {
      id: { not: institutionId },
      OR: [
        ...(values.rorId ? [{ rorId: values.rorId }] : []),
        ...(values.wikidataId ? [{ wikidataId: values.wikidataId }] : []),
      ],
    },
    select: { slug: true },
  });
  if (taken && (values.rorId || values.wikidataId))
    throw new DuplicateRecordError(`That ROR ID or Wikidata item already belongs to ${taken.slug}.`);
  const names = await tx.institutionName.findMany({
    where: { institutionId, kind: { not: "OFFICIAL" } },
    select: { name: true },
  });
  const updated = await tx.institution.updateMany({
    where: { id: institutionId, version: baseVersion },
    data: {
      city: values.city,
      website: values.website,
      rorId: values.rorId,
      wikidataId: values.wikidataId,
      version: { increment: 1 },
      searchText: buildSearchText([values.nameEn, values.nameZh, ...names.map((n) => n.name), values.city]),
    },
  });
  if (updated.count === 0)
    throw new StaleVersionError(
      "The institution's profile changed after this was based on it: " +
        "reload and start again from the current values.",
    );
  await replaceOfficialNames(tx, { institutionId }, values);
  await recordAudit(tx, {
    event: "institution.update",
    entityId: institutionId,
    actorId: audit.actorId,
    proposerId: audit.proposerId,
    changeRequestId: audit.changeRequestId,
    before: audit.before ?? null,
    after: values,
  });
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
export async function tagsTouchedBy(tx: Tx, institutionId: string, organizationId: string | null) {
  const [i, o] = await Promise.all([
    tx.institution.findUnique({ where: { id: institutionId }, select: { slug: true } }),
    organizationId ? tx.organization.findUnique({ where: { id: organizationId }, select: { slug: true } }) : null,
  ]);
  return changeAppliedTags({ institution: i?.slug ?? null, organization: o?.slug ?? null });
}
