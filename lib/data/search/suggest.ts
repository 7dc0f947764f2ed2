import "server-only";
import type { Locale } from "@/i18n/routing";
import { countryName } from "../../shared/countries";
import { ValidationError } from "../../shared/errors";
import {
  SUGGEST_MAX_LIMIT,
  SUGGEST_TYPES,
  type SuggestItem,
  type SuggestMatchedKind,
  type SuggestType,
} from "../../shared/types/suggest";
import { db, suggestDb } from "../db";
import { suggestQuery } from "./suggest-sql";

// The one type-ahead of the portal (organizations and institutions, every name in every language, acronyms,
// former names, typos), behind GET /api/v1/suggest, the combobox and the no-JavaScript resolution of a
// typed name. Public, approved data only: it takes no actor.

export type SuggestOptions = { q: string; types?: readonly SuggestType[]; locale: Locale; limit: number };

/** An item with how well it matched: 0 exact name or acronym, 1 prefix, 2 word prefix, 3 substring, 4 typo. */
export type RankedSuggestion = SuggestItem & { tier: number };

type Row = {
  type: SuggestType;
  tier: number;
  matched: string;
  matchedKind: SuggestMatchedKind;
  slug: string;
  name: string;
  acronym: string | null;
  country: string | null;
  kind: string;
};

/** The query folded as the indexes fold names (atlas_fold), by PostgreSQL itself so both sides agree. */
async function fold(q: string): Promise<string> {
  const [row] = await suggestDb().$queryRaw<{ f: string | null }[]>`SELECT atlas_fold(${q}) AS f`;
  return row?.f ?? "";
}

/** Records whose names match `q`, best first (exact > prefix > word prefix > substring > typo; ties by name). */
export async function suggestRanked({ q, types, locale, limit }: SuggestOptions): Promise<RankedSuggestion[]> {
  const f = await fold(q);
  if (!f) return [];
  const chosen = types?.length ? types : SUGGEST_TYPES;
  const rows = await suggestDb().$queryRaw<Row[]>(suggestQuery(f, chosen, limit, locale === "zh"));
  return rows.map((r) => ({
    type: r.type,
    slug: r.slug,
    name: r.name,
    matched: r.matched,
    matchedKind: r.matchedKind,
    acronym: r.acronym,
    country: r.country,
    countryName: r.country ? countryName(r.country, locale) : null,
    kind: r.kind,
    url: `/${locale}/${r.type === "organization" ? "organizations" : "institutions"}/${r.slug}`,
    tier: Number(r.tier),
  }));
}

/** The type-ahead's items (the public contract of /api/v1/suggest). */
export async function suggest(options: SuggestOptions): Promise<SuggestItem[]> {
  return (await suggestRanked(options)).map(({ tier: _tier, ...item }) => item);
}

/** How many candidates an unresolved name lists. */
const CANDIDATES = 5;

const label = (s: SuggestItem) => (s.acronym && s.acronym !== s.name ? `${s.name} (${s.acronym})` : s.name);

/** What a picker says when a typed name settles nothing, per kind of record (translated: validation.answers). */
const CHOICE_TEXTS = {
  organization: {
    fromList: "Choose an organization from the list.",
    twice: (typed: string, candidates: string) =>
      `More than one organization is named “${typed}”: type one of these exactly: ${candidates}.`,
    none: (typed: string) => `No organization in the registry is named “${typed}”.`,
    notExact: (typed: string, candidates: string) =>
      `No organization is named exactly “${typed}”: type one of these exactly: ${candidates}.`,
  },
  institution: {
    fromList: "Choose an institution from the list.",
    twice: (typed: string, candidates: string) =>
      `More than one institution is named “${typed}”: type one of these exactly: ${candidates}.`,
    none: (typed: string) => `No institution in the registry is named “${typed}”.`,
    notExact: (typed: string, candidates: string) =>
      `No institution is named exactly “${typed}”: type one of these exactly: ${candidates}.`,
  },
} as const;

/**
 * The record a form names: `slug` as chosen from the suggestions, `text` as typed. A chosen slug counts while the
 * text is empty or still one of that record's names (a browser without JavaScript keeps a slug a link prefilled
 * even when the person then types another name). Otherwise the typed text decides: one record whose name or
 * acronym, in any language, equals it (case and punctuation aside) is taken; else a validation error on `field`
 * lists up to five candidates to type exactly.
 */
export async function resolveRecordChoice(
  type: SuggestType,
  choice: { slug: string; text: string },
  locale: Locale,
  field: string,
): Promise<string> {
  const say = CHOICE_TEXTS[type];
  const typed = choice.text.trim();
  if (choice.slug && !typed) return choice.slug;
  const found = typed ? await suggestRanked({ q: typed, types: [type], locale, limit: SUGGEST_MAX_LIMIT }) : [];
  const exact = found.filter((s) => s.tier === 0);
  if (choice.slug && exact.some((s) => s.slug === choice.slug)) return choice.slug;
  if (exact.length === 1) return exact[0]!.slug;
  const candidates = (exact.length ? exact : found).slice(0, CANDIDATES).map(label).join("; ");
  const fail = (message: string) => new ValidationError(message, { [field]: [message] });
  if (!typed) throw fail(say.fromList);
  if (exact.length > 1) throw fail(say.twice(typed, candidates));
  if (!candidates) throw fail(say.none(typed));
  throw fail(say.notExact(typed, candidates));
}

/** resolveRecordChoice for the organization picker of a new membership. */
export function resolveOrganizationChoice(choice: { slug: string; text: string }, locale: Locale, field: string) {
  return resolveRecordChoice("organization", choice, locale, field);
}

/** An organization a link names (`?organization=slug`), to show chosen in the picker; null when unknown. */
export async function getOrganizationChoice(
  slug: string,
  locale: Locale,
): Promise<{ slug: string; name: string } | null> {
  const row = await db().organization.findUnique({
    where: { slug },
    select: { slug: true, sortNameEn: true, sortNameZh: true },
  });
  if (!row) return null;
  return { slug: row.slug, name: (locale === "zh" && row.sortNameZh) || row.sortNameEn };
}
