import institutions from "../../prisma/seed-data/institutions.json";
import { buildDirectory, readDirectoryList } from "../../prisma/directory/entries";

/**
 * How many institutions the seeded database holds: the seed's own and the directory's others (prisma/directory/;
 * the directory's entries for the seed's institutions are matched to them, not added).
 */
export function seededInstitutionCount(): number {
  const { list, corrections } = readDirectoryList();
  return institutions.length + buildDirectory(list, corrections).filter((r) => !r.registrySlug).length;
}
