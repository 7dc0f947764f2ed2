"use server";

import { proposeOrganizationUpdate } from "../data/organization-side/profile-propose";
import { changeRequestPath } from "../shared/paths";
import { proposeOrganizationUpdateSchema } from "../validation/organization-profile";
import { action } from "./action";

/** An organization's secretariat proposes changes to its own organization's profile (issue 16). */
export const proposeOrganizationUpdateAction = action({
  name: "proposeOrganizationUpdate",
  schema: proposeOrganizationUpdateSchema,
  async run(actor, input, locale) {
    const r = await proposeOrganizationUpdate(actor, input, locale);
    return {
      message: "Your organization's profile change was sent for review.",
      redirectTo: changeRequestPath(locale, r.id),
    };
  },
});
