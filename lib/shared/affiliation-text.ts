// Reading an affiliation as papers and forms write it ("Dept. of Surgery, Nanjing Med. Univ., Nanjing 211166,
// China") into the parts worth looking up, before the database compares them with institution names
// (lib/data/open/match.ts). Client-safe and free of the database, so the rules can be tested alone.
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";

countries.registerLocale(en);

/** The longest affiliation the endpoint reads: the longest real ones (several departments) stay far under it. */
export const AFFILIATION_MAX_CHARS = 500;

/** The most comma-separated parts read (the first ones). */
export const AFFILIATION_MAX_PARTS = 12;

/**
 * Abbreviations of the words institution names are made of, folded (lower case, no dot). Only words that stand
 * for one thing: "St." (Saint or State) and "U." (a university or an initial) are left as written.
 */
const ABBREVIATIONS: Record<string, string> = {
  univ: "university",
  uni: "university",
  univer: "university",
  med: "medical",
  inst: "institute",
  instit: "institute",
  sci: "science",
  tech: "technology",
  technol: "technology",
  coll: "college",
  natl: "national",
  hosp: "hospital",
  acad: "academy",
  polytech: "polytechnic",
  intl: "international",
  int: "international",
  agric: "agricultural",
  agr: "agricultural",
  engn: "engineering",
  eng: "engineering",
  dept: "department",
  fac: "faculty",
  sch: "school",
  ctr: "center",
  lab: "laboratory",
  res: "research",
  educ: "education",
};

/** Countries as affiliations name them where the ISO names differ. */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: "US",
  "u s a": "US",
  us: "US",
  "united states of america": "US",
  uk: "GB",
  "u k": "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "great britain": "GB",
  "pr china": "CN",
  "p r china": "CN",
  prc: "CN",
  "people s republic of china": "CN",
  "peoples republic of china": "CN",
  korea: "KR",
  "south korea": "KR",
  "republic of korea": "KR",
  "hong kong sar": "HK",
  "hong kong": "HK",
  macau: "MO",
  russia: "RU",
  iran: "IR",
  vietnam: "VN",
  taiwan: "TW",
  "czech republic": "CZ",
  turkey: "TR",
};

/**
 * Words half the institutions' names are made of. The typo search looks a part up by its other words (a rare word's
 * trigrams lead the index to a few names, "university"'s to half of them), then ranks by the whole part.
 */
const COMMON_WORDS = new Set(
  (
    "university universities college institute of the and for in at de la del der des di du da do e y et und " +
    "national state technology technological technical science sciences medical medicine school academy " +
    "international universidad universite université universidade universität universita università " +
    "universitas universiteit hochschule instituto institut faculty department polytechnic engineering " +
    "management education research center centre hospital studies arts health business applied higher " +
    "community open private public catholic islamic federal city central"
  ).split(" "),
);

/** The common words long enough that a one- or two-letter slip in them is still recognisable. */
const LONG_COMMON_WORDS = [...COMMON_WORDS].filter((w) => w.length >= 6);

/**
 * Whether `a` is within one edit of `b` (a letter added, left out, changed, or two neighbours swapped): "universiyt",
 * "univesity" and "uiversity" are "university" typed in a hurry, and as common as it for the index.
 */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return a === b;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length)
    return (
      a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    );
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const isCommonWord = (w: string) =>
  COMMON_WORDS.has(w) || (w.length >= 5 && LONG_COMMON_WORDS.some((c) => withinOneEdit(w, c)));

/**
 * A part's words other than the common ones (a mistyped common word is still common: looked up, "universiyt" led the
 * index to every university of the world database, 650 ms), longest first ("" when it has none).
 */
export function distinctiveWords(key: string): string {
  return key
    .split(" ")
    .filter((w) => w.length > 1 && !isCommonWord(w))
    .sort((a, b) => b.length - a.length)
    .join(" ");
}

/**
 * For each part, the words its typo lookup goes by, or null when it is only taken exactly: acronyms and parts as
 * written (three capitals are close to anything); departments, unless the affiliation has nothing else ("Department
 * of Surgery" is close to many a name); a single word ("Beijing", "Paris") or a part with a number (a street, a
 * postcode left over), a place far more often than a mistyped name; a part of common words only; and every part
 * after the first `max` looked up (each lookup is one trigram index scan, 10–15 ms on the world database).
 */
