import { defineAction } from "./define";
import {
  adminCreateInstitutionSchema,
  adminUpdateInstitutionSchema,
  proposeInstitutionUpdateSchema,
} from "../validation/institutions";
import { proposeMembershipCreateSchema, proposeMembershipUpdateSchema } from "../validation/memberships";
import {
  adminCreateOrganizationSchema,
  adminUpdateOrganizationSchema,
  proposeOrganizationCreateSchema,
} from "../validation/organizations";
import { commentSchema, decisionSchema, rejectionSchema, withdrawSchema } from "../validation/reviews";
import {
  adminUpdateInstitution,
  approveChangeRequest,
  commentOnChangeRequest,
  proposeInstitutionUpdate,
  proposeMembershipCreate,
  proposeMembershipUpdate,
  proposeOrganizationCreate,
  rejectChangeRequest,
  withdrawChangeRequest,
} from "../data/change-requests/requests";
import { markNotificationsRead } from "../data/accounts/users";
import { adminCreateInstitution, adminCreateOrganization, adminUpdateOrganization } from "../data/admin/records";
import { inviteUser, setPasswordWithToken, updateUserAccess } from "../data/accounts/user-admin";
import { requestPasswordReset } from "../data/accounts/password-reset";
import {
  inviteUserSchema,
  requestResetSchema,
  setPasswordSchema,
  updateUserAccessSchema,
} from "../validation/accounts";
import { z } from "zod";
import { confirmMembership, recordOrganizationConfirmation } from "../data/memberships/confirmations";
import { confirmMembershipSchema, organizationConfirmationSchema } from "../validation/confirmations";
import { previewImport, submitImport } from "../data/import/drafts";
import { previewImportSchema, submitImportSchema } from "../validation/import";

