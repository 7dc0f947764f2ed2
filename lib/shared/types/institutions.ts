// An institution as its list, profile and embed widget show it (client-safe shapes; lib/data builds them).
import type { PartialDate } from "../dates";
import type { FounderRole, InstitutionKind, OrganizationKind } from "../enums";
import type { MembershipFacts, SourceRef } from "./memberships";
import type { Counting, Facet } from "./organizations";

export type InstitutionSummary = {
  slug: string;
  kind: InstitutionKind;
  name: string;
  originalName: string | null;
  country: string;
  city: string | null;
  membershipCount: number;
};

export type InstitutionList = {
  items: InstitutionSummary[];
  total: number;
  page: number;
  pageCount: number;
  estimated: Counting;
  facets: { kind: Facet; country: Facet; coverage: Facet };
};

export type Participation = MembershipFacts & {
  organization: {
    slug: string;
    name: string;
    originalName: string | null;
    acronym: string | null;
    kind: OrganizationKind;
    founded: PartialDate | null;
    introduction: string | null;
  };
  foundedBy: { slug: string; name: string; roles: FounderRole[] }[];
};

export type InstitutionProfile = InstitutionSummary & {
  names: { locale: string; name: string; kind: string }[];
  website: string | null;
  rorId: string | null;
  wikidataId: string | null;
  /** The record's own source (the page it was made from): its country and kind rest on it. */
  source: SourceRef | null;
  /** Each profile fact's source and passage (null where the fact is blank). */
  factSources: {
    name: SourceRef | null;
    city: SourceRef | null;
    website: SourceRef | null;
    rorId: SourceRef | null;
    wikidataId: SourceRef | null;
  };
  participations: Participation[];
  /** Each organization this institution helped found once, with all its roles there and their passages. */
  founded: {
    organization: { slug: string; name: string; kind: OrganizationKind };
    roles: FounderRole[];
    sources: SourceRef[];
  }[];
  people: { name: string; role: string; organization: { slug: string; name: string } }[];
  updatedAt: string;
  /** Listed in the directory of the world's universities (prisma/seed-data/world-universities/). */
  inDirectory: boolean;
  /** Its staff's email domains, as the directory lists them. */
  emailDomains: string[];
  /**
   * Whether the registry holds anything about it beyond the directory (it made the record from a source, or lists a
   * membership, a founding role, a person): a page without is kept out of search engines and the sitemap until it has.
   */
  listed: boolean;
};
