import "server-only";
import { ownInstitution, ownOrganization } from "./sides";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import type { Actor } from "../../shared/actor";
import { requireActor, requireAdmin, requireStaff } from "../guards";
import type { Prisma } from "../../generated/prisma/client";
import type { ChangeKind, ChangeStatus, MergeOutcome } from "../../generated/prisma/enums";
import { NotFoundError } from "../../shared/errors";
import { pickName } from "../../shared/names";
import { findSimilarOrganizations } from "../organizations/similar-organizations";
import { dateWarnings } from "./date-warnings";
import { currentValues, withCurrent } from "./current-values";
import { diffSnapshots, diffValues } from "./diff";
import type { LatestRequestEvent, MembershipSnapshot } from "../../shared/types/change-requests";

/**
 * The requests an actor may read: admins any; a university's staff their institution's own (its side: a
 * secretariat's statement about the university is the organization's, not theirs to withdraw or discuss); a
 * secretariat its organization's side; anyone else none.
 */
export function scopeFor(actor: Actor): Prisma.ChangeRequestWhereInput {
  if (actor.role === "ADMIN") return {};
  if (actor.institutionId) return { institutionId: actor.institutionId, side: "INSTITUTION" };
  if (actor.organizationId) return { organizationId: actor.organizationId, side: "ORGANIZATION" };
  return { id: "__none__" };
}

export type ReviewFilters = {
  q?: string;
  sort?: "oldest" | "newest";
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
  side: true,
  institution: { select: { slug: true, names: { select: { locale: true, name: true, kind: true } } } },
  organization: {
    select: { slug: true, names: { select: { locale: true, name: true, kind: true, validUntil: true } } },
  },
  proposedBy: { select: { name: true } },
  proposed: true,
} satisfies Prisma.ChangeRequestSelect;

/** A proposed new organization's name in `locale` where given, else its English name. */
function proposedName(proposed: unknown, locale: Locale): string | undefined {
  const p = (proposed ?? {}) as { nameEn?: string; nameZh?: string | null };
  return (locale === "zh" && p.nameZh) || p.nameEn;
}

function listRow(r: Prisma.ChangeRequestGetPayload<{ select: typeof listSelect }>, locale: Locale) {
  const common = {
    id: r.id,
    kind: r.kind,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    conflict: r.conflict,
    proposedBy: r.proposedBy.name,
  };
  if (r.side === "ORGANIZATION") {
    const organization = ownOrganization(r.organization, r.id);
    const name = pickName(organization.names, locale).name;
    return {
      ...common,
      party: { kind: "organization" as const, slug: organization.slug, name },
      // The member it states, a proposed new institution, or (its profile) the organization itself.
      organization: r.institution
        ? { slug: null, name: pickName(r.institution.names, locale).name }
        : r.kind === "INSTITUTION_CREATE"
          ? { slug: null, name: proposedName(r.proposed, locale) ?? "—" }
          : { slug: organization.slug as string | null, name },
    };
  }
  const institution = ownInstitution(r.institution, r.id);
  const name = pickName(institution.names, locale).name;
  return {
    ...common,
    party: { kind: "institution" as const, slug: institution.slug, name },
    // What the request is about: its organization, the proposed new organization, or the institution itself.
    organization: r.organization
      ? { slug: r.organization.slug as string | null, name: pickName(r.organization.names, locale).name }
      : { slug: null, name: proposedName(r.proposed, locale) ?? name },
  };
}

/** `q` with LIKE's wildcards (and its escape) taken literally: Prisma's `contains` passes them through. */
const literal = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The requests whose institution or organization has a name (any language, acronyms and former names too)
 * containing `q`, or that propose a new organization so named.
 */
async function nameMatch(q: string): Promise<Prisma.ChangeRequestWhereInput> {
  const named = { names: { some: { name: { contains: literal(q), mode: "insensitive" as const } } } };
  const proposing = await db().$queryRaw<{ id: string }[]>`
    SELECT id FROM "ChangeRequest"
    WHERE kind = 'ORGANIZATION_CREATE'
      AND concat_ws(' ', proposed->>'nameEn', proposed->>'nameZh', proposed->>'acronym') ILIKE ${`%${literal(q)}%`}`;
  return {
    OR: [{ institution: named }, { organization: named }, { id: { in: proposing.map((r) => r.id) } }],
  };
}

/** Admins: the review queue, oldest first unless asked otherwise, with filters. */
export async function listReviewQueue(actor: Actor | null, filters: ReviewFilters, locale: Locale) {
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
      ...(filters.q ? await nameMatch(filters.q) : {}),
    },
    select: listSelect,
    orderBy: [{ createdAt: filters.sort === "newest" ? "desc" : "asc" }, { id: "asc" }],
    take: 200,
  });
  return rows.map((r) => listRow(r, locale));
}

export async function countPendingReviews(actor: Actor | null) {
  if (actor?.role !== "ADMIN") return 0;
  return db().changeRequest.count({ where: { status: "PENDING" } });
}

