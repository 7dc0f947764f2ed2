"use server";

import { approveClaim, rejectClaim } from "../data/accounts/claims";
import { requestSignup } from "../data/accounts/signup";
import { decideClaimSchema, requestSignupSchema } from "../validation/signup";
import { action } from "./action";

export const requestSignupAction = action({
  name: "requestSignup",
  schema: requestSignupSchema,
  async run(_actor, input, locale, context) {
    await requestSignup({ ...input, locale, clientAddress: context.clientAddress }, context.later);
    // The same answer whether or not the address has an account: the mail says which.
    return { message: "Check your inbox: we sent a mail to this address with what to do next." };
  },
});

export const approveClaimAction = action({
  name: "approveClaim",
  schema: decideClaimSchema,
  async run(actor, input) {
    const { staffRole } = await approveClaim(actor, input);
    return {
      message:
        staffRole === "MANAGER"
          ? "Approved: the person is now their institution's manager."
          : "Approved: the person is now an editor of their institution.",
    };
  },
});

export const rejectClaimAction = action({
  name: "rejectClaim",
  schema: decideClaimSchema,
  async run(actor, input) {
    await rejectClaim(actor, input);
    return { message: "Rejected: the account is disabled." };
  },
});
