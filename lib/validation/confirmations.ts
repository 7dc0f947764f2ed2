import { z } from "zod";
import { citation, requireSource } from "./fields";
import { say } from "./say";

const membershipId = z.string().trim().min(1, say("chooseMembership")).max(40);

export const confirmMembershipSchema = z.object({ membershipId });

/** The ticked entries of the dashboard: one checkbox each, named membershipIds.<row>. */
export const confirmMembershipsSchema = z.object({
  membershipIds: z
    .record(z.string().regex(/^\d{1,3}$/), membershipId)
    .default({})
    .refine((ids) => Object.keys(ids).length > 0, say("chooseMemberships"))
    .transform((ids) => Object.values(ids)),
});

/** The organization's own statement that the institution is a member: where it says so. */
export const organizationConfirmationSchema = z.object({ membershipId, ...citation }).superRefine(requireSource);

export type OrganizationConfirmationValues = z.infer<typeof organizationConfirmationSchema>;
