import { z } from "zod";
import { citation, requireSource } from "./fields";
import { say } from "./say";

const membershipId = z.string().trim().min(1, say("chooseMembership")).max(40);

export const confirmMembershipSchema = z.object({ membershipId });

/** The organization's own statement that the institution is a member: where it says so. */
export const organizationConfirmationSchema = z.object({ membershipId, ...citation }).superRefine(requireSource);

export type OrganizationConfirmationValues = z.infer<typeof organizationConfirmationSchema>;
