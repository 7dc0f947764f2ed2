// Client-safe: an organization found similar to a proposed one (lib/data/organizations/similar-organizations.ts).
import type { PartialDate } from "../dates";
import type { MembershipRole } from "../enums";

/** What made it similar: one of its names (current or alternate), a former name, or its acronym. */
export type SimilarityMatch = "name" | "formerName" | "acronym";

export type SimilarOrganization = {
  slug: string;
  /** Its name in the reader's language. */
  name: string;
  acronym: string | null;
  matched: SimilarityMatch;
  /** The name or acronym that matched, as stored. */
  matchedText: string;
  /** Trigram similarity of the normalized names, 0–1 (1 for an equal acronym). */
  score: number;
  /** One of its names is the proposed name itself, but for case and spacing. */
  sameName: boolean;
  /** The proposing institution's membership in it, if it has one. */
  membership: { id: string; role: MembershipRole; joined: PartialDate | null } | null;
};
