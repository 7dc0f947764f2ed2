"use server";

import { mergeOrganizationProposal } from "../data/change-requests/merge";
import { changeRequestPath } from "../shared/paths";
import { mergeSchema } from "../validation/reviews";
import { action } from "./action";

const told = {
  MEMBERSHIP_CREATED: "the membership was added; no new organization was created.",
  MEMBERSHIP_UPDATED: "the existing membership was updated with the proposed values; no new organization was created.",
  NOTHING_TO_CHANGE:
    "the existing membership already says the same, so the request is approved with nothing to change.",
} as const;

/** Admins: a proposed new organization that is a duplicate becomes a membership of the existing one. */
export const mergeOrganizationProposalAction = action({
  name: "mergeOrganizationProposal",
  schema: mergeSchema,
  async run(actor, input, locale) {
    const r = await mergeOrganizationProposal(actor, input);
    return {
      message: `Recorded as a membership of ${r.organization}: ${told[r.outcome]}`,
      tags: r.tags,
      redirectTo: changeRequestPath(locale, input.changeRequestId),
    };
  },
});
