"use server";

import { approveChangeRequests, bulkApprovalReport } from "../data/change-requests/bulk-approve";
import { commentOnChangeRequest } from "../data/change-requests/comments";
import { approveChangeRequest, rejectChangeRequest, withdrawChangeRequest } from "../data/change-requests/decide";
import {
  proposeInstitutionUpdate,
  proposeMembershipCreate,
  proposeMembershipUpdate,
  proposeOrganizationCreate,
} from "../data/change-requests/propose";
import { changeRequestPath } from "../shared/paths";
import { proposeInstitutionUpdateSchema } from "../validation/institutions";
import { proposeMembershipCreateSchema, proposeMembershipUpdateSchema } from "../validation/memberships";
import { proposeOrganizationCreateSchema } from "../validation/organizations";
import { bulkApprovalSchema, commentSchema, decisionSchema, withdrawSchema } from "../validation/reviews";
import { action } from "./action";

export const proposeMembershipUpdateAction = action({
  name: "proposeMembershipUpdate",
  schema: proposeMembershipUpdateSchema,
  async run(actor, input, locale) {
    const r = await proposeMembershipUpdate(actor, input);
    return { message: "Your change was sent for review.", redirectTo: changeRequestPath(locale, r.id) };
  },
});

export const proposeMembershipCreateAction = action({
  name: "proposeMembershipCreate",
  schema: proposeMembershipCreateSchema,
  async run(actor, input, locale) {
    const r = await proposeMembershipCreate(actor, input);
    return { message: "Your new membership was sent for review.", redirectTo: changeRequestPath(locale, r.id) };
  },
});

export const proposeInstitutionUpdateAction = action({
  name: "proposeInstitutionUpdate",
  schema: proposeInstitutionUpdateSchema,
  async run(actor, input, locale) {
    const r = await proposeInstitutionUpdate(actor, input);
    return { message: "Your profile change was sent for review.", redirectTo: changeRequestPath(locale, r.id) };
  },
});

export const proposeOrganizationCreateAction = action({
  name: "proposeOrganizationCreate",
  schema: proposeOrganizationCreateSchema,
  async run(actor, input, locale) {
    const r = await proposeOrganizationCreate(actor, input);
    // Its page, where the proposer lands, names them too (with links): this answer is for a form left open.
    const message = r.similar.length
      ? "The new organization was sent for review. Similar organizations are already in the registry: " +
        `${r.similar.map((s) => s.name).join(", ")}.`
      : "The new organization was sent for review.";
    return { message, redirectTo: changeRequestPath(locale, r.id) };
  },
});

export const withdrawChangeRequestAction = action({
  name: "withdrawChangeRequest",
  schema: withdrawSchema,
  async run(actor, input, locale) {
    await withdrawChangeRequest(actor, input.changeRequestId);
    // Back to the request without the confirmation step: it now shows its status, Withdrawn.
    return { message: "The request was withdrawn.", redirectTo: changeRequestPath(locale, input.changeRequestId) };
  },
});

export const commentOnChangeRequestAction = action({
  name: "commentOnChangeRequest",
  schema: commentSchema,
  async run(actor, input) {
    await commentOnChangeRequest(actor, input.changeRequestId, input.body);
    return { message: "Comment added." };
  },
});

/** The review page's one decision: the button pressed says which; a rejection's comment is its reason. */
export const decideChangeRequestAction = action({
  name: "decideChangeRequest",
  schema: decisionSchema,
  async run(actor, input, locale) {
    const redirectTo = changeRequestPath(locale, input.changeRequestId);
    if (input.decision === "reject") {
      await rejectChangeRequest(actor, input.changeRequestId, input.comment ?? "");
      return { message: "Rejected; the proposer has been told why.", redirectTo };
    }
    const r = await approveChangeRequest(actor, input.changeRequestId, input.comment);
    return { message: "Approved: the change is public.", tags: r.tags, redirectTo };
  },
});

/** The queue's "Approve selected": each ticked request through the same path, with a line on each. */
export const approveChangeRequestsAction = action({
  name: "approveChangeRequests",
  schema: bulkApprovalSchema,
  async run(actor, input, locale) {
    const r = await approveChangeRequests(actor, input.ids, input.comment, locale);
    return { ...bulkApprovalReport(r, locale), tags: r.tags };
  },
});
