import { z } from "zod";
import { citation, requireSource } from "./fields";
import { say } from "./say";

const membershipId = z.string().trim().min(1, say("chooseMembership")).max(40);

/** A ticked checkbox ("on"), or true from code; absent is false. */
const ticked = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** "Still accurate", and with `sourceReadAgain` ticked: "I read the source again today" (moves its seen date). */
export const confirmMembershipSchema = z.object({ membershipId, sourceReadAgain: ticked });

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
