import { z } from "zod";
import { passwordSchema } from "../auth/passwords";
import { staffRoles, userRoles } from "../shared/vocabulary";
import { say } from "./say";

const role = z.enum(userRoles.values, { error: say("chooseRole") });
/** Only for staff; an admin's form may leave it out (staff are then managers). */
const staffRole = z.preprocess((v) => v || undefined, z.enum(staffRoles.values).optional());
const institutionSlug = z
  .string()
  .trim()
  .max(100)
  .transform((v) => v || null);
/** The institution's name as typed in the picker (the slug is what a suggestion chose, if any). */
const institution = z.string().trim().max(300).default("");

export const inviteUserSchema = z.object({
  email: z.email(say("validEmail")).max(254),
  name: z.string().trim().min(1, say("personName")).max(200),
  role,
  staffRole,
  institutionSlug,
  institution,
});

export const updateUserAccessSchema = z.object({
  userId: z.string().min(1).max(40),
  role,
  staffRole,
  institutionSlug,
  institution,
  disabled: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const requestResetSchema = z.object({ email: z.email(say("validEmail")).max(254) });

export const setPasswordSchema = z
  .object({ token: z.string().min(20).max(200), password: passwordSchema, confirm: z.string().max(128) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: say("passwordsDiffer") });

/** Staff mail themselves an address confirmation link: nothing to fill in, the address is the account's own. */
export const requestAddressConfirmationSchema = z.object({});

export const confirmAddressSchema = z.object({ token: z.string().min(20).max(200) });
