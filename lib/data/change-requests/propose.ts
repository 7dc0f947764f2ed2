import "server-only";
import { db, type Tx } from "../db";
import type { Locale } from "@/i18n/routing";
import type { Actor } from "../../shared/actor";
import { resolveOrganizationChoice } from "../search/suggest";
import { requireStaff } from "../guards";
import type { Prisma } from "../../generated/prisma/client";
import type { ChangeKind } from "../../generated/prisma/enums";
import {
  ConflictError,
  DuplicateRecordError,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from "../../shared/errors";
import type { InstitutionProfileValues, ProfileCitation } from "../../validation/institutions";
import type { MembershipValues } from "../../validation/memberships";
import type { MembershipSnapshot } from "../../shared/types/change-requests";
import {
  MEMBERSHIP_FACTS,
  changedFacts,
  citationErrors,
  citesAnything,
  isSameCitation,
} from "../../shared/fact-sources";
import type { OrganizationProposal } from "../../validation/organizations";
import { institutionProfileSelect, profileOf } from "../institutions/editable-profile";
import { findSimilarOrganizations } from "../organizations/similar-organizations";
import { createRequestTellingAdmins } from "./admin-notices";
import { dateWarnings } from "./date-warnings";
import {
  changesAnything,
  diffValues,
  membershipSnapshotSelect,
  snapshotFromValues,
  snapshotOf,
  withFormerPeriods,
} from "./diff";
import { keepEndedPeriod, periodErrors } from "../../shared/membership-periods";
import { citedFor, profileCitationErrors } from "./profile-sources";

// Staff propose; nothing public changes until an admin approves (decide.ts), and the change is applied then
// (apply.ts) against the version the proposal was based on.

const requestSummary = {
  id: true,
  kind: true,
  status: true,
  organizationId: true,
  proposed: true,
} satisfies Prisma.ChangeRequestSelect;

/** The new request, with what its proposer should check (the same warnings its review page shows). */
async function summaryWithWarnings(
  client: Tx,
  created: Prisma.ChangeRequestGetPayload<{ select: typeof requestSummary }>,
) {
  const { id, kind, status } = created;
  return { id, kind, status, warnings: await dateWarnings(client, created) };
}

/** One pending request per entry and side: the other side's pending statement about it never blocks this one. */
export async function assertNoPending(
  client: Tx,
  where: Prisma.ChangeRequestWhereInput,
  side: "INSTITUTION" | "ORGANIZATION" = "INSTITUTION",
) {
  const pending = await client.changeRequest.findFirst({
    where: { ...where, side, status: "PENDING" },
    select: { id: true },
  });
  if (pending)
    throw new ConflictError(
      "A change to this entry is already waiting for review: withdraw it or wait for the decision.",
    );
}

/** Field errors as the form names its fields ("values.sourceQuote"), thrown as one ValidationError. */
function refuse(errors: Record<string, string[]>, prefix: string): never {
  const fieldErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}${k}`, v]));
  throw new ValidationError(Object.values(errors)[0]![0]!, fieldErrors);
}

/**
 * The proposal as it will be applied: blank source fields keep the current source (and its seen date), which
 * only a change of the notes may do; a changed fact cites a source and passage of its own (fact-sources.ts).
 */
function withCitation(before: MembershipSnapshot, after: MembershipSnapshot): MembershipSnapshot {
  const changed = changedFacts(MEMBERSHIP_FACTS, before, after).length > 0;
  if (!changed && (!citesAnything(after) || isSameCitation(before, after))) {
    const { sourceUrl, sourceTitle, sourceQuote, sourceSeenOn } = before;
    return { ...after, sourceUrl, sourceTitle, sourceQuote, sourceSeenOn };
  }
  const errors = citationErrors(changed, after, [before]);
  if (Object.keys(errors).length) refuse(errors, "values.");
  return { ...after, sourceSeenOn: after.sourceSeenOn ?? new Date().toISOString().slice(0, 10) };
}

/** Earlier periods that do not fit together (or with the current one) refused beside their field. */
function refusePeriodErrors(s: MembershipSnapshot) {
  const errors = periodErrors(s.formerPeriods ?? [], { joined: s.joined });
  if (errors.length) refuse({ formerPeriods: errors }, "values.");
}

/**
 * The proposal's earlier periods: those sent (none sent, as from an import, keeps the current ones), plus the
 * ended period a rejoining proposal would otherwise overwrite (keepEndedPeriod), checked together.
 */
function withPeriods(before: MembershipSnapshot, after: MembershipSnapshot, values: MembershipValues) {
  const sent = values.formerPeriods === undefined ? before.formerPeriods : after.formerPeriods;
  const { formerPeriods: _, ...rest } = after;
  const kept = keepEndedPeriod(before, { ...after, formerPeriods: sent });
  const periods: MembershipSnapshot = { ...rest, ...withFormerPeriods(kept) };
  refusePeriodErrors(periods);
  return periods;
}

/**
 * Staff: propose new values for one of their own institution's memberships. `client` is a transaction's when
 * the request is one of several sent together (an import).
 */
export async function proposeMembershipUpdate(
  actor: Actor | null,
  input: {
    membershipId: string;
    baseVersion: number;
    reason: string | null;
    values: MembershipValues;
    correctionId?: string | null;
  },
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
    throw new StaleVersionError(
      "This entry changed since you opened it. Reload the page to see the current values, then propose again.",
    );
  const before = snapshotOf(membership);
  const after = withCitation(before, withPeriods(before, snapshotFromValues(input.values), input.values));
  if (!changesAnything(before, after)) throw new ValidationError("Nothing changed: edit at least one field.");
  await assertNoPending(client, { membershipId: membership.id });
  const kind: ChangeKind =
    after.status === "WITHDRAWN" && before.status !== "WITHDRAWN" ? "MEMBERSHIP_END" : "MEMBERSHIP_UPDATE";
  const created = await createRequestTellingAdmins(client, {
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
    select: requestSummary,
    correctionId: input.correctionId,
  });
  return summaryWithWarnings(client, created);
}

/**
 * Staff: propose that their institution is a member of an organization it is not listed in yet (`client`: as
 * above).
 */
export async function proposeMembershipCreate(
  actor: Actor | null,
  input: {
    organizationSlug: string;
    /** The name as typed, resolved when no slug was chosen (a form without JavaScript). */
    organization?: string;
    reason: string | null;
    values: MembershipValues;
    correctionId?: string | null;
  },
  client: Tx = db(),
  locale: Locale = "en",
) {
  const staff = requireStaff(actor);
  const slug = await resolveOrganizationChoice(
    { slug: input.organizationSlug, text: input.organization ?? "" },
    locale,
    "organization",
  );
  const organization = await client.organization.findUnique({ where: { slug }, select: { id: true } });
  if (!organization)
    throw new ValidationError("Choose an organization from the list.", { organization: ["Unknown organization."] });
  const existing = await client.membership.findUnique({
    where: { institutionId_organizationId: { institutionId: staff.institutionId, organizationId: organization.id } },
    select: { id: true },
  });
  if (existing)
    throw new DuplicateRecordError("Your institution is already listed in this organization: edit that entry instead.");
  await assertNoPending(client, {
    institutionId: staff.institutionId,
    organizationId: organization.id,
    kind: "MEMBERSHIP_CREATE",
  });
  const proposed = snapshotFromValues(input.values);
  refusePeriodErrors(proposed);
  const created = await createRequestTellingAdmins(client, {
    data: {
      kind: "MEMBERSHIP_CREATE",
      institutionId: staff.institutionId,
      organizationId: organization.id,
      proposed,
      reason: input.reason,
      proposedById: staff.id,
    },
    select: requestSummary,
    correctionId: input.correctionId,
  });
  return summaryWithWarnings(client, created);
}

/** Staff: propose changes to their own institution's profile. */
export async function proposeInstitutionUpdate(
  actor: Actor | null,
  input: {
    baseVersion: number;
    reason: string | null;
    values: InstitutionProfileValues;
    source: ProfileCitation;
    correctionId?: string | null;
  },
) {
  const staff = requireStaff(actor);
  const current = await db().institution.findUniqueOrThrow({
    where: { id: staff.institutionId },
    select: institutionProfileSelect,
  });
  if (current.version !== input.baseVersion)
    throw new StaleVersionError(
      "Your institution's profile changed since you opened it. Reload the page, then propose again.",
    );
  const before = profileOf(current);
  if (!diffValues(before, input.values).some((d) => d.changed))
    throw new ValidationError("Nothing changed: edit at least one field.");
  const errors = profileCitationErrors(current, input.values, input.source);
  if (Object.keys(errors).length) refuse(errors, "source.");
  await assertNoPending(db(), { institutionId: staff.institutionId, kind: "INSTITUTION_UPDATE" });
  return createRequestTellingAdmins(db(), {
    data: {
      kind: "INSTITUTION_UPDATE",
      institutionId: staff.institutionId,
      baseVersion: current.version,
      before,
      proposed: { ...input.values, ...citedFor(input.source) },
      reason: input.reason,
      proposedById: staff.id,
    },
    select: { id: true, kind: true, status: true },
    correctionId: input.correctionId,
  });
}

/** Staff: propose an organization the registry does not have yet, with their institution as a member. */
export async function proposeOrganizationCreate(
  actor: Actor | null,
  input: { reason: string | null; values: OrganizationProposal },
) {
  const staff = requireStaff(actor);
  const { nameEn, nameZh, acronym } = input.values;
  const similar = await findSimilarOrganizations(db(), { nameEn, nameZh, acronym, institutionId: staff.institutionId });
  // The same name but for case and spacing is the same organization: refused. A merely similar one may be
  // another organization: the proposal goes through, with the similar ones named to the proposer and reviewer.
  const clash = similar.find((s) => s.sameName);
  if (clash) {
    const field = nameZh && sameText(clash.matchedText, nameZh) ? "values.nameZh" : "values.nameEn";
    throw new ValidationError("This organization is already in the registry: add a membership to it instead.", {
      [field]: [`Already in the registry as ${clash.name} (/organizations/${clash.slug}).`],
    });
  }
  const created = await createRequestTellingAdmins(db(), {
    data: {
      kind: "ORGANIZATION_CREATE",
      institutionId: staff.institutionId,
      proposed: input.values,
      reason: input.reason,
      proposedById: staff.id,
    },
    select: requestSummary,
  });
  return { ...(await summaryWithWarnings(db(), created)), similar };
}

const sameText = (a: string, b: string) =>
  a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();
