"use server";

import { setOrganizationEmailDomains } from "../data/secretariats/email-domains";
import { requestSecretariatSignup } from "../data/secretariats/signup";
import { requestSecretariatSignupSchema, setOrganizationEmailDomainsSchema } from "../validation/secretariats";
import { action } from "./action";

export const requestSecretariatSignupAction = action({
  name: "requestSecretariatSignup",
  schema: requestSecretariatSignupSchema,
  async run(_actor, input, locale, context) {
    await requestSecretariatSignup({ ...input, locale, clientAddress: context.clientAddress }, context.later);
    // The same answer as a university's sign-up, whether or not the address has an account: the mail says which.
    return { message: "Check your inbox: we sent a mail to this address with what to do next." };
  },
});

export const setOrganizationEmailDomainsAction = action({
  name: "setOrganizationEmailDomains",
  schema: setOrganizationEmailDomainsSchema,
  async run(actor, input) {
    await setOrganizationEmailDomains(actor, input);
    return { message: "Saved: the organization's email domains." };
  },
});
