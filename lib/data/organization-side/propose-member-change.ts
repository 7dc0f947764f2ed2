import "server-only";
import { organizationSideSelect } from "./apply-statement";
import { db, type Tx } from "../db";
import type { Locale } from "@/i18n/routing";
import type { Actor } from "../../shared/actor";
import { NotFoundError, StaleVersionError, ValidationError } from "../../shared/errors";
import { fromStoredDate, type PartialDate } from "../../shared/dates";
import type { MembershipSnapshot } from "../../shared/types/change-requests";
import type { MembershipValues } from "../../validation/memberships";
import { requireSecretariat } from "../guards";
import { createRequestTellingAdmins } from "../change-requests/admin-notices";
import { changesAnything, snapshotFromValues } from "../change-requests/diff";
import { assertNoPending } from "../change-requests/propose";
import { resolveRecordChoice } from "../search/suggest";
import { ORGANIZATION_SOURCE_REQUIRED, proposeOrganizationMember } from "./propose-member";

// A secretariat's changes to its organization's side of a member it lists: new role or dates, or the end of the
// membership, each citing the organization's own source, through review. Only the organization's side changes when
// approved (apply-statement.ts); the university's own statement is never touched.

const NO_SUCH_MEMBER = "No such member of your organization.";
const STALE = "This entry changed since you opened it. Reload the page to see the current values, then propose again.";
const NOTHING_CHANGED = "Nothing changed: your organization already states these facts from this source.";
const ALREADY_ENDED = "Your organization already states that this membership ended.";

const memberSelect = {
  id: true,
  version: true,
  institutionId: true,
  organizationId: true,
  role: true,
  status: true,
  joinedOn: true,
  joinedPrecision: true,
  endedOn: true,
  endedPrecision: true,
  ...organizationSideSelect,
} as const;

type Member = NonNullable<Awaited<ReturnType<typeof findOwnMember>>>;

/** One membership of the secretariat's own organization: another organization's is simply not found. */
async function findOwnMember(client: Tx, organizationId: string, membershipId: string) {
  return client.membership.findFirst({ where: { id: membershipId, organizationId }, select: memberSelect });
}

/** The organization's side as it stands, as a request's `before` (null facts: not stated). */
export function organizationSnapshot(m: Member): MembershipSnapshot | null {
  if (!m.organizationConfirmedAt) return null;
  return {
    role: m.organizationRole ?? "NOT_STATED",
    status: m.organizationStatus ?? m.status,
    joined: fromStoredDate(m.organizationJoinedOn, m.organizationJoinedPrecision),
    ended: fromStoredDate(m.organizationEndedOn, m.organizationEndedPrecision),
    notes: null,
    sourceUrl: m.organizationSource?.url ?? null,
    sourceTitle: m.organizationSource?.title ?? null,
    sourceQuote: m.organizationQuote,
    sourceSeenOn: m.organizationSource?.seenOn.toISOString().slice(0, 10) ?? null,
  };
}

/** What the organization states now of one membership, as the review page's "now" column reads it. */
export async function currentOrganizationSide(client: Tx, membershipId: string): Promise<MembershipSnapshot | null> {
  const m = await client.membership.findUnique({ where: { id: membershipId }, select: memberSelect });
  return m ? organizationSnapshot(m) : null;
}

/** The request of a statement about a member the organization lists, guarded by the version the form saw. */
async function requestChange(
  client: Tx,
  secretariat: Actor,
  m: Member,
  input: { baseVersion: number; reason: string | null; after: MembershipSnapshot },
) {
  if (m.version !== input.baseVersion) throw new StaleVersionError(STALE);
  if (!input.after.sourceUrl)
    throw new ValidationError(ORGANIZATION_SOURCE_REQUIRED, { "values.sourceUrl": [ORGANIZATION_SOURCE_REQUIRED] });
  const before = organizationSnapshot(m);
  if (before && !changesAnything(before, { ...input.after, notes: null })) throw new ValidationError(NOTHING_CHANGED);
  await assertNoPending(client, { institutionId: m.institutionId, organizationId: m.organizationId }, "ORGANIZATION");
  const ends = input.after.status === "WITHDRAWN" && before?.status !== "WITHDRAWN";
  return createRequestTellingAdmins(client, {
    data: {
      kind: ends ? "MEMBERSHIP_END" : "MEMBERSHIP_UPDATE",
      side: "ORGANIZATION",
      institutionId: m.institutionId,
      organizationId: m.organizationId,
      membershipId: m.id,
      baseVersion: m.version,
      before: before ?? undefined,
      proposed: input.after,
      reason: input.reason,
      proposedById: secretariat.id,
    },
    select: { id: true, kind: true, status: true },
  });
}

/** A secretariat member: new facts (role, status, dates) of a member their organization lists, with its source. */
export async function proposeOrganizationMemberUpdate(
  actor: Actor | null,
  input: { membershipId: string; baseVersion: number; reason: string | null; values: MembershipValues },
  client: Tx = db(),
) {
  const secretariat = requireSecretariat(actor);
  const m = await findOwnMember(client, secretariat.organizationId, input.membershipId);
  if (!m) throw new NotFoundError(NO_SUCH_MEMBER);
  return requestChange(client, secretariat, m, { ...input, after: snapshotFromValues(input.values) });
}

/**
 * A secretariat member: the end of a membership their organization lists (it says the member withdrew, on
 * `ended`). The role and joining date it stated (else the entry's) stay as they are.
 */
export async function proposeOrganizationMemberEnd(
  actor: Actor | null,
  input: {
    membershipId: string;
    baseVersion: number;
    reason: string | null;
    ended: PartialDate;
    source: { sourceUrl: string | null; sourceTitle: string | null; sourceQuote: string | null; sourceSeenOn: string };
  },
  client: Tx = db(),
) {
  const secretariat = requireSecretariat(actor);
  const m = await findOwnMember(client, secretariat.organizationId, input.membershipId);
  if (!m) throw new NotFoundError(NO_SUCH_MEMBER);
  if (m.organizationStatus === "WITHDRAWN") throw new ValidationError(ALREADY_ENDED);
  const joined =
    fromStoredDate(m.organizationJoinedOn, m.organizationJoinedPrecision) ??
    fromStoredDate(m.joinedOn, m.joinedPrecision);
  if (joined && input.ended.iso < joined.iso.slice(0, input.ended.iso.length)) {
    const message = "The end cannot be before the date the member joined.";
    throw new ValidationError(message, { ended: [message] });
  }
  const after: MembershipSnapshot = {
    role: m.organizationRole ?? m.role,
    status: "WITHDRAWN",
    joined,
    ended: input.ended,
    notes: null,
    ...input.source,
  };
  return requestChange(client, secretariat, m, { ...input, after });
}

/**
 * A secretariat member: a member chosen from the directory (the type-ahead's slug, or the name as typed without
 * JavaScript), stated through proposeOrganizationMember.
 */
export async function proposeOrganizationMemberFromDirectory(
  actor: Actor | null,
  input: { institutionSlug: string; institution: string; reason: string | null; values: MembershipValues },
  locale: Locale,
) {
  requireSecretariat(actor);
  const slug = await resolveRecordChoice(
    "institution",
    { slug: input.institutionSlug, text: input.institution },
    locale,
    "institution",
  );
  const institution = await db().institution.findUnique({ where: { slug }, select: { id: true } });
  if (!institution) {
    const message = "Choose an institution from the list.";
    throw new ValidationError(message, { institution: [message] });
  }
  return proposeOrganizationMember(actor, {
    institutionId: institution.id,
    reason: input.reason,
    values: input.values,
  });
}
