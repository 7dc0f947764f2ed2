import { z } from "zod";
import { membershipRoles, membershipStatuses } from "../shared/vocabulary";
import { baseVersion, citation, optionalText, partialDate, requireSource } from "./fields";
import { say } from "./say";

/** The values a staff member may propose for one of their institution's memberships. */
export const membershipValuesSchema = z
  .object({
    role: z.enum(membershipRoles.values, { error: say("chooseRole") }),
    status: z.enum(membershipStatuses.values, { error: say("chooseStatus") }),
    joined: partialDate,
    ended: partialDate,
    notes: optionalText(2000),
    ...citation,
  })
  .superRefine((v, ctx) => {
    if (v.joined && v.ended && v.ended.iso < v.joined.iso)
      ctx.addIssue({ code: "custom", path: ["ended"], message: say("endBeforeJoined") });
    if (v.status === "WITHDRAWN" && !v.ended)
      ctx.addIssue({
        code: "custom",
        path: ["ended"],
        message: say("endedRequired"),
      });
    requireSource(v, ctx);
  });

export type MembershipValues = z.infer<typeof membershipValuesSchema>;

export const proposeMembershipUpdateSchema = z.object({
  membershipId: z.string().min(1).max(40),
  baseVersion,
  reason: optionalText(2000),
  values: membershipValuesSchema,
});

/**
 * A new membership: the organization as chosen from the suggestions (its slug) and as typed (its name).
 * Without JavaScript only the name arrives, and the data layer resolves it (resolveOrganizationChoice).
 */
export const proposeMembershipCreateSchema = z
  .object({
    organizationSlug: z.string().trim().max(100).default(""),
    organization: z.string().trim().max(200).default(""),
    reason: optionalText(2000),
    values: membershipValuesSchema,
  })
  .superRefine((v, ctx) => {
    if (!v.organizationSlug && !v.organization)
      ctx.addIssue({ code: "custom", path: ["organization"], message: say("chooseOrganization") });
  });
