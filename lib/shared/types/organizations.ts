// An organization as its list, card and profile show it (client-safe shapes; lib/data builds them).
import type { PartialDate } from "../dates";
import type { CountQualifier, CountSubject, Field, FounderRole, OrganizationKind } from "../enums";
import type { MembershipFacts, SourceRef } from "./memberships";

export type OrganizationSummary = {
  slug: string;
  kind: OrganizationKind;
  name: string;
  originalName: string | null;
  acronym: string | null;
  founded: PartialDate | null;
  fields: Field[];
  countries: string[];
  memberCount: number;
  updatedAt: string;
};

export type Facet<T extends string | number = string> = { value: T; count: number }[];

/**
 * How a list's counts were made (lib/data/search/estimate.ts): `facets` and `total` counted in a sample and
 * rounded; `atLeast`: the close spellings of a word no name holds were cut at a limit, so the total and the facets
 * count at least that many.
 */
export type Counting = { total: boolean; facets: boolean; atLeast: boolean };

export type OrganizationList = {
  items: OrganizationSummary[];
  total: number;
  page: number;
  pageCount: number;
  estimated: Counting;
  facets: { kind: Facet; country: Facet; field: Facet; year: Facet<number> };
};

export type MemberRow = MembershipFacts & {
  institution: { slug: string; name: string; originalName: string | null; country: string; kind: string };
};

export type OrganizationName = {
  locale: string;
  name: string;
  acronym: string | null;
  kind: string;
  validFrom: PartialDate | null;
  validUntil: PartialDate | null;
  source: SourceRef | null;
};

export type DeclaredCount = {
  subject: CountSubject;
  qualifier: CountQualifier;
  value: number;
  previousValue: number | null;
  countryCount: number | null;
  countries: string[];
  countriesComplete: boolean;
  asOf: PartialDate | null;
  source: SourceRef | null;
};

export type OrganizationProfile = OrganizationSummary & {
  names: OrganizationName[];
  introduction: string | null;
  introductionLocale: string | null;
  introductionSource: SourceRef | null;
  foundedSource: SourceRef | null;
  website: string | null;
  /** What the website rests on, once a change cited a source for it (null for the seed's websites). */
  websiteSource: SourceRef | null;
  parent: { slug: string; name: string } | null;
  children: { slug: string; name: string; kind: OrganizationKind }[];
  /** Each founding institution once, with all the roles the sources give it and their passages. */
  founders: {
    institution: { slug: string; name: string; country: string; kind: string };
    roles: FounderRole[];
    sources: SourceRef[];
  }[];
  declaredCounts: DeclaredCount[];
  people: {
    name: string;
    role: string;
    description: string | null;
    institution: { slug: string; name: string } | null;
    source: SourceRef | null;
  }[];
  members: MemberRow[];
  createdAt: string;
  wikidataId: string | null;
};
