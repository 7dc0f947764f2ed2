import { z } from "zod";
import { MembershipRole, MembershipStatus } from "../generated/prisma/enums";
import { parsePartialDate, type PartialDate } from "../shared/dates";

const partialDate = z
  .string()
  .trim()
  .max(40)
  .transform((value, ctx): PartialDate | null => {
    try {
      return parsePartialDate(value);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: e instanceof Error ? e.message : "Not a date." });
      return z.NEVER;
    }
  });

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: at most ${max} characters.`)
    .transform((v) => v || null);

const sourceUrl = z
  .string()
  .trim()
  .max(500)
  .transform((v) => v || null)
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "A source address starts with http:// or https://.");

/** Where a fact comes from: every proposal and every direct addition cites one. */
export const citation = {
  sourceUrl,
  sourceTitle: optionalText(300, "Source title"),
  sourceQuote: optionalText(2000, "Quoted passage"),
};

export function requireSource(v: { sourceUrl: string | null; sourceTitle: string | null }, ctx: z.RefinementCtx) {
  if (!v.sourceUrl && !v.sourceTitle)
    ctx.addIssue({ code: "custom", path: ["sourceUrl"], message: "Cite a source: its address or its title." });
}

/** The values a staff member may propose for one of their institution's memberships. */
export const membershipValuesSchema = z
  .object({
    role: z.enum(MembershipRole, { error: "Choose a role." }),
    status: z.enum(MembershipStatus, { error: "Choose a status." }),
    joined: partialDate,
    ended: partialDate,
    notes: optionalText(2000, "Notes"),
    ...citation,
  })
  .superRefine((v, ctx) => {
    if (v.joined && v.ended && v.ended.iso < v.joined.iso)
      ctx.addIssue({ code: "custom", path: ["ended"], message: "The end date is before the joined date." });
    if (v.status === "WITHDRAWN" && !v.ended)
      ctx.addIssue({
        code: "custom",
        path: ["ended"],
        message: "Give the date the membership ended (a year is enough).",
      });
    requireSource(v, ctx);
  });

export type MembershipValues = z.infer<typeof membershipValuesSchema>;

export const proposeMembershipUpdateSchema = z.object({
  membershipId: z.string().min(1).max(40),
  baseVersion: z.coerce.number().int().min(1),
  reason: optionalText(2000, "Reason"),
  values: membershipValuesSchema,
});

export const proposeMembershipCreateSchema = z.object({
  organizationSlug: z.string().trim().min(1, "Choose an organization.").max(100),
  reason: optionalText(2000, "Reason"),
  values: membershipValuesSchema,
});

export const decisionSchema = z.object({
  changeRequestId: z.string().min(1).max(40),
  comment: optionalText(2000, "Comment"),
});

export const rejectionSchema = z.object({
  changeRequestId: z.string().min(1).max(40),
  comment: z.string().trim().min(3, "Say why the change is rejected.").max(2000),
});

export const commentSchema = z.object({
  changeRequestId: z.string().min(1).max(40),
  body: z.string().trim().min(1, "Write a comment.").max(2000, "At most 2000 characters."),
});

export const withdrawSchema = z.object({ changeRequestId: z.string().min(1).max(40) });

const nullableUrl = z
  .string()
  .trim()
  .max(500)
  .transform((v) => v || null)
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "A web address starts with http:// or https://.");

/** A Wikidata item: Q1234, or its wikidata.org address; blank is none. */
function wikidataIdField() {
  return z
    .string()
    .trim()
    .toUpperCase()
    .max(80)
    .transform((v) => v.replace(/^HTTPS?:\/\/WWW\.WIKIDATA\.ORG\/WIKI\//, "") || null)
    .refine((v) => v === null || /^Q[1-9][0-9]{0,9}$/.test(v), "A Wikidata item looks like Q1234.");
}

/** An institution's own profile, as staff may propose it and admins may set it. */
export const institutionProfileSchema = z.object({
  nameEn: z.string().trim().min(2, "Give the English name.").max(300),
  nameZh: optionalText(300, "Chinese name"),
  city: optionalText(120, "City"),
  website: nullableUrl,
  // ROR IDs: 0 + 6 characters of Crockford base32 + a 2-digit checksum (https://ror.org/…).
  rorId: z
    .string()
    .trim()
    .toLowerCase()
    .max(60)
    .transform((v) => v.replace(/^https?:\/\/ror\.org\//, "") || null)
    .refine((v) => v === null || /^0[a-hj-km-np-tv-z0-9]{6}[0-9]{2}$/.test(v), "A ROR ID looks like 00f1zfq44."),
  wikidataId: wikidataIdField(),
});

export type InstitutionProfileValues = z.infer<typeof institutionProfileSchema>;

export const proposeInstitutionUpdateSchema = z.object({
  baseVersion: z.coerce.number().int().min(1),
  reason: optionalText(2000, "Reason"),
  values: institutionProfileSchema,
});

export const adminUpdateInstitutionSchema = z.object({
  institutionSlug: z.string().trim().min(1).max(100),
  baseVersion: z.coerce.number().int().min(1),
  values: institutionProfileSchema,
});

/** An organization's profile: as admins set it directly, and as the first part of a staff proposal. */
export const organizationProfileSchema = z.object({
  nameEn: z.string().trim().min(3, "Give the English name.").max(300),
  nameZh: optionalText(300, "Chinese name"),
  acronym: optionalText(30, "Acronym"),
  kind: z.enum(["ALLIANCE", "NETWORK", "ASSOCIATION", "FEDERATION", "CONSORTIUM", "AGREEMENT", "PROGRAMME"], {
    error: "Choose a type.",
  }),
  founded: partialDate,
  website: nullableUrl,
  introduction: optionalText(5000, "Introduction"),
});

/** A new organization proposed by staff, with the proposing institution's membership in it. */
export const organizationProposalSchema = organizationProfileSchema
  .extend({
    role: z.enum(MembershipRole, { error: "Choose a role." }),
    joined: partialDate,
    ...citation,
  })
  .superRefine(requireSource);

export type OrganizationProposal = z.infer<typeof organizationProposalSchema>;

export const proposeOrganizationCreateSchema = z.object({
  reason: optionalText(2000, "Reason"),
  values: organizationProposalSchema,
});

export const adminCreateInstitutionSchema = z.object({
  kind: z.enum(["UNIVERSITY", "SCHOOL", "ACADEMY", "MINISTRY", "AGENCY", "HOSPITAL", "RESEARCH_INSTITUTE", "OTHER"], {
    error: "Choose a type.",
  }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "A country or region is its two-letter ISO code, such as HK."),
  values: institutionProfileSchema,
});

export type OrganizationProfileValues = z.infer<typeof organizationProfileSchema>;

/** What admins set directly: the profile plus the organization's Wikidata item (left unchanged when not sent). */
export const adminOrganizationValuesSchema = organizationProfileSchema.extend({
  wikidataId: wikidataIdField().optional(),
});

export type AdminOrganizationValues = z.infer<typeof adminOrganizationValuesSchema>;

export const adminUpdateOrganizationSchema = z.object({
  organizationSlug: z.string().trim().min(1).max(100),
  baseVersion: z.coerce.number().int().min(1),
  values: adminOrganizationValuesSchema,
});

/** A new organization added by an admin directly: its profile and the source its facts come from. */
export const adminCreateOrganizationSchema = z.object({
  values: organizationProfileSchema.extend(citation).superRefine(requireSource),
});

export type CitedOrganizationProfile = z.infer<typeof adminCreateOrganizationSchema>["values"];
