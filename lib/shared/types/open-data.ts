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
