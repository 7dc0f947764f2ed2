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
 * decide on the admin page, managers of a university or of a secretariat on their colleagues page.
 */
const listPath = (actor: Actor | null, locale: Locale, done: ClaimOutcome) =>
  `/${locale}/${actor?.role === "ADMIN" ? "admin/claims" : "account/colleagues"}?done=${done}`;

const APPROVED = {
  institution: {
    MANAGER: "Approved: the person is now their institution's manager.",
    EDITOR: "Approved: the person is now an editor of their institution.",
  },
  organization: {
    MANAGER: "Approved: the person is now their organization's secretariat manager.",
    EDITOR: "Approved: the person is now an editor of their organization's secretariat.",
  },
} as const;

export const approveClaimAction = action({
  name: "approveClaim",
  schema: decideClaimSchema,
  async run(actor, input, locale) {
    const { staffRole, side } = await approveClaim(actor, input);
    const role = staffRole === "MANAGER" ? "manager" : "editor";
    return {
      message: APPROVED[side][staffRole],
      redirectTo: listPath(actor, locale, side === "organization" ? `secretariat-${role}` : role),
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
