import "server-only";
import type { Locale } from "@/i18n/routing";
import type { InstitutionSummary } from "../../shared/types/institutions";
import type { OrganizationSummary } from "../../shared/types/organizations";
import { listInstitutions } from "../institutions/list";
import { listOrganizations } from "../organizations/list";
import { REGISTRY_SEARCH_INSTITUTION_SORT } from "../../validation/search";
import { totalWording, type TotalWording } from "../../shared/total-wording";

/** How many of each kind the registry-wide search shows before its "see all" link. */
export const REGISTRY_SEARCH_PREVIEW = 5;

export type RegistrySearchResult = {
  /** `wording`: how the total is to be read (lib/shared/total-wording.ts): exact, about, at least. */
  organizations: { items: OrganizationSummary[]; total: number; wording: TotalWording };
  institutions: { items: InstitutionSummary[]; total: number; wording: TotalWording };
};

/**
 * One query over both kinds of record, for the home page's search: the first few of each from the same
 * searches the /organizations and /institutions lists run, so a "see all N" link leads to exactly those N.
 * Institutions come with the most memberships first (REGISTRY_SEARCH_INSTITUTION_SORT): "Nanjing" matches thirty
 * universities of the directory, and the one the registry lists things about is the one meant.
 */
export async function searchRegistry(q: string, locale: Locale): Promise<RegistrySearchResult> {
  const pageSize = REGISTRY_SEARCH_PREVIEW;
  const [organizations, institutions] = await Promise.all([
    listOrganizations({ q, sort: "relevance", page: 1, pageSize }, locale),
    listInstitutions({ q, sort: REGISTRY_SEARCH_INSTITUTION_SORT, page: 1, pageSize }, locale),
  ]);
  return {
    organizations: {
      items: organizations.items,
      total: organizations.total,
      wording: totalWording(organizations.estimated),
    },
    institutions: {
      items: institutions.items,
      total: institutions.total,
      wording: totalWording(institutions.estimated),
    },
  };
}
