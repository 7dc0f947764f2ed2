import { z } from "zod";
import { isCountryCode } from "../shared/countries";
import { decodeCursor, type CursorKey } from "../open-data/cursor";
import { isSlug } from "../shared/slug";
import type { ChangePosition } from "../shared/types/changes";
import { SUGGEST_DEFAULT_LIMIT, SUGGEST_MAX_LIMIT, SUGGEST_MAX_QUERY, SUGGEST_TYPES } from "../shared/types/suggest";
import { INSTITUTION_COVERAGES } from "./search";
import {
  fields,
  institutionKinds,
  membershipRoles,
  membershipStatuses,
  organizationKinds,
  type Vocabulary,
} from "../shared/vocabulary";

// Query parameters of the read API (/api/v1). Unlike the site's lenient search, a bad parameter is a 400
// with every problem listed: an API client should learn of its mistake, not get different results.

export const API_MAX_LIMIT = 100;
export const API_DEFAULT_LIMIT = 20;

const text = z
  .string()
  .trim()
  .max(200, "q is limited to 200 characters.")
  .transform((v) => v || undefined)
  .optional();
const limit = z.coerce
  .number({ error: "limit must be a number." })
  .int("limit must be a whole number.")
  .min(1, "limit must be at least 1.")
  .max(API_MAX_LIMIT, `limit must be at most ${API_MAX_LIMIT}.`)
  .default(API_DEFAULT_LIMIT);
const cursor = z
  .string()
  .optional()
  .transform((v, ctx): CursorKey | undefined => {
    if (v === undefined) return undefined;
    const key = decodeCursor(v);
    if (!key) {
      ctx.addIssue({
        code: "custom",
        message: "cursor is not one this API issued: pass the nextCursor of the previous page unchanged.",
      });
      return z.NEVER;
    }
    return key;
  });
const country = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => /^[A-Z]{2}$/.test(c) && isCountryCode(c), "country is a two-letter ISO 3166 code, such as HK.")
  .optional();
const slug = (name: string) =>
  z.string().refine(isSlug, `${name} is a slug such as nanjing-medical-university.`).optional();
const enumOf = <V extends string>({ values }: Vocabulary<V>, name: string) =>
  z.enum(values, { error: `${name} must be one of ${values.join(", ")}.` }).optional();

export const apiOrganizationQuerySchema = z.strictObject({
  q: text,
  kind: enumOf(organizationKinds, "kind"),
  field: enumOf(fields, "field"),
  country,
  limit,
  cursor,
});

export const apiInstitutionQuerySchema = z.strictObject({
  q: text,
  kind: enumOf(institutionKinds, "kind"),
  country,
  coverage: z
    .enum(INSTITUTION_COVERAGES, { error: `coverage must be one of ${INSTITUTION_COVERAGES.join(", ")}.` })
    .optional(),
  limit,
  cursor,
});

export const apiMembershipQuerySchema = z.strictObject({
  organization: slug("organization"),
  institution: slug("institution"),
  role: enumOf(membershipRoles, "role"),
  status: enumOf(membershipStatuses, "status"),
  limit,
  cursor,
});

const ISO_MOMENT = /^\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:\d\d))?$/;

/** A position in the changes stream, as its cursor holds it: a transaction's id and an event's id. */
export function decodeChangeCursor(text: string): ChangePosition | null {
  const key = decodeCursor(text);
  return key?.every((part) => /^\d{1,19}$/.test(part)) ? { tx: key[0], id: key[1] } : null;
}

/** GET /api/v1/changes: `since` is a moment (ISO 8601, a day or a time with its zone) or a cursor it issued. */
export const apiChangesQuerySchema = z.strictObject({
  since: z
    .string()
    .optional()
    .transform((v, ctx): { after: ChangePosition } | { since: Date } | undefined => {
      if (v === undefined || v === "") return undefined;
      const at = ISO_MOMENT.test(v) ? new Date(v) : null;
      if (at && !Number.isNaN(at.getTime())) return { since: at };
      const after = decodeChangeCursor(v);
      if (after) return { after };
      ctx.addIssue({
        code: "custom",
        message:
          "since must be an ISO 8601 date or time (2026-11-30, 2026-11-30T08:00:00Z) " +
          "or the nextCursor of a previous page, unchanged.",
      });
      return z.NEVER;
    }),
  limit,
});

