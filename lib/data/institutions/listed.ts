import "server-only";
import { Prisma } from "../../generated/prisma/client";

/**
 * Institutions the registry has something about: those it made from its own sources or an admin's hand, and the
 * directory's with a membership, a founding role or a person the sources name; as opposed to the directory's
 * thousands it knows only by name. Counts, the home page and the sitemap mean these; the institution list, search
 * and the API cover all.
 */
export const listedInstitution = {
  OR: [{ directoryId: null }, { memberships: { some: {} } }, { founded: { some: {} } }, { people: { some: {} } }],
} satisfies Prisma.InstitutionWhereInput;

/** The same, in SQL, for an "Institution" row aliased `alias`. */
export const listedInstitutionSql = (alias: string) =>
  Prisma.sql`(${Prisma.raw(`${alias}."directoryId"`)} IS NULL
    OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."institutionId" = ${Prisma.raw(`${alias}.id`)})
    OR EXISTS (SELECT 1 FROM "OrganizationFounder" f WHERE f."institutionId" = ${Prisma.raw(`${alias}.id`)})
    OR EXISTS (SELECT 1 FROM "OrganizationPerson" p WHERE p."institutionId" = ${Prisma.raw(`${alias}.id`)}))`;