/** Staff: their institution's requests, newest first, optionally of one status, each with its latest event. */
export async function listMyInstitutionRequests(actor: Actor | null, locale: Locale, status?: ChangeStatus) {
  const staff = requireStaff(actor, undefined, "read");
  const rows = await db().changeRequest.findMany({
    where: { institutionId: staff.institutionId, side: "INSTITUTION", ...(status ? { status } : {}) },
    select: {
      ...listSelect,
      decisionComment: true,
      membershipId: true,
      decidedBy: { select: { name: true } },
      comments: {
        select: { createdAt: true, author: { select: { name: true } } },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map((r) => ({
    ...listRow(r, locale),
    decisionComment: r.decisionComment,
    membershipId: r.membershipId,
    latest: latestEvent(r),
  }));
}

/** What last happened to a request after it was sent: a comment or its decision (a withdrawal is one). */
function latestEvent(r: {
  status: ChangeStatus;
  decidedAt: Date | null;
  decidedBy: { name: string } | null;
  proposedBy: { name: string };
  comments: { createdAt: Date; author: { name: string } }[];
}): LatestRequestEvent | null {
  const comment = r.comments[0];
  const decision = r.status !== "PENDING" && r.decidedAt ? r.decidedAt : null;
  if (decision && (!comment || decision >= comment.createdAt)) {
    const by = r.status === "WITHDRAWN" ? r.proposedBy.name : (r.decidedBy?.name ?? null);
    return { kind: "decision", status: r.status, at: decision.toISOString(), by };
  }
  if (comment) return { kind: "comment", status: null, at: comment.createdAt.toISOString(), by: comment.author.name };
  return null;
}

/** A proposed new institution's values as one level of fields: its own, then its membership's facts. */
function proposedInstitutionFields(proposed: unknown): Record<string, unknown> {
  const { membership, ...institution } = (proposed ?? {}) as { membership?: Record<string, unknown> };
  return { ...institution, ...membership };
}

/** One request with its field-level diff and comments: admins see any, staff their institution's. */
export async function getChangeRequest(actor: Actor | null, changeRequestId: string, locale: Locale) {
  const reader = requireActor(actor);
  const row = await db().changeRequest.findFirst({
    where: { id: changeRequestId, ...scopeFor(reader) },
    select: {
      ...listSelect,
      proposed: true,
      before: true,
      reason: true,
      baseVersion: true,
      decisionComment: true,
      membershipId: true,
      organizationId: true,
      institutionId: true,
      mergeOutcome: true,
      decidedBy: { select: { name: true } },
      comments: {
        select: { id: true, body: true, createdAt: true, author: { select: { name: true, role: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!row) throw new NotFoundError("No such request.");
  // A proposed new institution names none until it is approved (organization-side/institution-create.ts), nor does
  // an organization's own profile: the rest of the page reads them as their organization's.
  const r =
    row.kind === "INSTITUTION_CREATE" || row.kind === "ORGANIZATION_UPDATE"
      ? { ...row, institutionId: row.institutionId }
      : { ...row, institutionId: ownInstitution(row.institutionId, row.id) };
  const isMembership = r.kind.startsWith("MEMBERSHIP");
  // Checked against the organization as it is now, so a founding date corrected meanwhile counts.
  const [warnings, current] = await Promise.all([dateWarnings(db(), r), currentValues(db(), r)]);
  return {
    ...(await duplicatesOf(r, locale)),
    ...listRow(r, locale),
    reason: r.reason,
    baseVersion: r.baseVersion,
    decisionComment: r.decisionComment,
    decidedBy: r.decidedBy?.name ?? null,
    diff: withCurrent(
      isMembership
        ? diffSnapshots((r.before as MembershipSnapshot | null) ?? null, r.proposed as MembershipSnapshot)
        : diffValues(
            (r.before as Record<string, unknown> | null) ?? null,
            r.kind === "INSTITUTION_CREATE"
              ? proposedInstitutionFields(r.proposed)
              : (r.proposed as Record<string, unknown>),
          ),
      current,
      r.status,
    ),
    recordExists: current !== null,
    comments: r.comments.map((c) => ({
      id: c.id,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
      author: c.author.name,
      authorRole: c.author.role,
    })),
    warnings,
  };
}

/**
 * A proposed new organization's possible duplicates, recomputed as the page renders (the registry may have
 * changed since it was proposed), while it is pending; once recorded as a membership of an existing
 * organization instead, what that did.
 */
async function duplicatesOf(
  r: {
    kind: ChangeKind;
    status: ChangeStatus;
    institutionId: string | null;
    proposed: unknown;
    mergeOutcome: MergeOutcome | null;
  },
  locale: Locale,
) {
  const p = (r.proposed ?? {}) as { nameEn?: string; nameZh?: string | null; acronym?: string | null };
  const similar =
    r.kind === "ORGANIZATION_CREATE" && r.status === "PENDING"
      ? await findSimilarOrganizations(
          db(),
          {
            nameEn: p.nameEn ?? null,
            nameZh: p.nameZh ?? null,
            acronym: p.acronym ?? null,
            institutionId: r.institutionId,
            locale,
          },
          8,
        )
      : [];
  // Once recorded as a membership of an existing organization, the request's organization is that one: its title
  // keeps the name that was proposed.
  const proposedName = r.kind === "ORGANIZATION_CREATE" ? (locale === "zh" && p.nameZh) || p.nameEn || null : null;
  return { similar, mergeOutcome: r.mergeOutcome, proposedName };
}
