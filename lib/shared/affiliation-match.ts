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

/**
 * Whether a membership is in force on `day` (YYYY-MM-DD): joined on or before it and not ended by it, each at the
 * precision stored. Dates are kept as the first day of their period (toStoredDate), so comparing the day with that
 * first day is comparing at the stored precision: "joined 2016" is in force all of 2016, "ended 2019" on no day of
 * 2019. A membership with no known start counts from the beginning: the registry knows the institution was a
 * member, not since when.
 */
export function inForceOn(m: { joined: { iso: string } | null; ended: { iso: string } | null }, day: string): boolean {
  const start = (d: { iso: string }) =>
    [d.iso.slice(0, 4), d.iso.slice(5, 7) || "01", d.iso.slice(8, 10) || "01"].join("-");
  return (!m.joined || start(m.joined) <= day) && (!m.ended || day < start(m.ended));
}

/** The most candidates an answer lists. */
export const MATCH_MAX_ITEMS = 10;
/** A typo match is chosen only this close (trigram similarity of the folded names)… */
export const FUZZY_CHOSEN_SCORE = 0.6;
/** …and this far ahead of the next institution's score. */
export const FUZZY_CHOSEN_MARGIN = 0.15;
/** A candidate outside the country the affiliation names keeps this share of its score (and is never chosen). */
const OTHER_COUNTRY_FACTOR = 0.8;

/** An exact name inside a longer exact part ranks below it. */
const INSIDE_SCORE = 0.9;

type Candidate = Omit<MatchItem, "record"> & { record: Omit<MatchRecord, "url" | "memberships">; inCountry: boolean };

function typeOf(hit: MatchHit, part: AffiliationPart, pieces: number): MatchingType {
  if (!hit.exact) return "FUZZY";
  if (part.acronym) return "ACRONYM";
  return pieces === 1 ? "EXACT" : "PHRASE";
}

/**
 * The candidates best first, each institution once (its best hit), with at most one chosen:
 * - exact kinds (EXACT, PHRASE, ACRONYM): chosen when exactly one institution (in the named country, when the
 *   affiliation names one) has such a hit on a part no longer exact part holds ("University of London" inside
 *   "Birkbeck College, University of London" names the larger body, not the member);
 * - FUZZY, only when nothing is exact: the best is chosen when it scores ≥ 0.6, is in the named country (if any),
 *   and leads the next institution by ≥ 0.15.
 * An affiliation whose parts match no name closely chooses nothing.
 */
export function rankMatches(hits: MatchHit[], parts: AffiliationPart[], countries: string[]): Candidate[] {
  const exactKeys = [...new Set(hits.filter((h) => h.exact).map((h) => parts[h.part]?.key ?? ""))];
  const inside = (key: string) => exactKeys.some((k) => k !== key && ` ${k} `.includes(` ${key} `));
  const pieces = new Set(parts.map((p) => p.text)).size;
  const best = new Map<string, Candidate>();
  for (const hit of hits) {
    const part = parts[hit.part];
    if (!part) continue;
    const inCountry = !countries.length || countries.includes(hit.country);
    const raw = hit.exact ? (inside(part.key) ? INSIDE_SCORE : 1) : hit.similarity;
    const score = Math.round((inCountry ? raw : raw * OTHER_COUNTRY_FACTOR) * 1000) / 1000;
    const seen = best.get(hit.id);
    if (seen && seen.score >= score) continue;
    best.set(hit.id, {
      score,
      matching_type: typeOf(hit, part, pieces),
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
  const exact = ranked.filter((c) => c.matching_type !== "FUZZY" && c.inCountry && c.score === 1);
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

/** One labelled affiliation's outcome: its label (a slug, or "none") and the slug chosen (null: none). */
export type MatchOutcome = { label: string; chosen: string | null };

/**
 * Precision and recall of a labelled set: chosen = label is a true positive; chosen ≠ label, or anything chosen for
 * "none", a false positive; nothing chosen for a labelled affiliation a false negative.
 */
export function matchingQuality(outcomes: MatchOutcome[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { label, chosen } of outcomes) {
    if (chosen === null) fn += label === "none" ? 0 : 1;
    else if (chosen === label) tp++;
    else fp++;
  }
  const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : 1);
  return { strings: outcomes.length, tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}
