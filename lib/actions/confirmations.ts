"use server";

import {
  confirmMembership,
  confirmMemberships,
  recordOrganizationConfirmation,
} from "../data/memberships/confirmations";
import { accountPath } from "../shared/paths";
import {
  confirmMembershipSchema,
  confirmMembershipsSchema,
  organizationConfirmationSchema,
} from "../validation/confirmations";
import { action } from "./action";

export const confirmMembershipAction = action({
  name: "confirmMembership",
  schema: confirmMembershipSchema,
  async run(actor, input, locale) {
    const r = await confirmMembership(actor, input.membershipId, { sourceReadAgain: input.sourceReadAgain });
    return {
      message: input.sourceReadAgain
        ? "Thank you: the entry is confirmed as accurate, and its source as read today."
        : "Thank you: the entry is confirmed as accurate.",
      tags: r.tags,
      redirectTo: accountPath(locale),
    };
  },
});

export const confirmMembershipsAction = action({
  name: "confirmMemberships",
  schema: confirmMembershipsSchema,
  async run(actor, input, locale) {
    const r = await confirmMemberships(actor, input.membershipIds);
    return {
      message: "Thank you: the entries you ticked are confirmed as accurate.",
      tags: r.tags,
      redirectTo: accountPath(locale),
    };
  },
});

export const recordOrganizationConfirmationAction = action({
  name: "recordOrganizationConfirmation",
  schema: organizationConfirmationSchema,
  async run(actor, input) {
    const r = await recordOrganizationConfirmation(actor, input);
    return { message: "The organization's confirmation is recorded.", tags: r.tags };
  },
});
