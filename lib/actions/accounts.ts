"use server";

import { requestPasswordReset } from "../data/accounts/password-reset";
import { inviteUser, setPasswordWithToken, updateUserAccess } from "../data/accounts/user-admin";
import { loginPath } from "../shared/paths";
import {
  inviteUserSchema,
  requestResetSchema,
  setPasswordSchema,
  updateUserAccessSchema,
} from "../validation/accounts";
import { action } from "./action";

export const inviteUserAction = action({
  name: "inviteUser",
  schema: inviteUserSchema,
  async run(actor, input, locale) {
    const r = await inviteUser(actor, input, locale);
    if (!r.handOver) return { message: `Invitation sent to ${input.email}.` };
    return {
      message:
        `${input.email} is invited, but the invitation was not mailed (${r.reason}). ` +
        "Give them this link yourself: it works once, for 7 days, and is shown only now.",
      handOver: r.handOver,
    };
  },
});

export const updateUserAccessAction = action({
  name: "updateUserAccess",
  schema: updateUserAccessSchema,
  async run(actor, input, locale) {
    await updateUserAccess(actor, input, locale);
    return { message: "Saved; the person's open sessions have ended." };
  },
});

export const requestPasswordResetAction = action({
  name: "requestPasswordReset",
  schema: requestResetSchema,
  async run(_actor, input, locale, context) {
    await requestPasswordReset({ email: input.email, locale, clientAddress: context.clientAddress }, context.later);
    return { message: "If an account uses this address, a link to reset its password is on its way." };
  },
});

export const setPasswordAction = action({
  name: "setPassword",
  schema: setPasswordSchema,
  async run(_actor, input, locale) {
    await setPasswordWithToken(input.token, input.password);
    return { message: "Your password is set. You can sign in now.", redirectTo: loginPath(locale, { done: true }) };
  },
});
