"use server";

import {
  proposeOrganizationMemberEnd,
  proposeOrganizationMemberFromDirectory,
  proposeOrganizationMemberUpdate,
} from "../data/organization-side/propose-member-change";
import { changeRequestPath } from "../shared/paths";
import {
  proposeOrganizationMemberEndSchema,
  proposeOrganizationMemberSchema,
  proposeOrganizationMemberUpdateSchema,
} from "../validation/organization-members";
import { action } from "./action";

// A secretariat's statements of its organization's members (lib/data/organization-side), each through review.

export const proposeOrganizationMemberAction = action({
  name: "proposeOrganizationMember",
  schema: proposeOrganizationMemberSchema,
  async run(actor, input, locale) {
    const r = await proposeOrganizationMemberFromDirectory(actor, input, locale);
    return {
      message: "Your statement of this member was sent for review.",
      redirectTo: changeRequestPath(locale, r.id),
    };
  },
});

export const proposeOrganizationMemberUpdateAction = action({
  name: "proposeOrganizationMemberUpdate",
  schema: proposeOrganizationMemberUpdateSchema,
  async run(actor, input, locale) {
    const r = await proposeOrganizationMemberUpdate(actor, input);
    return {
      message: "Your statement of this member was sent for review.",
      redirectTo: changeRequestPath(locale, r.id),
    };
  },
});

export const proposeOrganizationMemberEndAction = action({
  name: "proposeOrganizationMemberEnd",
  schema: proposeOrganizationMemberEndSchema,
  async run(actor, input, locale) {
    const { ended, sourceUrl, sourceTitle, sourceQuote, sourceSeenOn } = input;
    const r = await proposeOrganizationMemberEnd(actor, {
      membershipId: input.membershipId,
      baseVersion: input.baseVersion,
      reason: input.reason,
      // The schema refuses a blank end; the data layer takes the date it checked.
      ended: ended!,
      source: {
        sourceUrl,
        sourceTitle,
        sourceQuote,
        sourceSeenOn: sourceSeenOn?.iso ?? new Date().toISOString().slice(0, 10),
      },
    });
    return { message: "The end of this membership was sent for review.", redirectTo: changeRequestPath(locale, r.id) };
  },
});
