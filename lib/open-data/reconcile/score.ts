import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import zh from "i18n-iso-countries/langs/zh.json";
import type { ReconcileProperty } from "./input";
import type { MatchPropertyId } from "./service";

countries.registerLocale(en);
countries.registerLocale(zh);

// How a reconciliation candidate is scored. The name decides the start (how the type-ahead matched it); each
// property the query gives that the candidate agrees with raises the score, each it contradicts lowers it, and
// a property the candidate has no fact for (an organization has no country) changes nothing.

/** The start of a score by how the name matched: exact (any name, acronym, former name), prefix, word prefix,
 * substring, typo. */
export const NAME_SCORES = [100, 85, 75, 65, 50] as const;

/** What agreeing and contradicting each property is worth. A contradicted country or domain weighs more than an
 * agreeing one: namesakes usually agree on the name and differ there. */
export const PROPERTY_WEIGHTS: Record<MatchPropertyId, { agree: number; disagree: number }> = {
  country: { agree: 10, disagree: -35 },
  kind: { agree: 5, disagree: -15 },
  website: { agree: 15, disagree: -25 },
  member_of: { agree: 15, disagree: -20 },
};

/** `match: true` for a non-exact name needs this score and this lead over the next candidate. */
export const CONFIDENT_SCORE = 95;
export const CONFIDENT_MARGIN = 15;

export type CandidateFacts = {
  id: string;
  name: string;
  /** 0 exact … 4 typo, as suggestRanked ranks it. */
  tier: number;
  country: string | null;
  kind: string;
  /** The website's host and the staff email domains, lower case, without `www.`. */
  domains: string[];
  /** The organizations it is a member of: ids and folded names and acronyms. Null where it does not apply. */
  memberOf: { ids: string[]; names: string[] } | null;
};

export type Feature = { id: string; value: boolean | number };
export type ScoredCandidate = { facts: CandidateFacts; score: number; features: Feature[]; contradicted: boolean };

/** Lower case, accents and everything but letters and digits dropped ("Hong-Kong" = "hong kong" = "HongKong"). */
export function foldText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

const COUNTRY_ALIASES: Record<string, string> = {
  hongkongsar: "HK",
  hongkong: "HK",
  macaosar: "MO",
  macao: "MO",
  macau: "MO",
  taiwan: "TW",
  southkorea: "KR",
  korea: "KR",
  uk: "GB",
  unitedkingdom: "GB",
  usa: "US",
  us: "US",
  unitedstates: "US",
  russia: "RU",
  中国: "CN",
  中国香港: "HK",
  中国澳门: "MO",
};

/** A country as a spreadsheet gives it (ISO code, English or Chinese name) → ISO 3166-1 alpha-2, else null. */
export function countryCode(value: string): string | null {
  const trimmed = value.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && countries.isValid(trimmed.toUpperCase())) return trimmed.toUpperCase();
  const alias = COUNTRY_ALIASES[foldText(trimmed)];
  if (alias) return alias;
  return countries.getAlpha2Code(trimmed, "en") ?? countries.getAlpha2Code(trimmed, "zh") ?? null;
}

/** A website, bare domain or email address → its domain, lower case, without `www.`; null when none. */
export function domainOf(value: string): string | null {
  let s = value.trim().toLowerCase();
  const at = s.lastIndexOf("@");
  if (at >= 0) s = s.slice(at + 1);
  s = s
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/[/?#:].*$/, "")
    .replace(/^www\./, "")
    .replace(/\.$/, "");
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(s) ? s : null;
}

const sameOrSub = (a: string, b: string) => a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);

/** Whether the candidate agrees (true), contradicts (false) or cannot say (null) for one property. */
function compare(property: ReconcileProperty, facts: CandidateFacts): boolean | null {
  switch (property.pid) {
    case "country": {
      const codes = property.values.map(countryCode).filter((c): c is string => c !== null);
      if (!codes.length || !facts.country) return null;
      return codes.includes(facts.country);
    }
    case "kind": {
      const kinds = property.values.map((v) =>
        v
          .trim()
          .toUpperCase()
          .replace(/[\s-]+/g, "_"),
      );
      return kinds.includes(facts.kind);
    }
    case "website": {
      const domains = property.values.map(domainOf).filter((d): d is string => d !== null);
      if (!domains.length || !facts.domains.length) return null;
      return domains.some((d) => facts.domains.some((f) => sameOrSub(d, f)));
    }
    case "member_of": {
      if (!facts.memberOf) return null;
      const { ids, names } = facts.memberOf;
      return property.values.some((v) => ids.includes(v.trim()) || names.includes(foldText(v)));
    }
  }
}

/** Scores every candidate for the query's properties, best first (score, then how the name matched). */
export function scoreCandidates(candidates: CandidateFacts[], properties: ReconcileProperty[]): ScoredCandidate[] {
  const scored = candidates.map((facts) => {
    const name: number = NAME_SCORES[facts.tier] ?? NAME_SCORES[4];
    let score = name;
    let contradicted = false;
    const features: Feature[] = [{ id: "name", value: name }];
    for (const property of properties) {
      const agrees = compare(property, facts);
      if (agrees === null) continue;
      const weight = PROPERTY_WEIGHTS[property.pid];
      score += agrees ? weight.agree : weight.disagree;
      contradicted ||= !agrees;
      features.push({ id: property.pid, value: agrees });
    }
    return { facts, score: Math.max(0, Math.min(100, score)), features, contradicted };
  });
  return scored.sort((a, b) => b.score - a.score || a.facts.tier - b.facts.tier);
}

/**
 * Whether the best candidate is certain (`match: true`). Either its name matches exactly (a name in any
 * language, an acronym or a former name), nothing the query gives contradicts it, and no other uncontradicted
 * candidate matches exactly; or, for a name that matched less than exactly, its properties bring it to
 * CONFIDENT_SCORE with a lead of CONFIDENT_MARGIN over the next.
 */
export function isConfident(scored: ScoredCandidate[]): boolean {
  const [best, next] = scored;
  if (!best || best.contradicted) return false;
  if (best.facts.tier === 0) {
    return !scored.some((c) => c !== best && c.facts.tier === 0 && !c.contradicted);
  }
  return best.score >= CONFIDENT_SCORE && (!next || best.score - next.score >= CONFIDENT_MARGIN);
}
