import { z } from "zod";
import { answersCorrection } from "./corrections";
import { institutionKinds } from "../shared/vocabulary";
import { baseVersion, citation, nullableUrl, optionalText, sourceSeenOn, wikidataIdField } from "./fields";
import { say } from "./say";

/** An institution's own profile, as staff may propose it and admins may set it. */
export const institutionProfileSchema = z.object({
  nameEn: z.string().trim().min(2, say("englishName")).max(300),
  nameZh: optionalText(300),
  city: optionalText(120),
  website: nullableUrl,
  // ROR IDs: 0 + 6 characters of Crockford base32 + a 2-digit checksum (https://ror.org/…).
  rorId: z
    .string()
    .trim()
    .toLowerCase()
    .max(60)
    .transform((v) => v.replace(/^https?:\/\/ror\.org\//, "") || null)
    .refine((v) => v === null || /^0[a-hj-km-np-tv-z0-9]{6}[0-9]{2}$/.test(v), say("rorId")),
  wikidataId: wikidataIdField(),
});

export type InstitutionProfileValues = z.infer<typeof institutionProfileSchema>;

/**
 * The source of the changed profile values (address or title, the passage, the day it was read): required when
 * a value changes, which the data layer decides against the current profile (lib/shared/fact-sources.ts).
 */
export const profileCitationSchema = z.object({ ...citation, sourceSeenOn });

export type ProfileCitation = z.infer<typeof profileCitationSchema>;

export const proposeInstitutionUpdateSchema = z.object({
  baseVersion,
  reason: optionalText(2000),
  values: institutionProfileSchema,
  source: profileCitationSchema,
  ...answersCorrection,
});

export const adminUpdateInstitutionSchema = z.object({
  institutionSlug: z.string().trim().min(1).max(100),
  baseVersion,
  values: institutionProfileSchema,
  source: profileCitationSchema,
});

export const adminCreateInstitutionSchema = z.object({
  kind: z.enum(institutionKinds.values, { error: say("chooseType") }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, say("countryCode")),
  values: institutionProfileSchema,
});
