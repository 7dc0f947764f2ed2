import "server-only";
import { db } from "../db";
import { Prisma } from "../../generated/prisma/client";
import { NotFoundError } from "../../shared/errors";
import { encodeCursor, type CursorKey } from "../../open-data/cursor";
import type { ApiInstitutionQuery, ApiMembershipQuery, ApiOrganizationQuery } from "../../validation/api";
import { institutionSearchConditions } from "../institutions/list";
import { organizationSearchConditions } from "../organizations/search-sql";
import {
  openInstitutionSelect,
  openMembershipSelect,
  openOrganizationSelect,
  toOpenInstitution,
  toOpenMembership,
  toOpenOrganization,
  type OpenInstitution,
  type OpenMembership,
  type OpenOrganization,
} from "./records";

// The read API's lists (/api/v1): public approved data, no actor. Keyset pagination on (slug, id) for
// organizations and institutions and on id for memberships, so pages stay stable and cheap at any depth.

export type ApiPage<T> = { data: T[]; total: number; limit: number; nextCursor: string | null };

const where = (parts: Prisma.Sql[]) => (parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty);

/** Fetch one page of ids (limit + 1 to know whether another page follows) and the total. */
async function keysetIds(
  table: "Organization" | "Institution",
  alias: "o" | "i",
  conditions: Prisma.Sql[],
  limit: number,
  after?: CursorKey,
) {
  const from = Prisma.sql`FROM ${Prisma.raw(`"${table}" ${alias}`)}`;
  const col = (c: string) => Prisma.raw(`${alias}.${c}`);
  const paged = after
    ? [...conditions, Prisma.sql`(${col("slug")}, ${col("id")}) > (${after[0]}, ${after[1]})`]
    : conditions;
  const [rows, count] = await Promise.all([
    db().$queryRaw<{ id: string; slug: string }[]>`SELECT ${col("id")} AS id, ${col("slug")} AS slug ${from}
      ${where(paged)} ORDER BY ${col("slug")}, ${col("id")} LIMIT ${limit + 1}`,
    db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n ${from} ${where(conditions)}`,
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    ids: page.map((r) => r.id),
    total: Number(count[0]?.n ?? 0),
    nextCursor: rows.length > limit && last ? encodeCursor([last.slug, last.id]) : null,
  };
}

function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

export async function listApiOrganizations(query: ApiOrganizationQuery): Promise<ApiPage<OpenOrganization>> {
  const conditions = organizationSearchConditions({
    q: query.q,
    kind: query.kind,
    field: query.field,
    country: query.country,
    year: undefined,
  });
  const { ids, total, nextCursor } = await keysetIds("Organization", "o", conditions, query.limit, query.cursor);
  const rows = await db().organization.findMany({ where: { id: { in: ids } }, select: openOrganizationSelect });
  return { data: inOrder(ids, rows).map(toOpenOrganization), total, limit: query.limit, nextCursor };
}

export async function listApiInstitutions(query: ApiInstitutionQuery): Promise<ApiPage<OpenInstitution>> {
  const conditions = institutionSearchConditions({
    q: query.q,
    kind: query.kind,
    country: query.country,
    coverage: query.coverage,
  });
  const { ids, total, nextCursor } = await keysetIds("Institution", "i", conditions, query.limit, query.cursor);
  const rows = await db().institution.findMany({ where: { id: { in: ids } }, select: openInstitutionSelect });
  return { data: inOrder(ids, rows).map(toOpenInstitution), total, limit: query.limit, nextCursor };
}

export async function listApiMemberships(query: ApiMembershipQuery): Promise<ApiPage<OpenMembership>> {
  const filter: Prisma.MembershipWhereInput = {
    ...(query.organization ? { organization: { slug: query.organization } } : {}),
    ...(query.institution ? { institution: { slug: query.institution } } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  // Membership ids are unique: the cursor's key is (id, id) so all lists share one cursor format.
  const after = query.cursor ? { id: { gt: query.cursor[1] } } : {};
  const [rows, total] = await Promise.all([
    db().membership.findMany({
      where: { ...filter, ...after },
      select: openMembershipSelect,
      orderBy: { id: "asc" },
      take: query.limit + 1,
    }),
    db().membership.count({ where: filter }),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toOpenMembership),
    total,
    limit: query.limit,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.id, last.id]) : null,
  };
}

export async function getApiOrganization(slug: string): Promise<OpenOrganization> {
  const o = await db().organization.findUnique({ where: { slug }, select: openOrganizationSelect });
  if (!o) throw new NotFoundError(`No organization has the slug "${slug}".`);
  return toOpenOrganization(o);
}

export async function getApiInstitution(slug: string): Promise<OpenInstitution> {
  const i = await db().institution.findUnique({ where: { slug }, select: openInstitutionSelect });
  if (!i) throw new NotFoundError(`No institution has the slug "${slug}".`);
  return toOpenInstitution(i);
}
