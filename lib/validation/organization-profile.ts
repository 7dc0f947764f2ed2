// An organization's profile as its secretariat proposes it (issue 16): names and former names, founders with their
// roles, declared counts with their dates, introduction, website. Shared by the form and the server; the lists come
// from numbered form fields (values.formerNames.0.name), each with a few blank rows that are left out when blank.
import { z } from "zod";
import type { PartialDate } from "../shared/dates";
import { baseVersion, nullableUrl, optionalText, partialDate } from "./fields";
import { profileCitationSchema } from "./institutions";
import { say } from "./say";

export const FOUNDER_ROLES = [
  "FOUNDER",
  "INITIATOR",
  "PROPOSER",
  "CO_SPONSOR",
  "CONVENER",
  "SUPPORTER",
  "SIGNATORY",
  "ORGANIZER",
] as const;
export const COUNT_SUBJECTS = ["MEMBERS", "FOUNDING_MEMBERS", "INITIATORS"] as const;
export const COUNT_QUALIFIERS = ["EXACTLY", "OVER", "ABOUT", "AT_LEAST"] as const;
export const NAME_LOCALES = ["en", "zh"] as const;

/** At most this many rows of each list in one proposal (UABR's founders are 47 universities). */
export const MAX_PROFILE_ROWS = 60;

/** A date field that may be left out (an API client) or blank (a form): none. */
const optionalDate = partialDate.optional().transform((v): PartialDate | null => v ?? null);
const text = (max: number) => z.string().trim().max(max).optional().default("");

/** Numbered rows (a form's values.list.0.field, …) as a list in their order, blank rows left out. */
function rows<T extends z.ZodType>(row: T) {
  return z
    .record(z.string().regex(/^\d{1,2}$/), row)
    .optional()
    .default({})
    .transform((byIndex) =>
      Object.keys(byIndex)
        .sort((a, b) => Number(a) - Number(b))
        .map((k) => byIndex[k] as z.infer<T>)
        .filter((r): r is NonNullable<z.infer<T>> => r !== null),
    )
    .refine((list) => list.length <= MAX_PROFILE_ROWS, say("tooManyRows"));
}

const formerNameRow = z
  .object({ name: text(300), locale: z.enum(NAME_LOCALES).optional().default("en"), validUntil: optionalDate })
  .superRefine((r, ctx) => {
    if (!r.name && r.validUntil) ctx.addIssue({ code: "custom", path: ["name"], message: say("formerName") });
  })
  .transform((r) => (r.name ? { locale: r.locale, name: r.name, validUntil: r.validUntil } : null));

const founderRow = z
  .object({
    institution: text(300),
    institutionSlug: text(200),
    role: z
      .union([z.enum(FOUNDER_ROLES), z.literal("")])
      .optional()
      .default(""),
  })
  .superRefine((r, ctx) => {
    if ((r.institution || r.institutionSlug) && !r.role)
      ctx.addIssue({ code: "custom", path: ["role"], message: say("founderRole") });
  })
  .transform((r) =>
    r.institution || r.institutionSlug
      ? { institution: r.institution, institutionSlug: r.institutionSlug, role: r.role as FounderRoleValue }
      : null,
  );

const countRow = z
  .object({
    // Not "subject": that field name is the discrepancy report's hidden one (messages: validation.fields).
    countSubject: z
      .union([z.enum(COUNT_SUBJECTS), z.literal("")])
      .optional()
      .default(""),
    qualifier: z.enum(COUNT_QUALIFIERS).optional().default("EXACTLY"),
    value: z
      .string()
      .trim()
      .max(12)
      .optional()
      .default("")
      .refine((v) => v === "" || /^\d{1,9}$/.test(v), say("countValue")),
    asOf: optionalDate,
  })
  .superRefine((r, ctx) => {
    if (r.value && !r.countSubject)
      ctx.addIssue({ code: "custom", path: ["countSubject"], message: say("countSubject") });
    if (!r.value && r.asOf) ctx.addIssue({ code: "custom", path: ["value"], message: say("countValue") });
  })
  .transform((r) =>
    r.value
      ? { subject: r.countSubject as CountSubjectValue, qualifier: r.qualifier, value: Number(r.value), asOf: r.asOf }
      : null,
  );

export type FounderRoleValue = (typeof FOUNDER_ROLES)[number];
export type CountSubjectValue = (typeof COUNT_SUBJECTS)[number];

/** The profile's fields as the form sends them (founders still named as typed or chosen). */
export const organizationSideProfileSchema = z.object({
  nameEn: z.string().trim().min(3, say("englishName")).max(300),
  nameZh: optionalText(300),
  acronym: optionalText(30),
  website: nullableUrl,
  // A browser sends a textarea's line breaks as CRLF: as stored (LF), an untouched introduction is unchanged.
  introduction: z
    .string()
    .max(5000)
    .transform((v) => v.replace(/\r\n?/g, "\n"))
    .pipe(optionalText(5000)),
  introductionLocale: z.enum(NAME_LOCALES).optional().default("en"),
  formerNames: rows(formerNameRow),
  founders: rows(founderRow),
  declaredCounts: rows(countRow),
});

export type OrganizationSideProfileInput = z.infer<typeof organizationSideProfileSchema>;

export const proposeOrganizationUpdateSchema = z.object({
  baseVersion,
  reason: optionalText(2000),
  values: organizationSideProfileSchema,
  source: profileCitationSchema,
});

export type FormerName = { locale: "en" | "zh"; name: string; validUntil: PartialDate | null };
export type FounderEntry = { institutionId: string; name: string; role: FounderRoleValue };
export type DeclaredCountEntry = {
  subject: CountSubjectValue;
  qualifier: (typeof COUNT_QUALIFIERS)[number];
  value: number;
  asOf: PartialDate | null;
};

/**
 * The profile as a change request keeps it (before and proposed) and the applier reads it: founders named by their
 * institution's id, with its English name for the review's diff.
 */
export type OrganizationSideProfile = Omit<OrganizationSideProfileInput, "founders"> & {
  formerNames: FormerName[];
  founders: FounderEntry[];
  declaredCounts: DeclaredCountEntry[];
};
