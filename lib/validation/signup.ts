import { z } from "zod";
import { say } from "./say";

export const requestSignupSchema = z.object({
  email: z.email(say("validEmail")).max(254),
  name: z.string().trim().min(1, say("yourName")).max(200),
});

const userId = z.string().min(1).max(40);

/** A decision on a verified sign-up (claims.ts): the account's id, nothing else. */
export const decideClaimSchema = z.object({ userId });
