// Client-safe: the type-ahead's answer (GET /api/v1/suggest), shared by the endpoint, the combobox and the
// duplicate warning. The shape is a published contract: other tools build on it.

export const SUGGEST_TYPES = ["organization", "institution"] as const;
export type SuggestType = (typeof SUGGEST_TYPES)[number];

/** Which of a record's names the query matched. */
export type SuggestMatchedKind = "official" | "alternate" | "former" | "acronym";

export type SuggestItem = {
  type: SuggestType;
  slug: string;
  /** The record's display name in the asked language. */
  name: string;
  /** The name text that matched (a former name, the Chinese name, the acronym…). */
  matched: string;
  matchedKind: SuggestMatchedKind;
  acronym: string | null;
  /** Institutions' country (ISO 3166-1 alpha-2); null for organizations. */
  country: string | null;
  /** The country's or region's name in the asked language, as the site names it ("Hong Kong SAR", "中国香港"). */
  countryName: string | null;
  /** The organization's or institution's kind, as stored (NETWORK, UNIVERSITY…). */
  kind: string;
  url: string;
};

export type SuggestResponse = { query: string; items: SuggestItem[] };

export const SUGGEST_MAX_LIMIT = 20;
export const SUGGEST_DEFAULT_LIMIT = 8;
export const SUGGEST_MAX_QUERY = 100;
