import { z } from "zod";
import { requestSignupSchema } from "./signup";

const organizationSlug = z.string().trim().min(1).max(100);

/** A secretariat's sign-up: the university sign-up's fields, for the organization whose page it came from. */
export const requestSecretariatSignupSchema = requestSignupSchema.extend({ organizationSlug });

/** An organization's own email domains as an admin types them: one a line (lib/data/secretariats/email-domains.ts). */
export const setOrganizationEmailDomainsSchema = z.object({
  organizationSlug,
  domains: z.string().max(4000).default(""),
});
