"use server";

import { removeColleague, setColleagueRole } from "../data/accounts/colleagues";
import { leaveAndDeleteAccount } from "../data/accounts/leave";
import { leaveAndDeleteAccountSchema, removeColleagueSchema, setColleagueRoleSchema } from "../validation/colleagues";
import { action } from "./action";

export const setColleagueRoleAction = action({
  name: "setColleagueRole",
  schema: setColleagueRoleSchema,
  async run(actor, input) {
    await setColleagueRole(actor, input);
    return { message: "Saved; your colleague's open sessions have ended." };
  },
});

export const removeColleagueAction = action({
  name: "removeColleague",
  schema: removeColleagueSchema,
  async run(actor, input, locale) {
    const { side } = await removeColleague(actor, input);
    // The form leaves the page with its colleague's row: the list says what happened.
    return side === "organization"
      ? {
          message: "Removed: the account is disabled and no longer your organization's.",
          redirectTo: `/${locale}/account/colleagues?done=removed`,
        }
      : {
          message: "Removed: the account is disabled and no longer your institution's.",
          redirectTo: `/${locale}/account/colleagues?done=removed`,
        };
  },
});

export const leaveAndDeleteAccountAction = action({
  name: "leaveAndDeleteAccount",
  schema: leaveAndDeleteAccountSchema,
  async run(actor, input, locale) {
    await leaveAndDeleteAccount(actor, input);
    // The session ended with the account: the sign-in page says it is done.
    return { message: "Your account is deleted.", redirectTo: `/${locale}/login?done=left` };
  },
});
