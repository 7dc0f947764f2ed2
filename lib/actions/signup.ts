"use server";

import { approveClaim, rejectClaim } from "../data/accounts/claims";
import { requestSignup } from "../data/accounts/signup";
import { decideClaimSchema, requestSignupSchema } from "../validation/signup";
import type { Locale } from "../../i18n/routing";
import type { Actor } from "../shared/actor";
import type { ClaimOutcome } from "../shared/claims";
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

/**
 * The decided claim leaves its list, and its form with it: the list's page says what happened (`done`). Admins
 * decide on the admin page, managers on their colleagues page.
 */
const listPath = (actor: Actor | null, locale: Locale, done: ClaimOutcome) =>
  `/${locale}/${actor?.role === "ADMIN" ? "admin/claims" : "account/colleagues"}?done=${done}`;

export const approveClaimAction = action({
  name: "approveClaim",
  schema: decideClaimSchema,
  async run(actor, input, locale) {
    const { staffRole } = await approveClaim(actor, input);
    return {
      message:
        staffRole === "MANAGER"
          ? "Approved: the person is now their institution's manager."
          : "Approved: the person is now an editor of their institution.",
      redirectTo: listPath(actor, locale, staffRole === "MANAGER" ? "manager" : "editor"),
    };
  },
});

export const rejectClaimAction = action({
  name: "rejectClaim",
  schema: decideClaimSchema,
  async run(actor, input, locale) {
    await rejectClaim(actor, input);
    return { message: "Rejected: the account is disabled.", redirectTo: listPath(actor, locale, "rejected") };
  },
});
