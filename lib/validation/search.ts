import { z } from "zod";
import { isCountryCode } from "../shared/countries";
import { fields, institutionKinds, organizationKinds, type Vocabulary } from "../shared/vocabulary";
import { CONTROL_CHARACTER } from "./input";

export const ORGANIZATION_SORTS = ["relevance", "name", "founded-desc", "founded-asc", "members", "updated"] as const;
export const INSTITUTION_SORTS = ["name", "memberships", "country"] as const;
/** The order of the institutions the registry-wide search shows (lib/data/search/search-registry.ts) and its "see
 * all" link keeps. */
export const REGISTRY_SEARCH_INSTITUTION_SORT = "memberships" satisfies (typeof INSTITUTION_SORTS)[number];
export const PAGE_SIZE = 20;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const text = z.preprocess(
  first,
  z
    .string()
    .trim()
    .max(200, "Search text is limited to 200 characters.")
    .refine((v) => !CONTROL_CHARACTER.test(v), "Search text cannot contain control characters.")
    .optional(),
);
const optionalEnum = <V extends string>({ values }: Vocabulary<V>) =>
  z.preprocess((v) => first(v) || undefined, z.enum(values).optional());
const country = z.preprocess(
  (v) => (typeof first(v) === "string" && first(v) !== "" ? String(first(v)).toUpperCase() : undefined),
  z
    .string()
    .refine(
      (c) => /^[A-Z]{2}$/.test(c) && isCountryCode(c),
      "A country or region is its two-letter ISO code, such as HK.",
    )
    .optional(),
);
const page = z.preprocess(
  (v) => first(v) ?? "1",
  z.coerce.number().int("Page must be a whole number.").min(1, "Pages start at 1.").max(10_000),
);

export const organizationSearchSchema = z.object({
  q: text.transform((v) => v || undefined),
  kind: optionalEnum(organizationKinds),
  field: optionalEnum(fields),
  country,
  year: z.preprocess((v) => first(v) || undefined, z.coerce.number().int().min(1000).max(2999).optional()),
  sort: z.preprocess((v) => first(v) || undefined, z.enum(ORGANIZATION_SORTS).default("relevance")),
  page,
});

export type OrganizationSearch = z.infer<typeof organizationSearchSchema> & { pageSize: number };

/** Institutions with something listed (memberships, founding roles) or those the directory alone holds. */
export const INSTITUTION_COVERAGES = ["listed", "directory"] as const;

export const institutionSearchSchema = z.object({
  q: text.transform((v) => v || undefined),
  kind: optionalEnum(institutionKinds),
  country,
  coverage: z.preprocess((v) => first(v) || undefined, z.enum(INSTITUTION_COVERAGES).optional()),
  sort: z.preprocess((v) => first(v) || undefined, z.enum(INSTITUTION_SORTS).default("name")),
  page,
});

export type InstitutionSearch = z.infer<typeof institutionSearchSchema> & { pageSize: number };

type Parsed<T> = { search: T; errors: string[] };

/**
 * Read search parameters from a URL. Invalid ones are reported (and left out of the search) rather than
 * failing the page, so a visitor with a mistyped link still gets results and a clear message.
 */
function parseLenient<S extends z.ZodObject>(
  schema: S,
  params: Record<string, string | string[] | undefined>,
): { data: z.infer<S>; errors: string[] } {
  const result = schema.safeParse(params);
  if (result.success) return { data: result.data, errors: [] };
  const bad = new Set(result.error.issues.map((i) => String(i.path[0])));
  const cleaned = Object.fromEntries(Object.entries(params).filter(([k]) => !bad.has(k)));
  return { data: schema.parse(cleaned), errors: result.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`) };
}

export function parseOrganizationSearch(
  params: Record<string, string | string[] | undefined>,
): Parsed<OrganizationSearch> {
  const { data, errors } = parseLenient(organizationSearchSchema, params);
  return { search: { ...data, pageSize: PAGE_SIZE }, errors };
}

export function parseInstitutionSearch(
  params: Record<string, string | string[] | undefined>,
): Parsed<InstitutionSearch> {
  const { data, errors } = parseLenient(institutionSearchSchema, params);
  return { search: { ...data, pageSize: PAGE_SIZE }, errors };
}