export function typoLookupWords(parts: readonly AffiliationPart[], max: number): (string | null)[] {
  const unitsOnly = parts.every((p) => p.unit);
  let lookups = 0;
  return parts.map((p) => {
    if (p.acronym || p.asWritten || (p.unit && !unitsOnly)) return null;
    if (!p.key.includes(" ") || /\d/.test(p.key)) return null;
    const words = distinctiveWords(p.key);
    return words && lookups++ < max ? words : null;
  });
}

/** Words that make a part a department or a unit of an institution rather than the institution itself. */
const UNIT_WORDS = new RegExp(
  "^(department|division|faculty|school of|laboratory|key laboratory|center for|centre for|section|unit|program|" +
    "graduate school)\\b",
);

/** Case and punctuation set aside, as the database's atlas_fold compares names (accents are the typo search's). */
export function foldAffiliation(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Every abbreviation of the list written out ("nanjing med univ" → "nanjing medical university"). */
export function expandAbbreviations(folded: string): string {
  return folded
    .split(" ")
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(" ");
}

/** A leading or trailing "the" set aside: "The University of Hong Kong" and "university of hong kong the". */
export function withoutThe(folded: string): string {
  return folded.replace(/^the /, "").replace(/ the$/, "");
}

/** The country code a part names ("China", "P.R. China", "USA"), or null. Two-letter codes other than US/UK are
 * not countries here: "Boston, MA, USA" writes a state there. */
export function countryOf(part: string): string | null {
  const f = foldAffiliation(part);
  if (!f) return null;
  const alias = COUNTRY_ALIASES[f];
  if (alias) return alias;
  if (f.length <= 3) return null;
  return countries.getAlpha2Code(f, "en") ?? null;
}

export type AffiliationPart = {
  /** As written (trimmed): the `substring` of the answer. */
  text: string;
  /** Folded, abbreviations written out, "The" aside: what the database compares. */
  key: string;
  /** Looks like an acronym (2–8 capital letters as written). */
  acronym: boolean;
  /** A department, faculty or laboratory: looked up exactly, never for typos (unless nothing else is there). */
  unit: boolean;
  /** The part as written, abbreviations kept, after its written-out key: looked up exactly only. */
  asWritten: boolean;
};

export type ParsedAffiliation = { parts: AffiliationPart[]; countries: string[] };

/** A part's digits aside (postcodes, street numbers): "Nanjing 211166" → "Nanjing". */
const withoutNumbers = (text: string) =>
  text
    .replace(/\b[A-Z]{0,2}-?\d[\d\s-]*\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * The parts an affiliation is made of: split at commas, semicolons, slashes, brackets, spaced dashes and line
 * breaks; countries kept apart (they narrow the match); numbers, and parts left empty without them, dropped. Each
 * neighbouring pair is a part too ("University of California, Berkeley" is one name with a comma in it).
 */
export function parseAffiliation(text: string): ParsedAffiliation {
  const pieces = text
    .split(/[,;|\n\r]+|\s+[-–]\s+|\s*\/\s*|\(|\)/)
    .map((p) => p.trim())
    .filter(Boolean);
  const found: string[] = [];
  const kept: string[] = [];
  for (const piece of pieces) {
    const country = countryOf(piece);
    if (country) {
      if (!found.includes(country)) found.push(country);
      continue;
    }
    const words = withoutNumbers(piece);
    if (foldAffiliation(words).replace(/ /g, "").length >= 2) kept.push(words);
  }
  const parts: AffiliationPart[] = [];
  const seen = new Set<string>();
  const add = (written: string) => {
    const folded = withoutThe(foldAffiliation(written));
    // Written out and as written: "Ontario Tech University" is a name with its abbreviation in it.
    const keys = [withoutThe(expandAbbreviations(folded)), folded];
    keys.forEach((key, i) => {
      if (!key || seen.has(key)) return;
      seen.add(key);
      parts.push({
        text: written,
        key,
        acronym: /^[A-Z][A-Z&]{1,7}$/.test(written),
        unit: UNIT_WORDS.test(key),
        asWritten: i === 1,
      });
    });
  };
  // Real affiliations have a handful of parts; a list of fifty is not one affiliation, and costs a lookup a part.
  const read = kept.slice(0, AFFILIATION_MAX_PARTS);
  for (const piece of read) add(piece);
  for (let i = 0; i + 1 < read.length; i++) add(`${read[i]}, ${read[i + 1]}`);
  // Chinese and Hong Kong institutions are both written "…, China".
  const codes = found.includes("CN") ? [...found, "HK", "MO"] : found;
  return { parts, countries: [...new Set(codes)] };
}
