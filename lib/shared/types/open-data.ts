import type { PartialDate } from "../dates";
import type { OrganizationKind } from "../enums";

/** A dated snapshot of the open data: its manifest, as written beside the files and listed on /data. */
export type ReleaseManifest = {
  date: string;
  createdAt: string;
  license: { id: string; name: string; url: string };
  counts: { organizations: number; institutions: number; memberships: number };
  files: { name: string; bytes: number; sha256: string; mediaType: string }[];
};

/** The registry's size for /data, and how many memberships Wikidata could take (both sides have an item). */
export type OpenDataCounts = {
  organizations: number;
  institutions: number;
  memberships: number;
  wikidataReady: number;
};

/** The home page's figures: counts, the newest organizations and the latest changes. */
export type RegistryOverview = {
  counts: { organizations: number; institutions: number; memberships: number; countries: number; sources: number };
  newest: { slug: string; name: string; kind: OrganizationKind; founded: PartialDate | null }[];
  recentlyUpdated: {
    institution: { slug: string; name: string };
    organization: { slug: string; name: string };
    updatedAt: string;
  }[];
};
