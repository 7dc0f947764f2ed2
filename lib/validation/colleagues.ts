import { z } from "zod";
import { staffRoles } from "../shared/vocabulary";
import { say } from "./say";

const userId = z.string().min(1).max(40);

export const setColleagueRoleSchema = z.object({
  userId,
  staffRole: z.enum(staffRoles.values, { error: say("chooseRole") }),
});

export const removeColleagueSchema = z.object({ userId });

export const leaveAndDeleteAccountSchema = z.object({ confirmEmail: z.string().trim().max(254) });
