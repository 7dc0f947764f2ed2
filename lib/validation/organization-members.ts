import { z } from "zod";
import { baseVersion, citation, optionalText, partialDate, requireSource, sourceSeenOn } from "./fields";
import { membershipValuesSchema } from "./memberships";
import { say } from "./say";

// A secretariat's statements of its organization's members (lib/data/organization-side): each cites a source.

/** A member chosen from the directory: the type-ahead's slug, or the name as typed (a form without JavaScript). */
export const proposeOrganizationMemberSchema = z
  .object({
    institutionSlug: z.string().trim().max(200).default(""),
    institution: z.string().trim().max(300).default(""),
    reason: optionalText(2000),
    values: membershipValuesSchema,
  })
  .refine((v) => Boolean(v.institutionSlug || v.institution), {
    path: ["institution"],
    message: say("chooseMember"),
    when: (payload) =>
      z.object({ institutionSlug: z.string(), institution: z.string() }).safeParse(payload.value).success,
  });

/** New facts of a member the organization lists. */
export const proposeOrganizationMemberUpdateSchema = z.object({
  membershipId: z.string().trim().min(1).max(40),
  baseVersion,
  reason: optionalText(2000),
  values: membershipValuesSchema,
});

/** The end of a member's membership, as the organization states it. */
export const proposeOrganizationMemberEndSchema = z
  .object({
    membershipId: z.string().trim().min(1).max(40),
    baseVersion,
    reason: optionalText(2000),
    ended: partialDate,
    ...citation,
    sourceSeenOn,
  })
  .superRefine((v, ctx) => {
    if (!v.ended) ctx.addIssue({ code: "custom", path: ["ended"], message: say("endedRequired") });
    requireSource(v, ctx);
  });
