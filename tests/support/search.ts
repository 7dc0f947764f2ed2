// Shared by the search and profile tests: search objects built the way pages build them, and the seeded
// organizations' slugs.
import { expect } from "vitest";
import {
  parseInstitutionSearch,
  parseOrganizationSearch,
  type InstitutionSearch,
  type OrganizationSearch,
} from "@/lib/validation/search";

export type Params = Record<string, string | string[] | undefined>;

/** A search as a page would parse it from its URL (asserting it parses cleanly), with overrides such as pageSize. */
export function orgSearch(params: Params = {}, overrides: Partial<OrganizationSearch> = {}): OrganizationSearch {
  const { search, errors } = parseOrganizationSearch(params);
  expect(errors).toEqual([]);
  return { ...search, ...overrides };
}

export function institutionSearch(params: Params = {}, overrides: Partial<InstitutionSearch> = {}): InstitutionSearch {
  const { search, errors } = parseInstitutionSearch(params);
  expect(errors).toEqual([]);
  return { ...search, ...overrides };
}

export const slugs = (list: { items: { slug: string }[] }) => list.items.map((i) => i.slug);

export const UASR = "university-alliance-of-the-silk-road";
export const UABR = "university-alliance-of-belt-and-road";
export const EPU = "eurasia-pacific-uninet";
export const ANSO = "alliance-of-international-science-organizations";
export const PABSC = "pan-asian-biomedical-science-consortium";
export const M9 = "m9-collaboration-network";
export const MOU = "mou-cuhk-ningxia-medical-university";
export const PROGRAMME = "belt-and-road-greater-bay-area-chinese-medicine-training-programme";
export const FEDERATION = "belt-and-road-federation-for-health-promotion";
export const SINO_RUSSIAN = "association-of-sino-russian-medical-universities";
export const BRIMEA = "belt-and-road-international-medical-education-alliance";
export const SOUTH_ASIA = "south-and-southeast-asia-medical-education-and-service-alliance";

/** The twelve organizations in English name order. */
export const BY_NAME = [ANSO, PROGRAMME, EPU, M9, MOU, PABSC, SOUTH_ASIA, SINO_RUSSIAN, FEDERATION, BRIMEA, UABR, UASR];
