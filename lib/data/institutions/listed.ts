import "server-only";
import { Prisma } from "../../generated/prisma/client";

/**
 * Institutions the registry has something about: those it made from its own sources or an admin's hand, and the
 * directory's with a membership, a founding role or a person the sources name; as opposed to the directory's
 * thousands it knows only by name. Counts, the home page and the sitemap mean these; the institution list, search
 * and the API cover all.
 */
export const listedInstitution = { listed: true } satisfies Prisma.InstitutionWhereInput;

/**
 * The same, in SQL, for an "Institution" row aliased `alias`. The column is kept by database triggers (migration
 * institution_listed) whoever writes: computed per row it cost over a second per search at world scale.
 */
export const listedInstitutionSql = (alias: string) => Prisma.sql`${Prisma.raw(`${alias}.listed`)}`;
