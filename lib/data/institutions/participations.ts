import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import { cached, tags } from "../../cache/read-cache";
import { Prisma } from "../../generated/prisma/client";
import { pickName } from "../../shared/names";
import type { Participation } from "../../shared/types/institutions";
import type { MemberCursor } from "../../validation/members";
import { institutionNameSelect } from "../selects";
import { participationSelect, toParticipation } from "./profile";

export const PARTICIPATIONS_PER_PAGE = 100;

export type ParticipationPage = {
  institution: { slug: string; name: string; membershipCount: number };
  participations: Participation[];
  /** Where the next page starts, or null on the last page. */
  next: MemberCursor | null;
};

/**
 * The keyset condition "after this participation" in the profile's order (dates descending, unknown dates last,
 * then by organization). The cursor has the members pages' shape: a date (or unknown) and a slug, here the
 * organization's.
 */
function afterClause(after: MemberCursor | null): Prisma.Sql {
  if (!after) return Prisma.empty;
  if (after.joinedOn === null) return Prisma.sql`AND m."joinedOn" IS NULL AND o.slug > ${after.slug}`;
  return Prisma.sql`AND (m."joinedOn" < ${after.joinedOn}::date
    OR (m."joinedOn" = ${after.joinedOn}::date AND o.slug > ${after.slug}) OR m."joinedOn" IS NULL)`;
}

async function loadParticipationPage(
  slug: string,
  locale: Locale,
  after: MemberCursor | null,
  pageSize = PARTICIPATIONS_PER_PAGE,
): Promise<ParticipationPage | null> {
  const i = await db().institution.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      memberCount: true,
      names: institutionNameSelect,
    },
  });
  if (!i) return null;
  // Keyset pagination, as the members pages: one index range per page, never an OFFSET.
  const keys = await db().$queryRaw<{ id: string; joinedOn: Date | null; slug: string }[]>`
    SELECT m.id, m."joinedOn", o.slug FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId"
    WHERE m."institutionId" = ${i.id} ${afterClause(after)}
    ORDER BY m."joinedOn" DESC NULLS LAST, o.slug ASC LIMIT ${pageSize + 1}`;
  const page = keys.slice(0, pageSize);
  const rows = await db().membership.findMany({
    where: { id: { in: page.map((k) => k.id) } },
    select: { id: true, ...participationSelect },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const last = page.at(-1);
  return {
    institution: { slug: i.slug, name: pickName(i.names, locale).name, membershipCount: i.memberCount },
    participations: page.flatMap((k) => {
      const row = byId.get(k.id);
      return row ? [toParticipation(row, locale)] : [];
    }),
    next:
      keys.length > pageSize && last
        ? { joinedOn: last.joinedOn ? last.joinedOn.toISOString().slice(0, 10) : null, slug: last.slug }
        : null,
  };
}

/** One page of an institution's participations after the given one (keyset), for institutions in many organizations. */
export const listInstitutionParticipations = cached("listInstitutionParticipations", loadParticipationPage, (slug) => [
  tags.pages,
  tags.institution(slug),
]);
