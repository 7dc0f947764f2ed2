"use server";

import { removeColleague, setColleagueRole } from "../data/accounts/colleagues";
import { removeColleagueSchema, setColleagueRoleSchema } from "../validation/colleagues";
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
  async run(actor, input) {
    await removeColleague(actor, input);
    return { message: "Removed: the account is disabled and no longer your institution's." };
  },
});
