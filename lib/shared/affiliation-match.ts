// The answer of GET /api/v1/match (shaped as ROR's affiliation endpoint answers) and the rule that ranks the
// database's hits and chooses at most one of them. Client-safe and pure: lib/data/open/match.ts finds the hits.
import type { AffiliationPart } from "./affiliation-text";

/**
 * How a candidate matched, after ROR's vocabulary (the ones this registry implements):
 * - EXACT: the whole affiliation, read as one name (abbreviations written out, case, punctuation and "The" aside),
 *   is one of the institution's names;
 * - PHRASE: one part of it (or two neighbouring parts, for names with a comma) is one of its names;
 * - ACRONYM: a part written in capitals ("MIT") is one of its names;
 * - FUZZY: a part is close to one of its names (trigram similarity, for typos and variants), when no part is exact.
 */
export const MATCHING_TYPES = ["EXACT", "PHRASE", "ACRONYM", "FUZZY"] as const;
export type MatchingType = (typeof MATCHING_TYPES)[number];

/** A membership of the record in force on the asked date. */
export type MatchMembership = {
  organization: { slug: string; name: string };
  role: string;
  status: string;
  joined: { iso: string; precision: string } | null;
  ended: { iso: string; precision: string } | null;
};

export type MatchRecord = {
  id: string;
  slug: string;
  /** Always "institution": the registry matches affiliations to institutions. */
  type: "institution";
  /** The institution's kind as stored (UNIVERSITY, RESEARCH_INSTITUTE…). */
  kind: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  url: string;
  /** Only with `date`: the memberships in force that day. */
  memberships?: MatchMembership[];
};

export type MatchItem = {
  score: number;
  matching_type: MatchingType;
  chosen: boolean;
  /** The part of the affiliation that matched, as written. */
  substring: string;
  record: MatchRecord;
};

export type MatchResponse = { affiliation: string; date: string | null; number_of_results: number; items: MatchItem[] };

/** One name of one institution the database found for one part of the affiliation. */
export type MatchHit = {
  part: number;
  id: string;
  slug: string;
  kind: string;
  name: string;
  country: string;
  exact: boolean;
  similarity: number;
};

/** The most candidates an answer lists. */
export const MATCH_MAX_ITEMS = 10;
/** A typo match is chosen only this close (trigram similarity of the folded names)… */
export const FUZZY_CHOSEN_SCORE = 0.7;
/** …and this far ahead of the next institution's score. */
export const FUZZY_CHOSEN_MARGIN = 0.1;
/** A candidate outside the country the affiliation names keeps this share of its score (and is never chosen). */
const OTHER_COUNTRY_FACTOR = 0.8;

type Candidate = Omit<MatchItem, "record"> & { record: Omit<MatchRecord, "url" | "memberships">; inCountry: boolean };

function typeOf(hit: MatchHit, part: AffiliationPart, parts: number): MatchingType {
  if (!hit.exact) return "FUZZY";
  if (part.acronym) return "ACRONYM";
  return parts === 1 ? "EXACT" : "PHRASE";
}

/**
 * The candidates best first, each institution once (its best hit), with at most one chosen:
 * - exact kinds (EXACT, PHRASE, ACRONYM): chosen when exactly one institution (in the named country, when the
 *   affiliation names one) has such a hit;
 * - FUZZY, only when nothing is exact: the best is chosen when it scores ≥ 0.7, is in the named country (if any),
 *   and leads the next institution by ≥ 0.1.
 * An affiliation whose parts match no name closely chooses nothing.
 */
export function rankMatches(hits: MatchHit[], parts: AffiliationPart[], countries: string[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const hit of hits) {
    const part = parts[hit.part];
    if (!part) continue;
    const inCountry = !countries.length || countries.includes(hit.country);
    const raw = hit.exact ? 1 : hit.similarity;
    const score = Math.round((inCountry ? raw : raw * OTHER_COUNTRY_FACTOR) * 1000) / 1000;
    const seen = best.get(hit.id);
    if (seen && seen.score >= score) continue;
    best.set(hit.id, {
      score,
      matching_type: typeOf(hit, part, parts.length),
      chosen: false,
      substring: part.text,
      record: { id: hit.id, slug: hit.slug, type: "institution", kind: hit.kind, name: hit.name, country: hit.country },
      inCountry,
    });
  }
  const ranked = [...best.values()].sort(
    (a, b) =>
      b.score - a.score || Number(b.inCountry) - Number(a.inCountry) || a.record.slug.localeCompare(b.record.slug),
  );
  const exact = ranked.filter((c) => c.matching_type !== "FUZZY" && c.inCountry);
  if (exact.length === 1) exact[0]!.chosen = true;
  else if (!exact.length && !ranked.some((c) => c.matching_type !== "FUZZY")) {
    const [first, second] = ranked;
    if (
      first?.inCountry &&
      first.score >= FUZZY_CHOSEN_SCORE &&
      (!second || first.score - second.score >= FUZZY_CHOSEN_MARGIN)
    )
      first.chosen = true;
  }
  return ranked.slice(0, MATCH_MAX_ITEMS);
}
