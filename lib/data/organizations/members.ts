import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import { cached, tags } from "../../cache/read-cache";
import { Prisma } from "../../generated/prisma/client";
import { pickName } from "../../shared/names";
import { institutionNameSelect, membershipFacts, membershipFactsSelect } from "../selects";
import type { MemberRow } from "../../shared/types/organizations";
import type { MemberCursor } from "../../validation/members";

/** Members shown on the profile itself; the rest are on the organization's members pages. */
export const MEMBERS_ON_PROFILE = 50;
export const MEMBERS_PER_PAGE = 100;

export const institutionRefSelect = {
  select: { slug: true, country: true, kind: true, names: institutionNameSelect },
} as const;
export const memberSelect = {
  id: true,
  ...membershipFactsSelect,
  institution: institutionRefSelect,
} satisfies Prisma.MembershipSelect;
/** Earliest first, unknown dates last, then by institution: the order of every member list. */
export const memberOrder = [
  { joinedOn: { sort: "asc", nulls: "last" } },
  { institution: { slug: "asc" } },
] satisfies Prisma.MembershipOrderByWithRelationInput[];

export function toMemberRow(
  m: Prisma.MembershipGetPayload<{ select: typeof memberSelect }>,
  locale: Locale,
): MemberRow {
  const n = pickName(m.institution.names, locale);
  return {
    institution: {
      slug: m.institution.slug,
      name: n.name,
      originalName: n.original,
      country: m.institution.country,
      kind: m.institution.kind,
    },
    ...membershipFacts(m),
  };
}

export type MemberPage = {
  organization: { slug: string; name: string; memberCount: number };
  members: MemberRow[];
  /** Where the next page starts, or null on the last page. */
  next: MemberCursor | null;
};

/** The keyset condition "after this member" in memberOrder (dates ascending, unknown dates last). */
function afterClause(after: MemberCursor | null): Prisma.Sql {
  if (!after) return Prisma.empty;
  if (after.joinedOn === null) return Prisma.sql`AND m."joinedOn" IS NULL AND i.slug > ${after.slug}`;
  return Prisma.sql`AND (m."joinedOn" > ${after.joinedOn}::date
    OR (m."joinedOn" = ${after.joinedOn}::date AND i.slug > ${after.slug}) OR m."joinedOn" IS NULL)`;
}

async function loadMemberPage(
  slug: string,
  locale: Locale,
  after: MemberCursor | null,
  pageSize = MEMBERS_PER_PAGE,
): Promise<MemberPage | null> {
  const o = await db().organization.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      memberCount: true,
      names: { select: { locale: true, name: true, kind: true, validUntil: true } },
    },
  });
  if (!o) return null;
  // Keyset pagination: one index range per page however deep, never an OFFSET over thousands of rows.
  const keys = await db().$queryRaw<{ id: string; joinedOn: Date | null; slug: string }[]>`
    SELECT m.id, m."joinedOn", i.slug FROM "Membership" m JOIN "Institution" i ON i.id = m."institutionId"
    WHERE m."organizationId" = ${o.id} ${afterClause(after)}
    ORDER BY m."joinedOn" ASC NULLS LAST, i.slug ASC LIMIT ${pageSize + 1}`;
  const page = keys.slice(0, pageSize);
  const rows = await db().membership.findMany({ where: { id: { in: page.map((k) => k.id) } }, select: memberSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const last = page.at(-1);
  return {
    organization: { slug: o.slug, name: pickName(o.names, locale).name, memberCount: o.memberCount },
    members: page.flatMap((k) => (byId.has(k.id) ? [toMemberRow(byId.get(k.id)!, locale)] : [])),
    next:
      keys.length > pageSize && last
        ? { joinedOn: last.joinedOn ? last.joinedOn.toISOString().slice(0, 10) : null, slug: last.slug }
        : null,
  };
}

/** One page of an organization's members, after the given member (keyset), for organizations with many. */
export const listOrganizationMembers = cached("listOrganizationMembers", loadMemberPage, (slug) => [
  tags.pages,
  tags.organization(slug),
]);