// Every server action of the portal. Each "use server" file under lib/actions wraps one of these, and the
// authorization matrix test (tests/integration/authorization-matrix.test.ts) has a row for each.
export const actions = {
  proposeMembershipUpdate: defineAction({
    name: "proposeMembershipUpdate",
    schema: proposeMembershipUpdateSchema,
    async run(actor, input, locale) {
      const r = await proposeMembershipUpdate(actor, input);
      return { message: "Your change was sent for review.", redirectTo: `/${locale}/account/requests/${r.id}` };
    },
  }),
  proposeMembershipCreate: defineAction({
    name: "proposeMembershipCreate",
    schema: proposeMembershipCreateSchema,
    async run(actor, input, locale) {
      const r = await proposeMembershipCreate(actor, input);
      return { message: "Your new membership was sent for review.", redirectTo: `/${locale}/account/requests/${r.id}` };
    },
  }),
  withdrawChangeRequest: defineAction({
    name: "withdrawChangeRequest",
    schema: withdrawSchema,
    async run(actor, input) {
      await withdrawChangeRequest(actor, input.changeRequestId);
      return { message: "The request was withdrawn." };
    },
  }),
  commentOnChangeRequest: defineAction({
    name: "commentOnChangeRequest",
    schema: commentSchema,
    async run(actor, input) {
      await commentOnChangeRequest(actor, input.changeRequestId, input.body);
      return { message: "Comment added." };
    },
  }),
  approveChangeRequest: defineAction({
    name: "approveChangeRequest",
    schema: decisionSchema,
    async run(actor, input, locale) {
      const r = await approveChangeRequest(actor, input.changeRequestId, input.comment);
      return {
        message: "Approved: the change is public.",
        tags: r.tags,
        redirectTo: `/${locale}/account/requests/${input.changeRequestId}`,
      };
    },
  }),
  rejectChangeRequest: defineAction({
    name: "rejectChangeRequest",
    schema: rejectionSchema,
    async run(actor, input, locale) {
      await rejectChangeRequest(actor, input.changeRequestId, input.comment);
      return {
        message: "Rejected; the proposer has been told why.",
        redirectTo: `/${locale}/account/requests/${input.changeRequestId}`,
      };
    },
  }),
  markNotificationsRead: defineAction({
    name: "markNotificationsRead",
    schema: z.object({}),
    async run(actor) {
      await markNotificationsRead(actor);
      return { message: "Marked as read." };
    },
  }),
  inviteUser: defineAction({
    name: "inviteUser",
    schema: inviteUserSchema,
    async run(actor, input, locale) {
      const r = await inviteUser(actor, input, locale);
      if (!r.handOver) return { message: `Invitation sent to ${input.email}.` };
      return {
        message: `${input.email} is invited, but the invitation was not mailed (${r.reason}). Give them this link yourself: it works once, for 7 days, and is shown only now.`,
        handOver: r.handOver,
      };
    },
  }),
  updateUserAccess: defineAction({
    name: "updateUserAccess",
    schema: updateUserAccessSchema,
    async run(actor, input) {
      await updateUserAccess(actor, input);
      return { message: "Saved; the person's open sessions have ended." };
    },
  }),
  requestPasswordReset: defineAction({
    name: "requestPasswordReset",
    schema: requestResetSchema,
    async run(_actor, input, locale, context) {
      await requestPasswordReset({ email: input.email, locale, clientAddress: context.clientAddress }, context.later);
      return { message: "If an account uses this address, a link to reset its password is on its way." };
    },
  }),
  setPassword: defineAction({
    name: "setPassword",
    schema: setPasswordSchema,
    async run(_actor, input, locale) {
      await setPasswordWithToken(input.token, input.password);
      return { message: "Your password is set. You can sign in now.", redirectTo: `/${locale}/login?done=1` };
    },
  }),
  proposeInstitutionUpdate: defineAction({
    name: "proposeInstitutionUpdate",
    schema: proposeInstitutionUpdateSchema,
    async run(actor, input, locale) {
      const r = await proposeInstitutionUpdate(actor, input);
      return { message: "Your profile change was sent for review.", redirectTo: `/${locale}/account/requests/${r.id}` };
    },
  }),
  proposeOrganizationCreate: defineAction({
    name: "proposeOrganizationCreate",
    schema: proposeOrganizationCreateSchema,
    async run(actor, input, locale) {
      const r = await proposeOrganizationCreate(actor, input);
      return {
        message: "The new organization was sent for review.",
        redirectTo: `/${locale}/account/requests/${r.id}`,
      };
    },
  }),
  adminUpdateInstitution: defineAction({
    name: "adminUpdateInstitution",
    schema: adminUpdateInstitutionSchema,
    async run(actor, input) {
      const tags = await adminUpdateInstitution(actor, input);
      return { message: "Saved and published.", tags };
    },
  }),
  adminCreateInstitution: defineAction({
    name: "adminCreateInstitution",
    schema: adminCreateInstitutionSchema,
    async run(actor, input, locale) {
      const r = await adminCreateInstitution(actor, input);
      return { message: "Institution added.", tags: r.tags, redirectTo: `/${locale}/admin/institutions/${r.slug}` };
    },
  }),
  adminUpdateOrganization: defineAction({
    name: "adminUpdateOrganization",
    schema: adminUpdateOrganizationSchema,
    async run(actor, input) {
      const tags = await adminUpdateOrganization(actor, input);
      return { message: "Saved and published.", tags };
    },
  }),
  adminCreateOrganization: defineAction({
    name: "adminCreateOrganization",
    schema: adminCreateOrganizationSchema,
    async run(actor, input, locale) {
      const r = await adminCreateOrganization(actor, input);
      return {
        message: "Organization added and published.",
        tags: r.tags,
        redirectTo: `/${locale}/admin/organizations/${r.slug}`,
      };
    },
  }),
  confirmMembership: defineAction({
    name: "confirmMembership",
    schema: confirmMembershipSchema,
    async run(actor, input, locale) {
      const r = await confirmMembership(actor, input.membershipId);
      return {
        message: "Thank you: the entry is confirmed as accurate.",
        tags: r.tags,
        redirectTo: `/${locale}/account`,
      };
    },
  }),
  recordOrganizationConfirmation: defineAction({
    name: "recordOrganizationConfirmation",
    schema: organizationConfirmationSchema,
    async run(actor, input) {
      const r = await recordOrganizationConfirmation(actor, input);
      return { message: "The organization's confirmation is recorded.", tags: r.tags };
    },
  }),
  previewImport: defineAction({
    name: "previewImport",
    schema: previewImportSchema,
    async run(actor, input, locale) {
      const r = await previewImport(actor, input);
      return {
        message: `${r.rows} entries found: review them below.`,
        redirectTo: `/${locale}/account/import/${r.id}`,
      };
    },
  }),
  submitImport: defineAction({
    name: "submitImport",
    schema: submitImportSchema,
    async run(actor, input, locale) {
      const r = await submitImport(actor, input);
      return {
        message: `${r.requests} changes were sent for review.`,
        redirectTo: `/${locale}/account?imported=${r.requests}`,
      };
    },
  }),
} as const;

export type ActionName = keyof typeof actions;
