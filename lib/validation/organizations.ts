import { z } from "zod";
import { membershipRoles, organizationKinds } from "../shared/vocabulary";
import {
  baseVersion,
  citation,
  nullableUrl,
  optionalText,
  partialDate,
  requireSource,
  wikidataIdField,
} from "./fields";
import { say } from "./say";

/** An organization's profile: as admins set it directly, and as the first part of a staff proposal. */
export const organizationProfileSchema = z.object({
  nameEn: z.string().trim().min(3, say("englishName")).max(300),
  nameZh: optionalText(300),
  acronym: optionalText(30),
  kind: z.enum(organizationKinds.values, { error: say("chooseType") }),
  founded: partialDate,
  website: nullableUrl,
  introduction: optionalText(5000),
});

export type OrganizationProfileValues = z.infer<typeof organizationProfileSchema>;

/** A new organization proposed by staff, with the proposing institution's membership in it. */
export const organizationProposalSchema = organizationProfileSchema
  .extend({
    role: z.enum(membershipRoles.values, { error: say("chooseRole") }),
    joined: partialDate,
    ...citation,
  })
  .superRefine(requireSource);

export type OrganizationProposal = z.infer<typeof organizationProposalSchema>;

export const proposeOrganizationCreateSchema = z.object({
  reason: optionalText(2000),
  values: organizationProposalSchema,
});

/** What admins set directly: the profile plus the organization's Wikidata item (left unchanged when not sent). */
export const adminOrganizationValuesSchema = organizationProfileSchema.extend({
  wikidataId: wikidataIdField().optional(),
});

export type AdminOrganizationValues = z.infer<typeof adminOrganizationValuesSchema>;

export const adminUpdateOrganizationSchema = z.object({
  organizationSlug: z.string().trim().min(1).max(100),
  baseVersion,
  values: adminOrganizationValuesSchema,
});

/** A new organization added by an admin directly: its profile and the source its facts come from. */
export const adminCreateOrganizationSchema = z.object({
  values: organizationProfileSchema.extend(citation).superRefine(requireSource),
});

export type CitedOrganizationProfile = z.infer<typeof adminCreateOrganizationSchema>["values"];
