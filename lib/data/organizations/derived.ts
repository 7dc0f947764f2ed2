// Shared by the data layer and prisma/seed.ts, so it does not import "server-only".
import type { PrismaClient } from "../../generated/prisma/client";
import { Prisma } from "../../generated/prisma/client";

type Executor = Pick<PrismaClient, "$executeRaw">;

/**
 * Recompute the derived columns of organizations (all, or the given ids): the countries and regions of
 * their members, founders and declared member lists, and the number of memberships listed.
 */
export async function refreshOrganizationDerived(db: Executor, organizationIds?: string[]) {
  const only = organizationIds ? Prisma.sql`WHERE o.id = ANY(${organizationIds})` : Prisma.empty;
  await db.$executeRaw`
    UPDATE "Organization" o SET
      countries = ARRAY(
        SELECT DISTINCT c FROM (
          SELECT i.country::text AS c FROM "Membership" m JOIN "Institution" i ON i.id = m."institutionId"
            WHERE m."organizationId" = o.id
          UNION SELECT i.country::text FROM "OrganizationFounder" f JOIN "Institution" i ON i.id = f."institutionId"
            WHERE f."organizationId" = o.id
          UNION SELECT unnest(d.countries) FROM "DeclaredCount" d WHERE d."organizationId" = o.id
        ) AS all_countries ORDER BY c
      ),
      "memberCount" = (SELECT count(*)::int FROM "Membership" m WHERE m."organizationId" = o.id)
    ${only}`;
}