export type ApiChangesQuery = z.infer<typeof apiChangesQuerySchema>;

export const embedLangSchema = z.enum(["en", "zh"], { error: "lang must be en or zh." }).default("en");

export const apiInstitutionMembershipsQuerySchema = z.strictObject({ lang: embedLangSchema });
/** A record's schema.org JSON-LD: in the language of the page it describes (its names and addresses). */
export const apiRecordJsonLdQuerySchema = z.strictObject({ lang: embedLangSchema });

/** The widget's options (/embed/institutions/[slug]). */
export const embedOptionsSchema = z.object({
  lang: embedLangSchema,
  mode: z.enum(["compact", "full"], { error: "mode must be compact or full." }).default("compact"),
  theme: z.enum(["light", "dark"], { error: "theme must be light or dark." }).default("light"),
});

export type ApiOrganizationQuery = z.infer<typeof apiOrganizationQuerySchema>;
export type ApiInstitutionQuery = z.infer<typeof apiInstitutionQuerySchema>;
export type ApiMembershipQuery = z.infer<typeof apiMembershipQuerySchema>;
export type EmbedOptions = z.infer<typeof embedOptionsSchema>;

/** URLSearchParams as an object; a repeated parameter is an error rather than silently one of its values. */
export function searchParamsObject(params: URLSearchParams): { values: Record<string, string>; repeated: string[] } {
  const values: Record<string, string> = {};
  const repeated: string[] = [];
  for (const [key, value] of params) {
    if (key in values) repeated.push(key);
    values[key] = value;
  }
  return { values, repeated: [...new Set(repeated)] };
}

/**
 * Export file names: `dataset.{csv|json|jsonld}` (the CSV is the memberships table with both sides named),
 * `organizations.csv`, `institutions.csv`, and a slice's `{slug}.{format}`.
 */
export const EXPORT_TABLES = ["dataset", "organizations", "institutions"] as const;
export const EXPORT_FORMATS = ["csv", "json", "jsonld"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function parseExportFile(file: string): { name: string; format: ExportFormat } | null {
  const m = /^([a-z0-9-]{2,100})\.(csv|json|jsonld)$/.exec(file);
  if (!m) return null;
  return { name: m[1]!, format: m[2] as ExportFormat };
}

/** Endpoints without parameters still reject unknown ones (a typo should not pass silently). */
export const emptyQuerySchema = z.strictObject({});

/**
 * A download's query: `bom=1` puts a UTF-8 byte-order mark before a CSV, the only sign by which Excel reads
 * it as UTF-8 (Chinese names intact); the default file is plain UTF-8, as data-package readers expect.
 */
export const exportQuerySchema = z.strictObject({
  bom: z.literal("1", { error: "bom must be 1 (a CSV with a UTF-8 byte-order mark, for Excel)." }).optional(),
});

/** The type-ahead's query (GET /api/v1/suggest): the text is required, as the endpoint suggests nothing else. */
export const apiSuggestQuerySchema = z.strictObject({
  q: z
    .string({ error: "q is required: the text typed so far." })
    .trim()
    .min(1, "q is required: the text typed so far.")
    .max(SUGGEST_MAX_QUERY, `q is limited to ${SUGGEST_MAX_QUERY} characters.`),
  type: z.enum(SUGGEST_TYPES, { error: "type must be organization or institution." }).optional(),
  locale: z.enum(["en", "zh"], { error: "locale must be en or zh." }).default("en"),
  limit: z.coerce
    .number({ error: "limit must be a number." })
    .int("limit must be a whole number.")
    .min(1, "limit must be at least 1.")
    .max(SUGGEST_MAX_LIMIT, `limit must be at most ${SUGGEST_MAX_LIMIT}.`)
    .default(SUGGEST_DEFAULT_LIMIT),
});

export type ApiSuggestQuery = z.infer<typeof apiSuggestQuerySchema>;
