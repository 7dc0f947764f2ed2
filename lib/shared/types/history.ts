/** One approved change to a membership as the public history lists it (no names of people). */
export type PublicHistoryEntry = {
  at: string;
  action: string;
  institution: { slug: string; name: string };
  organization: { slug: string; name: string };
};
